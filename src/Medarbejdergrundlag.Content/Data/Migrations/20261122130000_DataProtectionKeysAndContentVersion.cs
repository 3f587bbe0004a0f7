using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Medarbejdergrundlag.Content.Data.Migrations;

/// <summary>
/// Data Protection keys shared by every instance, and the content version stamp that tells
/// instances a publish happened elsewhere. Hand-written and provider-neutral, like the first.
/// </summary>
[DbContext(typeof(ContentDbContext))]
[Migration("20261122130000_DataProtectionKeysAndContentVersion")]
public partial class DataProtectionKeysAndContentVersion : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FriendlyName = t.Column<string>(maxLength: 200, nullable: true),
                Xml = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_DataProtectionKeys", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ContentVersion",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false),
                Value = t.Column<long>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_ContentVersion", x => x.Id));

        // Plain SQL: InsertData needs a target model, which hand-written migrations do not have.
        migrationBuilder.Sql("INSERT INTO \"ContentVersion\" (\"Id\", \"Value\") VALUES (1, 0)");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ContentVersion");
        migrationBuilder.DropTable("DataProtectionKeys");
    }
}
