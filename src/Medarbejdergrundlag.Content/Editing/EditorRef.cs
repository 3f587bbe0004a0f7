namespace Medarbejdergrundlag.Content.Editing;

/// <summary>
/// Who made a change: the stable subject id from the sign-in (the provider's <c>sub</c>, or
/// <c>persona:…</c>) and the display name at the time. History keeps both, so two people with the
/// same name are told apart, and a name changed at the provider does not rewrite what was recorded.
/// </summary>
public readonly record struct EditorRef(string Id, string Name)
{
    /// <summary>For callers that know only a name (seeding, imports from the command line, tests).</summary>
    public static implicit operator EditorRef(string name) => new(name, name);

    public override string ToString() => Name;
}
