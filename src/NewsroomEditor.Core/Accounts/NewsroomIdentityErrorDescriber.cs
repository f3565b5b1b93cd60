using Microsoft.AspNetCore.Identity;
using NewsroomEditor.Core.Localization;

namespace NewsroomEditor.Core.Accounts;

/// <summary>
/// Identity's own refusals (a password too short, a wrong password, an e-mail already taken, a link
/// whose token no longer works) in the reader's interface language: the account pages show these
/// descriptions as they come. The English is Identity's own wording, so it reads as before; the codes
/// are Identity's too, for the code that tells errors apart.
/// </summary>
public sealed class NewsroomIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() =>
        Error(nameof(DefaultError), DomainText.Get("An unknown failure has occurred."));

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), DomainText.Get("Optimistic concurrency failure, object has been modified."));

    public override IdentityError PasswordMismatch() =>
        Error(nameof(PasswordMismatch), DomainText.Get("Incorrect password."));

    public override IdentityError InvalidToken() =>
        Error(nameof(InvalidToken), DomainText.Get("Invalid token."));

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        Error(nameof(RecoveryCodeRedemptionFailed), DomainText.Get("Recovery code redemption failed."));

    public override IdentityError LoginAlreadyAssociated() =>
        Error(nameof(LoginAlreadyAssociated), DomainText.Get("A user with this login already exists."));

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), DomainText.Format("Username '{0}' is invalid, can only contain letters or digits.", userName));

    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), DomainText.Format("Email '{0}' is invalid.", email));

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), DomainText.Format("Username '{0}' is already taken.", userName));

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), DomainText.Format("Email '{0}' is already taken.", email));

    public override IdentityError UserAlreadyHasPassword() =>
        Error(nameof(UserAlreadyHasPassword), DomainText.Get("User already has a password set."));

    public override IdentityError UserLockoutNotEnabled() =>
        Error(nameof(UserLockoutNotEnabled), DomainText.Get("Lockout is not enabled for this user."));

    public override IdentityError UserAlreadyInRole(string role) =>
        Error(nameof(UserAlreadyInRole), DomainText.Format("User already in role '{0}'.", role));

    public override IdentityError UserNotInRole(string role) =>
        Error(nameof(UserNotInRole), DomainText.Format("User is not in role '{0}'.", role));

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), DomainText.Format("Passwords must be at least {0} characters.", length));

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), DomainText.Format("Passwords must use at least {0} different characters.", uniqueChars));

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
