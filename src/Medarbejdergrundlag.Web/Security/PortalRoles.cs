namespace Medarbejdergrundlag.Web.Security;

/// <summary>Role names and the policies built on them; defined once, used by name everywhere else.</summary>
public static class PortalRoles
{
    public const string Editor = "Editor";
    public const string Leader = "Leader";

    public const string EditorPolicy = "Editor";
    public const string LeaderPolicy = "Leader";
}
