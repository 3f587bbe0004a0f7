using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Medarbejdergrundlag.Web.Tests.Infrastructure;

/// <summary>One log entry as the app wrote it: its text (message, values, exception) and its scope values.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Text, IReadOnlyList<KeyValuePair<string, string>> Scope);

/// <summary>A logger provider that keeps everything logged, scopes included, for tests to read.</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    /// <summary>Everything logged at Information or above, as one text, for "the log says X" assertions.</summary>
    public string All => string.Join("\n", Entries.Where(e => e.Level >= LogLevel.Information).Select(e => $"{e.Level} {e.Category}: {e.Text}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new List<string> { formatter(state, exception) };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                text.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            }

            if (exception is not null)
            {
                text.Add(exception.ToString());
            }

            var scope = new List<KeyValuePair<string, string>>();
            owner._scopes.ForEachScope(
                (value, list) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        list.AddRange(pairs.Select(p => new KeyValuePair<string, string>(p.Key, p.Value?.ToString() ?? "")));
                    }
                    else if (value is IEnumerable<KeyValuePair<string, object>> objectPairs)
                    {
                        list.AddRange(objectPairs.Select(p => new KeyValuePair<string, string>(p.Key, p.Value?.ToString() ?? "")));
                    }

                    list.Add(new KeyValuePair<string, string>("", value?.ToString() ?? ""));
                },
                scope);
            owner.Entries.Enqueue(new CapturedLog(category, logLevel, string.Join('\n', text), scope));
        }
    }
}
