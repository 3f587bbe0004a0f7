using System.Data.Common;
using System.Globalization;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Medarbejdergrundlag.Content.Tests.Data;

/// <summary>
/// The migrations are written by hand, so nothing else keeps them in step with the model. On
/// every provider, the schema the migrations build must equal the schema the model implies
/// (EnsureCreated): columns, types, nullability, defaults, keys, foreign keys and indexes.
/// </summary>
public sealed class SchemaDriftTests
{
    [Theory, Providers]
    public async Task MigrationsBuildTheSchemaTheModelDescribes(string provider)
    {
        var migrated = await SchemaOfAsync(provider, db => db.Database.MigrateAsync());
        var modelled = await SchemaOfAsync(provider, db => db.Database.EnsureCreatedAsync());

        Assert.NotEmpty(modelled);
        Assert.Equal(modelled, migrated);
    }

    [Theory, Providers]
    public async Task TheDriftCheckSeesAColumnThatOnlyOneSideHas(string provider)
    {
        var modelled = await SchemaOfAsync(provider, db => db.Database.EnsureCreatedAsync());
        var altered = await SchemaOfAsync(provider, async db =>
        {
            await db.Database.EnsureCreatedAsync();
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"ContentItems\" ADD COLUMN \"Extra\" TEXT NULL");
        });

        Assert.NotEqual(modelled, altered);
        Assert.Contains(altered, line => line.Contains("Extra", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDriftCheckSeesATypeThatDiffersOnPostgres()
    {
        var modelled = await SchemaOfAsync(ContentDatabase.Postgres, db => db.Database.EnsureCreatedAsync());
        var altered = await SchemaOfAsync(ContentDatabase.Postgres, async db =>
        {
            await db.Database.EnsureCreatedAsync();
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"ContentRevisions\" ALTER COLUMN \"CreatedAt\" TYPE timestamp without time zone");
        });

        Assert.Equal(modelled.Count, altered.Count);
        Assert.NotEqual(modelled, altered);
    }

    private static Task<List<string>> SchemaOfAsync(string provider, Func<DbContext, Task> build) =>
        ContentDatabase.IsSqlite(provider) ? SqliteSchemaOfAsync(build) : PostgresSchemaOfAsync(build);

    private static async Task<List<string>> SqliteSchemaOfAsync(Func<DbContext, Task> build)
    {
        var connectionString = $"Data Source=drift-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var db = TestDatabase.StandaloneContext(ContentDatabase.Sqlite, connectionString))
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

    private static async Task<List<string>> PostgresSchemaOfAsync(Func<DbContext, Task> build)
    {
        var connectionString = TestPostgres.NewDatabase();
        try
        {
            await using (var db = TestDatabase.StandaloneContext(ContentDatabase.Postgres, connectionString))
            {
                await build(db);
            }

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var schema = new List<string>();
            const string NotHistory = "table_name <> '__EFMigrationsHistory'";

            // Columns: type, length, precision, nullability, default, identity.
            foreach (var c in await QueryAsync(connection, $"""
                SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, is_nullable,
                       column_default, is_identity, identity_generation
                FROM information_schema.columns WHERE table_schema = 'public' AND {NotHistory}
                """))
            {
                schema.Add($"{c[0]}.column {string.Join(" ", c.Skip(1))}");
            }

            // Primary keys, unique and foreign-key constraints with their columns, in order.
            foreach (var k in await QueryAsync(connection, $"""
                SELECT tc.table_name, tc.constraint_name, tc.constraint_type,
                       string_agg(kcu.column_name, ',' ORDER BY kcu.ordinal_position)
                FROM information_schema.table_constraints tc
                JOIN information_schema.key_column_usage kcu
                  ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
                WHERE tc.table_schema = 'public' AND tc.{NotHistory}
                GROUP BY tc.table_name, tc.constraint_name, tc.constraint_type
                """))
            {
                schema.Add($"{k[0]}.constraint {string.Join(" ", k.Skip(1))}");
            }

            // Where each foreign key points and what happens on delete and update.
            foreach (var f in await QueryAsync(connection, """
                SELECT rc.constraint_name, ccu.table_name, ccu.column_name, rc.update_rule, rc.delete_rule
                FROM information_schema.referential_constraints rc
                JOIN information_schema.constraint_column_usage ccu
                  ON ccu.constraint_name = rc.constraint_name AND ccu.constraint_schema = rc.constraint_schema
                WHERE rc.constraint_schema = 'public'
                """))
            {
                schema.Add($"fk {string.Join(" ", f)}");
            }

            // Indexes, by their full definition (unique, columns, method).
            foreach (var i in await QueryAsync(connection, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'"))
            {
                schema.Add($"{i[0]}.index {i[1]} {i[2]}");
            }

            schema.Sort(StringComparer.Ordinal);
            return schema;
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
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
                row[i] = reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
            }

            rows.Add(row);
        }

        return rows;
    }
}
