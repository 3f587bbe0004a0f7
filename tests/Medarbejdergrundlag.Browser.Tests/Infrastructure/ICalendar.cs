namespace Medarbejdergrundlag.Browser.Tests.Infrastructure;

/// <summary>One content line of an iCalendar file: name, parameters and value (RFC 5545 §3.1).</summary>
public sealed record CalendarLine(string Name, IReadOnlyDictionary<string, string> Parameters, string Value);

/// <summary>A calendar component (VEVENT, VTIMEZONE, ...) with its own lines and the components inside it.</summary>
public sealed class CalendarComponent(string name)
{
    public string Name { get; } = name;

    public List<CalendarLine> Lines { get; } = [];

    public List<CalendarComponent> Children { get; } = [];

    public CalendarLine Single(string name) => Assert.Single(Lines, l => l.Name == name);

    /// <summary>Reads a downloaded .ics file: lines end in CRLF, long lines are folded with CRLF and a space.</summary>
    public static CalendarComponent Parse(string text)
    {
        Assert.EndsWith("\r\n", text);
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
        var stack = new Stack<CalendarComponent>();
        CalendarComponent? root = null;
        foreach (var raw in unfolded.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.DoesNotContain('\n', raw);
            var colon = raw.IndexOf(':', StringComparison.Ordinal);
            Assert.True(colon > 0, $"not a content line: {raw}");
            var head = raw[..colon].Split(';');
            var line = new CalendarLine(
                head[0].ToUpperInvariant(),
                head.Skip(1).Select(p => p.Split('=', 2)).ToDictionary(p => p[0].ToUpperInvariant(), p => p.Length > 1 ? p[1] : ""),
                raw[(colon + 1)..]);
            if (line.Name == "BEGIN")
            {
                var component = new CalendarComponent(line.Value);
                if (stack.Count > 0)
                {
                    stack.Peek().Children.Add(component);
                }
                else
                {
                    root = component;
                }

                stack.Push(component);
            }
            else if (line.Name == "END")
            {
                Assert.Equal(line.Value, stack.Pop().Name);
            }
            else
            {
                stack.Peek().Lines.Add(line);
            }
        }

        Assert.Empty(stack);
        Assert.NotNull(root);
        Assert.Equal("VCALENDAR", root.Name);
        return root;
    }
}
