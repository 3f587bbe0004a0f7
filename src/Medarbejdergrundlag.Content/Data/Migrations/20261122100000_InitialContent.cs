using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Medarbejdergrundlag.Content.Data.Migrations;

/// <summary>
/// Written by hand (the EF design-time package does not restore here). No store types, so each
/// provider picks its own; identity columns carry every provider's annotation and each ignores
/// the others'. SchemaDriftTests compare the result with the model.
/// </summary>
[DbContext(typeof(ContentDbContext))]
[Migration("20261122100000_InitialContent")]
public partial class InitialContent : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ContentItems",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Kind = t.Column<string>(maxLength: 40, nullable: false),
                Key = t.Column<string>(maxLength: 100, nullable: false),
                SortOrder = t.Column<int>(nullable: false),
                IsArchived = t.Column<bool>(nullable: false),
                PublishedRevisionId = t.Column<int>(nullable: true),
                CurrentRevisionId = t.Column<int>(nullable: true),
                Version = t.Column<int>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
                UpdatedBy = t.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_ContentItems", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ContentRevisions",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ContentItemId = t.Column<int>(nullable: false),
                Number = t.Column<int>(nullable: false),
                Title = t.Column<string>(maxLength: 200, nullable: false),
                Slug = t.Column<string>(maxLength: 100, nullable: false),
                LeadMarkdown = t.Column<string>(maxLength: 1000, nullable: false),
                LeadHtml = t.Column<string>(maxLength: 4000, nullable: false),
                BodyMarkdown = t.Column<string>(nullable: false),
                BodyHtml = t.Column<string>(nullable: false),
                PointsMarkdown = t.Column<string>(nullable: false),
                PointsHtml = t.Column<string>(nullable: false),
                PlainText = t.Column<string>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                CreatedBy = t.Column<string>(maxLength: 200, nullable: false),
                ChangeNote = t.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ContentRevisions", x => x.Id);
                t.ForeignKey(
                    name: "FK_ContentRevisions_ContentItems_ContentItemId",
                    column: x => x.ContentItemId,
                    principalTable: "ContentItems",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        // The item -> revision pointers close a cycle, so they are added once both tables exist.
        migrationBuilder.AddForeignKey(
            name: "FK_ContentItems_ContentRevisions_PublishedRevisionId",
            table: "ContentItems",
            column: "PublishedRevisionId",
            principalTable: "ContentRevisions",
            principalColumn: "Id",
            onDelete: ReferentialAction.Restrict);
        migrationBuilder.AddForeignKey(
            name: "FK_ContentItems_ContentRevisions_CurrentRevisionId",
            table: "ContentItems",
            column: "CurrentRevisionId",
            principalTable: "ContentRevisions",
            principalColumn: "Id",
            onDelete: ReferentialAction.Restrict);

        migrationBuilder.CreateIndex("IX_ContentItems_Key", "ContentItems", "Key", unique: true);
        migrationBuilder.CreateIndex("IX_ContentItems_Kind_SortOrder", "ContentItems", ["Kind", "SortOrder"]);
        migrationBuilder.CreateIndex("IX_ContentItems_PublishedRevisionId", "ContentItems", "PublishedRevisionId");
        migrationBuilder.CreateIndex("IX_ContentItems_CurrentRevisionId", "ContentItems", "CurrentRevisionId");
        migrationBuilder.CreateIndex(
            "IX_ContentRevisions_ContentItemId_Number", "ContentRevisions", ["ContentItemId", "Number"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropForeignKey("FK_ContentItems_ContentRevisions_PublishedRevisionId", "ContentItems");
        migrationBuilder.DropForeignKey("FK_ContentItems_ContentRevisions_CurrentRevisionId", "ContentItems");
        migrationBuilder.DropTable("ContentRevisions");
        migrationBuilder.DropTable("ContentItems");
    }
}
