using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Slugs;

namespace Medarbejdergrundlag.Content.Courses;

/// <summary>One row of the spreadsheet: a course date with its course's fields, and what is wrong with it.</summary>
public sealed class CourseImportRow
{
    public int Line { get; init; }

    public string Title { get; init; } = "";

    public string Start { get; init; } = "";

    public string Location { get; init; } = "";

    public CleanCourseDate? Date { get; set; }

    public List<string> Errors { get; } = [];
}

/// <summary>A course as the file describes it, with the rows of its dates.</summary>
public sealed record CourseImportCourse(RevisionInput Input, IReadOnlyList<CourseImportRow> Rows);

/// <summary>The file read and checked: what would be imported, and every error, row by row.</summary>
public sealed class CourseImportPreview
{
    public List<string> FileErrors { get; } = [];

    public List<CourseImportRow> Rows { get; } = [];

    public List<CourseImportCourse> Courses { get; } = [];

    public bool IsValid => FileErrors.Count == 0 && Rows.Count > 0 && Rows.All(r => r.Errors.Count == 0);

    public int ErrorCount => FileErrors.Count + Rows.Sum(r => r.Errors.Count);
}

/// <summary>
/// Turns a spreadsheet into courses and dates, checking every row with the same validators the edit
/// pages use. Nothing here touches the database; <see cref="CourseImporter.ImportAsync"/> does,
/// all or nothing.
/// </summary>
public static class CourseImport
{
    public const int MaxRows = 5_000;

    public static readonly IReadOnlyList<string> Columns =
        ["Titel", "Adresse", "Resumé", "Beskrivelse", "Målgruppe", "Forvaltning", "Dage", "Pejlemærker", "Tilmelding", "Start", "Slut", "Kursusdage", "Sted", "Pladser", "Tilmeldte", "Status"];

    private static readonly string[] Required = ["Titel", "Målgruppe", "Forvaltning", "Dage", "Tilmelding", "Start", "Slut", "Sted"];

    /// <summary>Reads an uploaded file, an .xlsx workbook or a semicolon-separated CSV.</summary>
    /// <param name="bearings">The bearings an editor may name, by key and by title.</param>
    public static CourseImportPreview Read(byte[] file, IReadOnlyList<(string Key, string Title)> bearings)
    {
        if (file.Length == 0 || !CourseSheet.IsWorkbook(file) && LooksBinary(file))
        {
            var refused = new CourseImportPreview();
            refused.FileErrors.Add(file.Length == 0 ? "Filen er tom." : "Filen er ikke et regneark (.xlsx) eller en CSV-fil.");
            return refused;
        }

        IReadOnlyList<CourseSheet.Row> rows;
        try
        {
            // The header, MaxRows rows and one more: enough to tell a file is too long without reading it all.
            rows = CourseSheet.Read(file, MaxRows + 2);
        }
        catch (SheetTooLargeException)
        {
            var preview = new CourseImportPreview();
            preview.FileErrors.Add(string.Format(PortalCulture.Danish,
                "Regnearket er for stort: det fylder over {0:N0} MB udpakket. Der kan højst importeres {1:N0} rækker ad gangen. Del filen op.",
                CourseSheet.MaxUnpackedBytes / (1024 * 1024), MaxRows));
            return preview;
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or System.Xml.XmlException or NotSupportedException)
        {
            var preview = new CourseImportPreview();
            preview.FileErrors.Add("Filen kunne ikke læses som et Excel-regneark (.xlsx). Gem den igen i Excel, og prøv igen.");
            return preview;
        }

        return Read(rows, bearings);
    }

    /// <summary>An image, a PDF or another binary file renamed .xlsx or .csv: text has no NUL bytes.</summary>
    private static bool LooksBinary(byte[] file) => file.AsSpan(0, Math.Min(file.Length, 8192)).IndexOf((byte)0) >= 0;

    /// <summary>Reads semicolon-separated text.</summary>
    public static CourseImportPreview Read(string text, IReadOnlyList<(string Key, string Title)> bearings) =>
        Read(CourseSheet.ReadCsv(text, MaxRows + 2), bearings);

