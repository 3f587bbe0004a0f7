using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Tests.Data;

/// <summary>
/// The migrations are written by hand, so nothing else keeps them in step with the model. The
/// schema the migrations build must equal the schema the model implies (EnsureCreated).
/// </summary>
public sealed class SchemaDriftTests
{
    [Fact]
    public async Task MigrationsBuildTheSchemaTheModelDescribesOnSqlite()
    {
        var migrated = await SchemaOfAsync(db => db.Database.MigrateAsync());
        var modelled = await SchemaOfAsync(db => db.Database.EnsureCreatedAsync());

        Assert.NotEmpty(modelled);
        Assert.Equal(modelled, migrated);
    }

    [Fact]
    public async Task TheDriftCheckSeesAColumnThatOnlyOneSideHas()
    {
        var modelled = await SchemaOfAsync(db => db.Database.EnsureCreatedAsync());
        var altered = await SchemaOfAsync(async db =>
        {
            await db.Database.EnsureCreatedAsync();
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"ContentItems\" ADD COLUMN \"Extra\" TEXT NULL");
        });

        Assert.NotEqual(modelled, altered);
    }

    private static async Task<List<string>> SchemaOfAsync(Func<Microsoft.EntityFrameworkCore.DbContext, Task> build)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using (var db = TestDatabase.StandaloneContext(connection))
        {
            await build(db);
        }

        var schema = new List<string>();
        var tables = await QueryAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND substr(name, 1, 4) <> '__EF' ORDER BY name");
        foreach (var table in tables.Select(r => r[0]))
        {
            // Columns: name, declared type, not-null, default, primary-key position.
            foreach (var c in await QueryAsync(connection, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}') ORDER BY name"))
            {
                schema.Add($"{table}.column {string.Join(" ", c)}");
            }

            foreach (var fk in await QueryAsync(connection, $"SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list('{table}') ORDER BY \"from\""))
            {
                schema.Add($"{table}.fk {string.Join(" ", fk)}");
            }

            foreach (var index in await QueryAsync(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c' ORDER BY name"))
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno");
                schema.Add($"{table}.index {index[0]} unique={index[1]} ({string.Join(",", columns.Select(r => r[0]))})");
            }

            var autoincrement = await QueryAsync(connection, $"SELECT sql LIKE '%AUTOINCREMENT%' FROM sqlite_master WHERE name = '{table}'");
            schema.Add($"{table}.autoincrement {autoincrement[0][0]}");
        }

        schema.Sort(StringComparer.Ordinal);
        return schema;
    }

    private static async Task<List<string[]>> QueryAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            }

            rows.Add(row);
        }

        return rows;
    }
}
