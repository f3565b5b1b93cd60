using System.ComponentModel.DataAnnotations.Schema;
using Microsoft.AspNetCore.Identity;
using NewsroomEditor.Core.Events;

namespace NewsroomEditor.Core.Accounts;

/// <summary>A person who works in the newsroom. Readers of the public site have no account.</summary>
public class ApplicationUser : IdentityUser, IHasDomainEvents
{
    private List<IDomainEvent>? _domainEvents;

    public const int DisplayNameMaxLength = 100;
    public const int UiLanguageMaxLength = 10;

    /// <summary>The name shown in the UI and used as the default byline, e.g. "Hoàng Lan".</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>When the account was made (by setup, an admin, or the seed settings).</summary>
    public DateTime? CreatedAt { get; set; }

    /// <summary>When an admin invited the person; with no password yet, the account is "invited".</summary>
    public DateTime? InvitedAt { get; set; }

    /// <summary>When an admin deactivated the account; null while it is active.</summary>
    public DateTime? DeactivatedAt { get; set; }

    /// <summary>
    /// When the person's personal data was erased (<see cref="PersonalDataErasure"/>): the account
    /// stays, anonymised and deactivated for good, so that stories and their history keep their author.
    /// </summary>
    public DateTime? ErasedAt { get; set; }

    /// <summary>The last successful sign-in.</summary>
    public DateTime? LastSignInAt { get; set; }

    /// <summary>The editing UI's language chosen in the profile ("vi", "en"); empty follows the browser.</summary>
    public string UiLanguage { get; set; } = "";

    /// <summary>
    /// The time step of the last authenticator code accepted, so that a code is accepted only
    /// once (RFC 6238 §5.2): a code seen over someone's shoulder cannot be replayed.
    /// </summary>
    public long? LastTotpTimeStep { get; set; }

    /// <summary>What happened to the account since it was last saved (<see cref="AccountChanged"/>); never stored in its table.</summary>
    [NotMapped]
    public IReadOnlyCollection<IDomainEvent> DomainEvents => _domainEvents ?? (IReadOnlyCollection<IDomainEvent>)[];

    /// <summary>Records a change of the account; the save that stores it audits it (<see cref="AccountChanges"/>).</summary>
    public void Record(AccountChanged changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        (_domainEvents ??= []).Add(changed);
    }

    public void ClearDomainEvents() => _domainEvents?.Clear();
}
