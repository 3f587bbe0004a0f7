using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Content.Publishing;

/// <summary>Who asked for a publish. Gates may treat them differently (the seed, say); the path is the same.</summary>
public enum PublishSource
{
    Editor,
    Schedule,
    Import,
    Seed,
}

/// <summary>
/// A revision about to become what the public site shows, as the gates and hooks see it. Danish
/// text only: translations are published on their own path (<see cref="TranslationEditor"/>).
/// </summary>
/// <param name="ChecksOverride">The editor's reason to publish despite blocking content checks; logged with the publish.</param>
public sealed record PublishRequest(ContentItem Item, ContentRevision Revision, EditorRef By, bool Material, PublishSource Source, string? ChecksOverride = null);

/// <summary>A publish that has committed, for the work that follows it.</summary>
public sealed record PublishedEvent(
    int ItemId, ContentKind Kind, int RevisionId, int RevisionNumber, string Title, bool Material, EditorRef By, PublishSource Source, DateTime At);

/// <summary>
/// Asked before every publish, whoever asks for it (an editor, a schedule, the import, the seed), in
/// the publish's transaction and before anything of the publish is written, like Orchard Core's
/// <c>PublishingAsync</c>. Any reason refuses the publish: an editor's draft is kept and the page says
/// why; a schedule fails with the reason; an import writes nothing. Register as scoped or singleton.
/// </summary>
public interface IPublishGate
{
    /// <summary>Why this revision may not be published now, in Danish for the editor; empty to let it through.</summary>
    ValueTask<IReadOnlyList<string>> CheckAsync(PublishRequest request, CancellationToken cancellationToken = default);
}

/// <summary>
/// Work that follows a publish, like Orchard Core's <c>PublishedAsync</c>. Register as a singleton:
/// <see cref="PublishedAsync"/> runs after the commit, outside any request's scope (make a scope for
/// database work). A rolled-back publish never reaches it.
/// </summary>
public interface IPublishedHook
{
    /// <summary>
    /// In the publish's own transaction, after every gate let it through: rows that must commit or
    /// roll back with the publish (an outbox entry) are added to <paramref name="db"/> here, not saved.
    /// </summary>
    ValueTask PublishingAsync(PublishRequest request, ContentDbContext db, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <summary>After the transaction has committed. A failure is logged and never undoes or fails the publish.</summary>
    Task PublishedAsync(PublishedEvent published, CancellationToken cancellationToken = default);
}
