using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Medarbejdergrundlag.Content.Data.Migrations;

/// <summary>
/// Dialog questions for managers on each revision (used by bearings, shown on /til-ledere).
/// Written by hand like the others; the default lets the columns join a table that has rows.
/// Existing revisions get no questions: HR writes them in the admin area, or they come with
/// the seed on an empty database.
/// </summary>
[DbContext(typeof(ContentDbContext))]
[Migration("20261122120000_DialogQuestions")]
public partial class DialogQuestions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "DialogQuestionsMarkdown", table: "ContentRevisions", nullable: false, defaultValue: "");
        migrationBuilder.AddColumn<string>(
            name: "DialogQuestionsHtml", table: "ContentRevisions", nullable: false, defaultValue: "");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "DialogQuestionsHtml", table: "ContentRevisions");
        migrationBuilder.DropColumn(name: "DialogQuestionsMarkdown", table: "ContentRevisions");
    }
}
