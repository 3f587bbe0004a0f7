using Medarbejdergrundlag.Content.Publishing;

namespace Medarbejdergrundlag.Content.Checks;

/// <summary>
/// The content checks as a gate on the one publish path: a revision with blocking findings (an image
/// without alt text, a link to a page or an anchor that is not there) is not published, by hand, by
/// schedule or by the import, unless the editor gives a reason (<see cref="PublishRequest.ChecksOverride"/>),
/// which the publish path writes into the audit log with the publish. The seed is the portal's own
/// text, checked by its tests; it is not held up here.
/// </summary>
public sealed class ContentChecksGate(ContentChecker checker) : IPublishGate
{
    /// <summary>Blocking findings named in the refusal at most; the edit page lists them all.</summary>
    public const int Named = 3;

    public async ValueTask<IReadOnlyList<string>> CheckAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Source == PublishSource.Seed || !string.IsNullOrWhiteSpace(request.ChecksOverride))
        {
            return [];
        }

        var draft = PublishedItem.FromRevision(request.Item, request.Revision);
        if (!ContentChecker.MayHaveBlockingFindings(draft))
        {
            // Only images and links can block: most texts (and imported courses) have neither.
            return [];
        }

        var result = await checker.CheckDraftAsync(draft);
        return result.HasBlocking ? [Refusal(result)] : [];
    }

    /// <summary>Why a text with blocking findings is not published, in Danish, naming the first few.</summary>
    public static string Refusal(ContentCheckResult result)
    {
        var blocking = result.Blocking.ToList();
        var named = string.Join(" ", blocking.Take(Named).Select(f => f.Message));
        var more = blocking.Count > Named ? $" Og {blocking.Count - Named} mere." : "";
        var what = blocking.Count == 1 ? "én fejl" : $"{blocking.Count} fejl";
        return $"Indholdstjekket fandt {what}, der skal rettes før udgivelse: {named}{more} Ret teksten, eller skriv en begrundelse for at udgive alligevel.";
    }
}
