using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Medarbejdergrundlag.Content.Data.Migrations;

/// <summary>
/// Phønix courses: their own fields on the revision (so history, diff and restore cover them) and
/// the table of their dates. New columns are nullable, so existing revisions need no back-fill.
/// </summary>
[DbContext(typeof(ContentDbContext))]
[Migration("20261122140000_Courses")]
public partial class Courses : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("Audience", "ContentRevisions", maxLength: 20, nullable: true);
        migrationBuilder.AddColumn<string>("Forvaltning", "ContentRevisions", maxLength: 40, nullable: true);
        migrationBuilder.AddColumn<decimal>("LengthDays", "ContentRevisions", precision: 4, scale: 1, nullable: true);
        migrationBuilder.AddColumn<string>("BearingKeys", "ContentRevisions", maxLength: 400, nullable: true);
        migrationBuilder.AddColumn<string>("SignUp", "ContentRevisions", maxLength: 500, nullable: true);

        migrationBuilder.CreateTable(
            name: "CourseDates",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ContentItemId = t.Column<int>(nullable: false),
                StartsAt = t.Column<DateTime>(nullable: false),
                EndsAt = t.Column<DateTime>(nullable: false),
                Location = t.Column<string>(maxLength: 200, nullable: false),
                Capacity = t.Column<int>(nullable: true),
                SeatsTaken = t.Column<int>(nullable: true),
                Status = t.Column<string>(maxLength: 20, nullable: false),
                IsRemoved = t.Column<bool>(nullable: false),
                Version = t.Column<int>(nullable: false),
                CreatedAt = t.Column<DateTime>(nullable: false),
                CreatedBy = t.Column<string>(maxLength: 200, nullable: false),
                UpdatedAt = t.Column<DateTime>(nullable: false),
                UpdatedBy = t.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_CourseDates", x => x.Id);
                t.ForeignKey(
                    name: "FK_CourseDates_ContentItems_ContentItemId",
                    column: x => x.ContentItemId,
                    principalTable: "ContentItems",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_CourseDates_ContentItemId_StartsAt", "CourseDates", ["ContentItemId", "StartsAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("CourseDates");
        migrationBuilder.DropColumn("SignUp", "ContentRevisions");
        migrationBuilder.DropColumn("BearingKeys", "ContentRevisions");
        migrationBuilder.DropColumn("LengthDays", "ContentRevisions");
        migrationBuilder.DropColumn("Forvaltning", "ContentRevisions");
        migrationBuilder.DropColumn("Audience", "ContentRevisions");
    }
}
