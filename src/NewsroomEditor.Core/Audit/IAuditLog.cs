namespace NewsroomEditor.Core.Audit;

/// <summary>
/// What happened, as the audit log records it: who did what to whom or what, and the
/// details a reader of the log needs. The implementation adds the time and the client's IP address.
/// </summary>
/// <param name="Action">One of <see cref="AuditActions"/>.</param>
/// <param name="ActorId">The acting person's user id; null for the system (the scheduler) or an unknown person.</param>
/// <param name="ActorName">The acting person's display name or the e-mail typed at a failed sign-in.</param>
/// <param name="Target">What was acted on: "user:{id}", "story:{id}", "media:{id}", "section:{id}", "settings".</param>
/// <param name="Details">A short human-readable description: "Roles: Reporter → Reporter, Editor".</param>
public sealed record AuditRecord(string Action, string? ActorId, string? ActorName, string? Target, string Details);

/// <summary>The names of audited actions, stable because the log is filtered and exported by them.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string LockedOut = "sign-in.locked-out";
    public const string SignedOut = "sign-in.signed-out";
    public const string AccountCreated = "account.created";
    public const string AccountInvited = "account.invited";
    public const string InvitationAccepted = "account.invitation-accepted";
    public const string RolesChanged = "account.roles-changed";
    public const string AccountDeactivated = "account.deactivated";
    public const string AccountReactivated = "account.reactivated";
    public const string AccountUnlocked = "account.unlocked";
    public const string PersonalDataErased = "account.personal-data-erased";
    public const string SignedOutEverywhere = "sign-in.signed-out-everywhere";
    public const string PasswordResetSent = "account.password-reset-sent";
    public const string PasswordChanged = "account.password-changed";
    public const string TwoFactorChanged = "account.two-factor-changed";
    public const string ProfileChanged = "account.profile-changed";
    public const string StoryTransition = "story.transition";
    public const string StoryPublished = "story.published";
    public const string StoryUnpublished = "story.unpublished";
    public const string StoryCorrected = "story.corrected";
    public const string MediaDeleted = "media.deleted";
    public const string SectionChanged = "settings.section-changed";
    public const string SettingsChanged = "settings.changed";
}

/// <summary>
/// Appends to the audit log. Append-only from the app's point of view: nothing in the app edits or
/// deletes an entry. Callers record after their change is saved, so the log never claims what did
/// not happen.
/// </summary>
public interface IAuditLog
{
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default);
}

/// <summary>Until the audit log is wired (tests and tools that do not need it), records go nowhere.</summary>
internal sealed class NoAuditLog : IAuditLog
{
    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
