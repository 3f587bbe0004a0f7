namespace Medarbejdergrundlag.Web.Security;

/// <summary>Role names and the policies built on them; defined once, used by name everywhere else.</summary>
public static class PortalRoles
{
    public const string Editor = "Editor";
    public const string Leader = "Leader";

    /// <summary>Approves changes before they are published (issue 27): Hovedudvalget's approvers.</summary>
    public const string Approver = "Approver";

    public const string EditorPolicy = "Editor";
    public const string LeaderPolicy = "Leader";

    /// <summary>An editor who may also approve: "Godkend", "Godkend og udgiv", "Send tilbage", and the overview's waiting list.</summary>
    public const string ApproverPolicy = "Approver";
}
