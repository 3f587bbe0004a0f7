using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Medarbejdergrundlag.Content.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EnglishTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "ContentRevisions",
                type: "TEXT",
                maxLength: 5,
                nullable: false,
                defaultValue: "da");

            migrationBuilder.AddColumn<int>(
                name: "TranslatedFromRevisionId",
                table: "ContentRevisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CurrentEnglishRevisionId",
                table: "ContentItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PublishedEnglishRevisionId",
                table: "ContentItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentRevisions_TranslatedFromRevisionId",
                table: "ContentRevisions",
                column: "TranslatedFromRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_CurrentEnglishRevisionId",
                table: "ContentItems",
                column: "CurrentEnglishRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_PublishedEnglishRevisionId",
                table: "ContentItems",
                column: "PublishedEnglishRevisionId");

            migrationBuilder.AddForeignKey(
                name: "FK_ContentItems_ContentRevisions_CurrentEnglishRevisionId",
                table: "ContentItems",
                column: "CurrentEnglishRevisionId",
                principalTable: "ContentRevisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ContentItems_ContentRevisions_PublishedEnglishRevisionId",
                table: "ContentItems",
                column: "PublishedEnglishRevisionId",
                principalTable: "ContentRevisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ContentRevisions_ContentRevisions_TranslatedFromRevisionId",
                table: "ContentRevisions",
                column: "TranslatedFromRevisionId",
                principalTable: "ContentRevisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ContentItems_ContentRevisions_CurrentEnglishRevisionId",
                table: "ContentItems");

            migrationBuilder.DropForeignKey(
                name: "FK_ContentItems_ContentRevisions_PublishedEnglishRevisionId",
                table: "ContentItems");

            migrationBuilder.DropForeignKey(
                name: "FK_ContentRevisions_ContentRevisions_TranslatedFromRevisionId",
                table: "ContentRevisions");

            migrationBuilder.DropIndex(
                name: "IX_ContentRevisions_TranslatedFromRevisionId",
                table: "ContentRevisions");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_CurrentEnglishRevisionId",
                table: "ContentItems");

            migrationBuilder.DropIndex(
                name: "IX_ContentItems_PublishedEnglishRevisionId",
                table: "ContentItems");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "ContentRevisions");

            migrationBuilder.DropColumn(
                name: "TranslatedFromRevisionId",
                table: "ContentRevisions");

            migrationBuilder.DropColumn(
                name: "CurrentEnglishRevisionId",
                table: "ContentItems");

            migrationBuilder.DropColumn(
                name: "PublishedEnglishRevisionId",
                table: "ContentItems");
        }
    }
}
