using System.Globalization;
using System.Text;

namespace Medarbejdergrundlag.Web.Tests.Courses;

/// <summary>One property of an iCalendar component: name, parameters and the raw value.</summary>
public sealed record ICalProperty(string Name, IReadOnlyDictionary<string, string> Parameters, string Value);

/// <summary>A component (VCALENDAR, VEVENT, VTIMEZONE, ...) with its properties and children.</summary>
public sealed class ICalComponent(string name)
{
    public string Name { get; } = name;

    public List<ICalProperty> Properties { get; } = [];

    public List<ICalComponent> Children { get; } = [];

    public ICalProperty Property(string name) => Properties.Single(p => p.Name == name);

    public IEnumerable<ICalComponent> All(string name) => Children.Where(c => c.Name == name);
}

/// <summary>
/// A strict reader for the tests: it refuses bare line feeds, lines over 75 octets, unbalanced
/// BEGIN/END and bad escapes, and it resolves TZID local times through the file's own VTIMEZONE,
/// not through .NET's time zone database, so a wrong VTIMEZONE shows up as a wrong time.
/// </summary>
public static class ICalendar
{
    public static ICalComponent Parse(byte[] bytes)
    {
        var text = new UTF8Encoding(false, true).GetString(bytes);
        Assert.EndsWith("\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal));
        var physical = text[..^2].Split("\r\n");
        foreach (var line in physical)
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}");
        }

        // Unfold: a line starting with a space or tab continues the previous one.
        var lines = new List<string>();
        foreach (var line in physical)
        {
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                lines[^1] += line[1..];
            }
            else
            {
                lines.Add(line);
            }
        }

        var stack = new Stack<ICalComponent>();
        ICalComponent? root = null;
        foreach (var line in lines)
        {
            var colon = IndexOfUnquoted(line, ':');
            Assert.True(colon > 0, $"No value in line: {line}");
            var head = line[..colon].Split(';');
            var value = line[(colon + 1)..];
            var parameters = head.Skip(1).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
            switch (head[0])
            {
                case "BEGIN":
                    var component = new ICalComponent(value);
                    if (stack.Count > 0)
                    {
                        stack.Peek().Children.Add(component);
                    }

                    root ??= component;
                    stack.Push(component);
                    break;
                case "END":
                    Assert.Equal(value, stack.Pop().Name);
                    break;
                default:
                    stack.Peek().Properties.Add(new ICalProperty(head[0], parameters, value));
                    break;
            }
        }

        Assert.Empty(stack);
        Assert.Equal("VCALENDAR", root!.Name);
        return root;
    }

    public static string Text(string value)
    {
        var output = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                Assert.False(value[i] is ';' or ',', $"Unescaped '{value[i]}' in TEXT value: {value}");
                output.Append(value[i]);
                continue;
            }

            output.Append(value[++i] switch
            {
                'n' or 'N' => '\n',
                '\\' => '\\',
                ';' => ';',
                ',' => ',',
                var c => throw new InvalidDataException($"Bad escape \\{c}"),
            });
        }

        return output.ToString();
    }

    /// <summary>A DATE-TIME property in UTC: either written with Z, or local with a TZID the calendar defines.</summary>
    public static DateTime Utc(ICalComponent calendar, ICalProperty property)
    {
        var local = DateTime.ParseExact(property.Value.TrimEnd('Z'), "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        if (property.Value.EndsWith('Z'))
        {
            return DateTime.SpecifyKind(local, DateTimeKind.Utc);
        }

        var zone = calendar.All("VTIMEZONE").Single(z => z.Property("TZID").Value == property.Parameters["TZID"]);
        return DateTime.SpecifyKind(local - OffsetAt(zone, local), DateTimeKind.Utc);
    }

    /// <summary>The offset the VTIMEZONE gives a local time: the observance whose latest onset is the latest before it.</summary>
    private static TimeSpan OffsetAt(ICalComponent zone, DateTime local)
    {
        var best = (Onset: DateTime.MinValue, Offset: TimeSpan.Zero);
        foreach (var observance in zone.Children)
        {
            var start = DateTime.ParseExact(observance.Property("DTSTART").Value, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
            var rule = observance.Property("RRULE").Value.Split(';').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
            Assert.Equal("YEARLY", rule["FREQ"]);
            Assert.Equal("-1SU", rule["BYDAY"]);
            var month = int.Parse(rule["BYMONTH"], CultureInfo.InvariantCulture);
            foreach (var year in new[] { local.Year - 1, local.Year })
            {
                var last = new DateTime(year, month, DateTime.DaysInMonth(year, month));
                var onset = last.AddDays(-(int)last.DayOfWeek) + start.TimeOfDay;
                if (onset >= start && onset <= local && onset > best.Onset)
                {
                    best = (onset, Offset(observance.Property("TZOFFSETTO").Value));
                }
            }
        }

        Assert.NotEqual(DateTime.MinValue, best.Onset);
        return best.Offset;
    }

    private static TimeSpan Offset(string value) =>
        (value[0] == '-' ? -1 : 1) * new TimeSpan(int.Parse(value[1..3], CultureInfo.InvariantCulture), int.Parse(value[3..5], CultureInfo.InvariantCulture), 0);

    private static int IndexOfUnquoted(string line, char c)
    {
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == c && !quoted)
            {
                return i;
            }
        }

        return -1;
    }
}
