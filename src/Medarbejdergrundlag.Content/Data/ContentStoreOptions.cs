namespace Medarbejdergrundlag.Content.Data;

/// <summary>
/// The database settings the start-up needs: the provider, whether the app may change the schema
/// itself, and whether the schedule worker rehearses a publish at start (<c>Scheduling:WarmUpOnStart</c>,
/// on by default; see <see cref="Scheduling.ScheduleRunner.WarmUpAsync"/>).
/// </summary>
public sealed record ContentStoreOptions(string Provider, bool MigrateOnStart, bool WarmUpOnStart = true);
