using System.IO.Compression;
using System.Text;
using Medarbejdergrundlag.Content.Courses;

namespace Medarbejdergrundlag.Content.Tests.Courses;

/// <summary>Reading the spreadsheet: cells as an editor typed them, rows by the line they start on.</summary>
public sealed class CourseSheetTests
{
    [Fact]
    public void ExcelDateTimeAndTimeCellsReadAsTheEditorTypedThem()
    {
        // As Excel saves them: a number with a time format (15:00 = 0.625) and one with a date-time format.
        var workbook = Workbook("""<row r="1"><c r="A1" t="inlineStr"><is><t>Slut</t></is></c><c r="B1" t="inlineStr"><is><t>Start</t></is></c><c r="C1" t="inlineStr"><is><t>Dage</t></is></c></row>"""
            + """<row r="3"><c r="A3" s="1"><v>0.625</v></c><c r="B3" s="2"><v>46470.375</v></c><c r="C3"><v>1.5</v></c></row>""");

        var rows = CourseSheet.Read(workbook);

        Assert.Equal([1, 3], rows.Select(r => r.Line));
        Assert.Equal(["Slut", "Start", "Dage"], rows[0].Cells);
        Assert.Equal(["15:00", "24-03-2027 09:00", "1,5"], rows[1].Cells);
    }

    [Fact]
    public void CsvRowsKnowTheLineTheyStartOnAcrossQuotedLineBreaksAndBlankLines()
    {
        var rows = CourseSheet.ReadCsv("Titel;Beskrivelse\r\n\r\nA;\"to\r\nlinjer\"\r\nB;\"a \"\"b\"\" ; c\"\r\n");

        Assert.Equal([1, 3, 5], rows.Select(r => r.Line));
        Assert.Equal(["A", "to\nlinjer"], rows[1].Cells);
        Assert.Equal(["B", "a \"b\" ; c"], rows[2].Cells);
    }

    private static byte[] Workbook(string sheetRows)
    {
        const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        const string pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""",
            ["_rels/.rels"] = $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>""",
            ["xl/workbook.xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="Hold" sheetId="1" r:id="rId1"/></sheets></workbook>""",
            ["xl/_rels/workbook.xml.rels"] = $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/></Relationships>""",
            ["xl/styles.xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{main}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="20" applyNumberFormat="1"/><xf numFmtId="22" applyNumberFormat="1"/></cellXfs></styleSheet>""",
            ["xl/worksheets/sheet1.xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><sheetData>{sheetRows}</sheetData></worksheet>""",
        };
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in parts)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(xml));
            }
        }

        return stream.ToArray();
    }
}