    private static CourseImportPreview Read(IReadOnlyList<CourseSheet.Row> records, IReadOnlyList<(string Key, string Title)> bearings)
    {
        var preview = new CourseImportPreview();
        if (records.Count == 0)
        {
            preview.FileErrors.Add("Filen er tom.");
            return preview;
        }

        var header = records[0].Cells.Select(h => Slugifier.Slugify(h)).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var known = Columns.FirstOrDefault(c => Slugifier.Slugify(c) == header[i]);
            if (known is not null)
            {
                index.TryAdd(known, i);
            }
        }

        var missing = Required.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            var hint = header.Count == 1 && records[0].Cells[0].Contains(',', StringComparison.Ordinal)
                ? " Filen ser ud til at være adskilt med komma. Gem den i Excel som »CSV (semikolonsepareret)«."
                : "";
            preview.FileErrors.Add($"Første linje skal være kolonnernes navne. Der mangler: {string.Join(", ", missing)}.{hint}");
            return preview;
        }

        if (records.Count - 1 > MaxRows)
        {
            preview.FileErrors.Add(string.Format(PortalCulture.Danish, "Filen har mere end {0:N0} rækker. Der kan højst importeres {0:N0} ad gangen. Del filen op.", MaxRows));
            return preview;
        }

        var bearingKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, title) in bearings)
        {
            bearingKeys.TryAdd(Slugifier.Slugify(key), key);
            bearingKeys.TryAdd(Slugifier.Slugify(title), key);
        }

        var bySlug = new Dictionary<string, (RevisionInput Input, int FirstLine, List<CourseImportRow> Rows)>(StringComparer.Ordinal);
        foreach (var (line, fields) in records.Skip(1))
        {
            string Cell(string column) => index.TryGetValue(column, out var i) && i < fields.Count ? fields[i].Trim() : "";

            var row = new CourseImportRow { Line = line, Title = Cell("Titel"), Start = Cell("Start"), Location = Cell("Sted") };
            preview.Rows.Add(row);

            var names = Cell("Pejlemærker").Split([',', '/', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var keys = new List<string>();
            foreach (var name in names)
            {
                if (bearingKeys.TryGetValue(Slugifier.Slugify(name), out var key))
                {
                    keys.Add(key);
                }
                else
                {
                    row.Errors.Add($"Pejlemærket »{name}« kendes ikke. Brug {string.Join(", ", bearings.Select(b => b.Title))}.");
                }
            }

            var (course, courseErrors) = RevisionValidator.Validate(
                new RevisionInput(Cell("Titel"), Cell("Adresse"), Cell("Resumé"), Cell("Beskrivelse"))
                {
                    Course = new CourseInput(Cell("Målgruppe"), Cell("Forvaltning"), Cell("Dage"), string.Join(',', keys), Cell("Tilmelding")),
                },
                ContentKind.Course);
            row.Errors.AddRange(courseErrors.Values);

            var (date, dateErrors) = CourseDateValidator.Validate(
                new CourseDateInput(Cell("Start"), Cell("Slut"), Cell("Sted"), Cell("Pladser"), Cell("Tilmeldte"), Cell("Status"), Cell("Kursusdage")));
            row.Errors.AddRange(dateErrors.Values);
            row.Date = date;

            if (course is null || date is null)
            {
                continue;
            }

            // Rows of one course repeat its fields; they must agree, or it is unclear which to keep.
            if (bySlug.TryGetValue(course.Slug!, out var earlier))
            {
                if (earlier.Input with { ChangeNote = null } != course with { ChangeNote = null })
                {
                    row.Errors.Add($"Forløbet »{course.Title}« står også i linje {earlier.FirstLine} med andre oplysninger (målgruppe, forvaltning, dage, pejlemærker, tilmelding eller tekst). Ret rækkerne, så de er ens.");
                    continue;
                }

                if (earlier.Rows.FirstOrDefault(r => r.Date!.StartsAt == date.StartsAt && string.Equals(r.Date.Location, date.Location, StringComparison.OrdinalIgnoreCase)) is { } twin)
                {
                    row.Errors.Add($"Holdet {CopenhagenTime.Format(date.StartsAt)} på {date.Location} står også i linje {twin.Line}.");
                    continue;
                }

                earlier.Rows.Add(row);
            }
            else
            {
                bySlug[course.Slug!] = (course, line, [row]);
            }
        }

        if (preview.Rows.Count == 0)
        {
            preview.FileErrors.Add("Filen har ingen rækker under kolonnernes navne.");
        }

        preview.Courses.AddRange(bySlug.Values.Select(c => new CourseImportCourse(c.Input, c.Rows)));
        return preview;
    }
}
