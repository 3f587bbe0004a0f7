using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Medarbejdergrundlag.Content.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReadAndConfirm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsMaterialChange",
                table: "ContentRevisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "ContentRevisions",
                type: "TEXT",
                nullable: true);

            // DATA: the revisions published now were published before this column existed; their
            // publish time is taken to be their creation time (exact for "Gem og udgiv"). Earlier
            // publishes stay unstamped: the change log starts with what is published at the upgrade.
            migrationBuilder.Sql(@"UPDATE ""ContentRevisions"" SET ""PublishedAt"" = ""CreatedAt"" WHERE ""Id"" IN (SELECT ""PublishedRevisionId"" FROM ""ContentItems"" WHERE ""PublishedRevisionId"" IS NOT NULL);");
            // DATA: end

            migrationBuilder.CreateTable(
                name: "Confirmations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Forvaltning = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Confirmations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Confirmations_ConfirmedAt",
                table: "Confirmations",
                column: "ConfirmedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Confirmations_SubjectId",
                table: "Confirmations",
                column: "SubjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Confirmations");

            migrationBuilder.DropColumn(
                name: "IsMaterialChange",
                table: "ContentRevisions");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "ContentRevisions");
        }
    }
}
