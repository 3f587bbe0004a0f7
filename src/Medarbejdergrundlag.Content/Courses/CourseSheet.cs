using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace Medarbejdergrundlag.Content.Courses;

/// <summary>
/// Reads the spreadsheet HR keeps course dates in, as an Excel workbook (.xlsx, read by MiniExcel)
/// or as Excel saves CSV for Danish users (semicolon-separated, UTF-8 or Windows-1252, read by
/// CsvHelper), into rows of text cells with the line each starts on. Also writes the template.
/// </summary>
public static class CourseSheet
{
    static CourseSheet() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A row: the line (CSV) or row number (Excel) it starts on, 1-based, and its cells as text.</summary>
    public sealed record Row(int Line, IReadOnlyList<string> Cells);

    /// <summary>The one example row in the templates.</summary>
    public static readonly IReadOnlyList<string> ExampleRow =
    [
        "Mod til at sige det svære", "", "Et forløb om at tage de svære samtaler.", "To dage med øvelser og refleksion.",
        "Medarbejdere", "Tværgående", "2", "Mod, Fællesskab", "https://phoenix.odense.dk/tilmeld",
        "24-03-2027 09:00", "25-03-2027 15:30", "24-03-2027, 25-03-2027", "Phønix, Tolderlundsvej 2", "20", "0", "Åben",
    ];

    /// <summary>True for an .xlsx workbook (a ZIP file), whatever its name says.</summary>
    public static bool IsWorkbook(byte[] bytes) => bytes.AsSpan().StartsWith("PK\u0003\u0004"u8);

    /// <summary>
    /// Reads at most <paramref name="maxRows"/> rows (a caller that allows N data rows asks for N + 2:
    /// the header, the rows, and one more that tells the file is too long) of at most
    /// <see cref="MaxCellsPerRow"/> cells each.
    /// </summary>
    public static IReadOnlyList<Row> Read(byte[] bytes, int maxRows = int.MaxValue) =>
        IsWorkbook(bytes) ? ReadWorkbook(bytes, maxRows) : ReadCsv(Decode(bytes), maxRows);

    /// <summary>Cells read from one row at most; the sheet has 15 columns.</summary>
    public const int MaxCellsPerRow = 64;

    /// <summary>
    /// What a workbook's parts may hold uncompressed, all together. A few kilobytes of ZIP can unpack
    /// to gigabytes; 5,000 rows of the template take about 4 MB.
    /// </summary>
    public const long MaxUnpackedBytes = 32L * 1024 * 1024;

    /// <summary>UTF-8 when the bytes start with its BOM or are valid UTF-8; otherwise Windows-1252 (Excel's "CSV (semikolonsepareret)").</summary>
    public static string Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (bytes.AsSpan().StartsWith(bom))
        {
            return new UTF8Encoding(false, true).GetString(bytes, 3, bytes.Length - 3);
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    /// <summary>Semicolon-separated text; quoted fields may hold semicolons, doubled quotes and line breaks. Blank lines are skipped.</summary>
    public static IReadOnlyList<Row> ReadCsv(string text, int maxRows = int.MaxValue)
    {
        var options = new CsvReaderOptions
        {
            Separator = ';',
            HasHeader = false,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
        };
        using var csv = CsvReader.FromText(text, options);
        var rows = new List<Row>();
        while (rows.Count < maxRows && csv.Read())
        {
            var cells = csv.Current.ToArray().Take(MaxCellsPerRow).Select(c => c.Replace("\r\n", "\n", StringComparison.Ordinal)).ToList();
            if (cells.Any(c => c.Trim().Length > 0))
            {
                rows.Add(new Row(checked((int)csv.LineNumber), cells));
            }
        }

        return rows;
    }

    /// <summary>The first worksheet, row by row; dates and numbers written the way an editor types them.</summary>
    public static IReadOnlyList<Row> ReadWorkbook(byte[] bytes, int maxRows = int.MaxValue)
    {
        EnsureUnpacksWithinLimit(bytes);
        using var stream = new MemoryStream(bytes);
        var rows = new List<Row>();
        var number = 0;
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            if (rows.Count >= maxRows)
            {
                break;
            }

            number++;
            var cells = row.Values.Take(MaxCellsPerRow).Select(Text).ToList();
            if (cells.Any(c => c.Trim().Length > 0))
            {
                rows.Add(new Row(number, cells));
            }
        }

        return rows;
    }

    /// <summary>
    /// Unpacks every part of the workbook once, counting, and refuses it past
    /// <see cref="MaxUnpackedBytes"/>: the sizes a ZIP declares can lie, the bytes cannot.
    /// </summary>
    private static void EnsureUnpacksWithinLimit(byte[] bytes)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes), System.IO.Compression.ZipArchiveMode.Read);
        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            using var part = entry.Open();
            int read;
            while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                if (total > MaxUnpackedBytes)
                {
                    throw new SheetTooLargeException();
                }
            }
        }
    }

    /// <summary>The template: the columns and one example row, as a workbook.</summary>
    public static byte[] WorkbookTemplate()
    {
        var row = new Dictionary<string, object>();
        for (var i = 0; i < CourseImport.Columns.Count; i++)
        {
            row[CourseImport.Columns[i]] = ExampleRow[i];
        }

        using var stream = new MemoryStream();
        stream.SaveAs(new[] { row }, sheetName: "Hold", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>The template as CSV the way Excel opens it in Danish: UTF-8 with a BOM, semicolons.</summary>
    public static byte[] CsvTemplate()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { Separator = ';', NewLine = "\r\n" }, leaveOpen: true))
        {
            csv.WriteRecord([.. CourseImport.Columns]);
            csv.WriteRecord([.. ExampleRow]);
            csv.Flush();
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(writer.ToString())];
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        // A cell with only a time of day (MiniExcel reads Excel's time formats as TimeSpan).
        TimeSpan t => t.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
        DateTime d when d.Year <= 1900 => d.ToString("HH:mm", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture),
        double n => n.ToString(PortalCulture.Danish),
        decimal n => n.ToString(PortalCulture.Danish),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>A workbook that unpacks to more than <see cref="CourseSheet.MaxUnpackedBytes"/>.</summary>
public sealed class SheetTooLargeException() : Exception("The workbook unpacks to more than the limit.");
