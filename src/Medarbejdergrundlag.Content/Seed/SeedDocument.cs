using System.Reflection;
using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Content.Seed;

/// <summary>
/// One seed file: a small front matter of <c>name: value</c> lines (repeatable <c>point:</c>)
/// between <c>---</c> lines, then the Markdown body.
/// </summary>
public sealed record SeedDocument(
    ContentKind Kind,
    string Key,
    int Order,
    string Title,
    string Slug,
    string Lead,
    IReadOnlyList<string> Points,
    string Body)
{
    private const string ResourcePrefix = "Seed.";

    /// <summary>Suggested dialog questions for managers (<c>question:</c> lines); bearings only.</summary>
    public IReadOnlyList<string> Questions { get; init; } = [];

    public static IReadOnlyList<SeedDocument> LoadAll()
    {
        var assembly = typeof(SeedDocument).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Parse(n, Read(assembly, n)))
            .ToList();
    }

    public static SeedDocument Parse(string name, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length < 3 || lines[0] != "---")
        {
            throw new InvalidDataException($"Seed file {name} does not start with front matter.");
        }

        var end = Array.IndexOf(lines, "---", 1);
        if (end < 0)
        {
            throw new InvalidDataException($"Seed file {name} has no end to its front matter.");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var points = new List<string>();
        var questions = new List<string>();
        foreach (var line in lines[1..end])
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException($"Seed file {name}: front matter line '{line}' has no name.");
            }

            var field = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (field == "point")
            {
                points.Add(value);
            }
            else if (field == "question")
            {
                questions.Add(value);
            }
            else
            {
                fields[field] = value;
            }
        }

        string Required(string field) => fields.TryGetValue(field, out var v) && v.Length > 0
            ? v
            : throw new InvalidDataException($"Seed file {name} lacks '{field}'.");

        return new SeedDocument(
            Enum.Parse<ContentKind>(Required("kind")),
            Required("key"),
            int.Parse(Required("order"), System.Globalization.CultureInfo.InvariantCulture),
            Required("title"),
            Required("slug"),
            fields.GetValueOrDefault("lead", ""),
            points,
            string.Join('\n', lines[(end + 1)..]).Trim())
        {
            Questions = questions,
        };
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Seed resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
