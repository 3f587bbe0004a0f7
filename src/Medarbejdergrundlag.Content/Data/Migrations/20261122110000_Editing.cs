using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Medarbejdergrundlag.Content.Data.Migrations;

/// <summary>The admin area's tables: the append-only audit log and the redirects from old slugs.</summary>
[DbContext(typeof(ContentDbContext))]
[Migration("20261122110000_Editing")]
public partial class Editing : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: t => new
            {
                Id = t.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                At = t.Column<DateTime>(nullable: false),
                User = t.Column<string>(maxLength: 200, nullable: false),
                Action = t.Column<string>(maxLength: 40, nullable: false),
                ContentItemId = t.Column<int>(nullable: true),
                ItemTitle = t.Column<string>(maxLength: 200, nullable: false),
                Details = t.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_AuditEntries", x => x.Id));

        migrationBuilder.CreateTable(
            name: "SlugRedirects",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                Slug = t.Column<string>(maxLength: 100, nullable: false),
                ContentItemId = t.Column<int>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_SlugRedirects", x => x.Id);
                t.ForeignKey(
                    name: "FK_SlugRedirects_ContentItems_ContentItemId",
                    column: x => x.ContentItemId,
                    principalTable: "ContentItems",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_AuditEntries_At", "AuditEntries", "At");
        migrationBuilder.CreateIndex("IX_AuditEntries_ContentItemId", "AuditEntries", "ContentItemId");
        migrationBuilder.CreateIndex("IX_SlugRedirects_ContentItemId", "SlugRedirects", "ContentItemId");
        migrationBuilder.CreateIndex("IX_SlugRedirects_Kind_Slug", "SlugRedirects", ["Kind", "Slug"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SlugRedirects");
        migrationBuilder.DropTable("AuditEntries");
    }
}
