using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Medarbejdergrundlag.Content.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CourseExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ExpiryHandledThrough",
                table: "ContentItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "KeepAfterLastDate",
                table: "ContentItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // DATA: courses that exist at the upgrade count as dealt with up to the upgrade's moment.
            // A course whose last date ended before it stays published (editors see "Sidste dato var …;
            // udløber ikke af sig selv" in the overview and archive it themselves); one with a date
            // still ahead expires after it, like every new course.
            migrationBuilder.Sql(@"UPDATE ""ContentItems"" SET ""ExpiryHandledThrough"" = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE ""Kind"" = 'Course';");
            // DATA: end
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExpiryHandledThrough",
                table: "ContentItems");

            migrationBuilder.DropColumn(
                name: "KeepAfterLastDate",
                table: "ContentItems");
        }
    }
}
