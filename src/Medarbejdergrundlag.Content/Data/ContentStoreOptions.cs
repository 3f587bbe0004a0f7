namespace Medarbejdergrundlag.Content.Data;

/// <summary>The database settings the start-up needs: the provider, and whether the app may change the schema itself.</summary>
public sealed record ContentStoreOptions(string Provider, bool MigrateOnStart);
