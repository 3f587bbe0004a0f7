using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Medarbejdergrundlag.Content.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ClearBearingFieldsOfOtherKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // DATA: a bearing's fields (KindDetailsAsComplexTypes) belong to bearings alone. Other kinds'
            // rows held empty text in these columns; NULL is what marks "no bearing details" now. Rows
            // with text in them are left as they are, so nothing is lost.
            migrationBuilder.Sql("""
                UPDATE "ContentRevisions"
                SET "PointsMarkdown" = NULL, "PointsHtml" = NULL, "DialogQuestionsMarkdown" = NULL, "DialogQuestionsHtml" = NULL
                WHERE "PointsMarkdown" = '' AND "DialogQuestionsMarkdown" = ''
                  AND "ContentItemId" IN (SELECT "Id" FROM "ContentItems" WHERE "Kind" <> 'Bearing');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // DATA: back to empty text, as the columns are not nullable before KindDetailsAsComplexTypes.
            migrationBuilder.Sql("""
                UPDATE "ContentRevisions"
                SET "PointsMarkdown" = COALESCE("PointsMarkdown", ''), "PointsHtml" = COALESCE("PointsHtml", ''),
                    "DialogQuestionsMarkdown" = COALESCE("DialogQuestionsMarkdown", ''), "DialogQuestionsHtml" = COALESCE("DialogQuestionsHtml", '');
                """);
        }
    }
}
