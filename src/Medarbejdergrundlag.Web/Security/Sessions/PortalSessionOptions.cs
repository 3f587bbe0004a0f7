namespace Medarbejdergrundlag.Web.Security.Sessions;

public sealed class PortalSessionOptions
{
    public const string Section = "Authentication:Session";

    /// <summary>The sliding lifetime, renewed while the session is used.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The end no use can move; after it the user signs in again (silently, where the provider allows).</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Sessions held in memory at most per instance; past it the least used are read again from the database.</summary>
    public int MemoryLimit { get; set; } = 100_000;
}
