using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Medarbejdergrundlag.Content.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CourseDateDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Days",
                table: "CourseDates",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Days",
                table: "CourseDates");
        }
    }
}
