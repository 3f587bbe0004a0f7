using System.IO.Compression;
using System.Text;
using Medarbejdergrundlag.Content.Courses;

namespace Medarbejdergrundlag.Content.Tests.Courses;

/// <summary>
/// A small file that unpacks to an enormous sheet is refused before the spreadsheet reader walks it:
/// the security review's 266 KB workbook of 2,000,000 rows took 12.8 s and 470 MB. The allocation
/// bound tells a refusal from a read; a time bound would measure the machine's other work as well.
/// </summary>
public sealed class SpreadsheetBombTests
{
    [Fact]
    public void AWorkbookOfTwoMillionRowsIsRefusedWithoutItsRowsBeingRead()
    {
        var file = Workbook(rows: 2_000_000, cellsPerRow: 1);
        Assert.True(file.Length < 2_000_000, $"The test file should be small; it is {file.Length:N0} bytes.");

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var preview = CourseImport.Read(file, []);
        var grown = GC.GetAllocatedBytesForCurrentThread() - allocated;

        var error = Assert.Single(preview.FileErrors);
        Assert.StartsWith("Regnearket er for stort", error);
        Assert.Empty(preview.Rows);
        Assert.True(grown < 50L * 1024 * 1024, $"Refusing it allocated {grown / (1024 * 1024)} MB.");
    }

    [Fact]
    public void AWorkbookWithinTheSizeLimitButOverTheRowLimitStopsReadingAtTheLimit()
    {
        var file = Workbook(rows: 20_000, cellsPerRow: 1, header: true);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var rows = CourseSheet.Read(file, CourseImport.MaxRows + 2);
        var grown = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Equal(CourseImport.MaxRows + 2, rows.Count);
        Assert.Equal("Filen har mere end 5.000 rækker. Der kan højst importeres 5.000 ad gangen. Del filen op.",
            Assert.Single(CourseImport.Read(file, []).FileErrors));
        Assert.True(grown < 200L * 1024 * 1024, $"Reading allocated {grown / (1024 * 1024)} MB.");
    }

    [Fact]
    public void ARowOfThousandsOfCellsIsCutToTheCellLimit()
    {
        var rows = CourseSheet.Read(Workbook(rows: 2, cellsPerRow: 5_000));

        Assert.All(rows, r => Assert.Equal(CourseSheet.MaxCellsPerRow, r.Cells.Count));
    }

    [Fact]
    public void ACsvFileStopsAtTheRowLimitToo()
    {
        var text = new StringBuilder(string.Join(';', CourseImport.Columns)).Append('\n');
        for (var i = 0; i < 50_000; i++)
        {
            text.Append("x;y\n");
        }

        var rows = CourseSheet.ReadCsv(text.ToString(), CourseImport.MaxRows + 2);

        Assert.Equal(CourseImport.MaxRows + 2, rows.Count);
        Assert.StartsWith("Filen har mere end 5.000 rækker", Assert.Single(CourseImport.Read(text.ToString(), []).FileErrors));
    }

    /// <summary>A minimal .xlsx whose one sheet has the given rows of inline-string cells, compressed.</summary>
    private static byte[] Workbook(int rows, int cellsPerRow, bool header = false)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hold" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize);
            using var writer = new StreamWriter(sheet.Open(), new UTF8Encoding(false));
            writer.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            if (header)
            {
                writer.Write("<row>" + string.Concat(CourseImport.Columns.Select(c => $"<c t=\"inlineStr\"><is><t>{c}</t></is></c>")) + "</row>");
            }

            for (var r = 1; r <= rows; r++)
            {
                writer.Write("<row>");
                for (var c = 0; c < cellsPerRow; c++)
                {
                    writer.Write("<c t=\"inlineStr\"><is><t>x</t></is></c>");
                }

                writer.Write("</row>");
            }

            writer.Write("</sheetData></worksheet>");
        }

        return output.ToArray();
    }

    private static void Part(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
