namespace Medarbejdergrundlag.Content.Search;

public enum SearchQueryStatus
{
    /// <summary>Words to look for.</summary>
    Ok,

    /// <summary>No query, or only white space.</summary>
    Empty,

    /// <summary>Longer than <see cref="SearchQuery.MaxLength"/> characters.</summary>
    TooLong,

    /// <summary>Only punctuation or symbols: nothing that could be a word.</summary>
    NoWords,
}

/// <summary>A query as typed, checked before anything is looked up. The index analyzes <see cref="Text"/> as it does the documents.</summary>
public sealed record SearchQuery(string Text, SearchQueryStatus Status)
{
    public const int MaxLength = 200;

    public static SearchQuery Parse(string? raw)
    {
        var text = (raw ?? "").Trim();
        if (text.Length == 0)
        {
            return new SearchQuery("", SearchQueryStatus.Empty);
        }

        if (text.Length > MaxLength)
        {
            return new SearchQuery(text, SearchQueryStatus.TooLong);
        }

        return new SearchQuery(text, text.Any(char.IsLetterOrDigit) ? SearchQueryStatus.Ok : SearchQueryStatus.NoWords);
    }
}
