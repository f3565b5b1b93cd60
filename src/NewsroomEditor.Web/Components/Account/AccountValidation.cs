using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace NewsroomEditor.Web.Components.Account;

/// <summary>
/// The validation messages of the account and setup forms, in the interface language. Blazor's
/// <c>DataAnnotationsValidator</c> does not ask <see cref="IStringLocalizer"/>: it formats the
/// attribute's message, which it reads, when given <c>ErrorMessageResourceType</c> and
/// <c>ErrorMessageResourceName</c>, from a public static property at the moment it validates. Each
/// property here looks its text up for the current UI culture (the request's), so
/// <c>[Required(ErrorMessageResourceType = typeof(AccountValidation), ErrorMessageResourceName = nameof(AccountValidation.EmailRequired))]</c>
/// speaks Vietnamese or English like the rest of the page. The messages are whole sentences about one
/// field rather than "The {0} field...", which would need the field's name translated as well.
/// </summary>
public static class AccountValidation
{
    // A static localizer over the same resources the pages read (AccountText.vi.resx): attributes
    // cannot be given services.
    private static readonly IStringLocalizer<AccountText> L = new StringLocalizer<AccountText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    public static string EmailRequired => L["Enter an e-mail address."];

    public static string EmailInvalid => L["This is not a valid e-mail address."];

    public static string PasswordRequired => L["Enter the password."];

    public static string PasswordsDoNotMatch => L["The password and its confirmation do not match."];

    public static string DisplayNameRequired => L["The display name cannot be empty."];

    /// <summary>A StringLength message: {1} is the maximum length.</summary>
    public static string DisplayNameTooLong => L["The display name is at most {1} characters."];

    public static string AuthenticatorCodeInvalid => L["Enter the 6-digit code from your authenticator app."];

    public static string RecoveryCodeRequired => L["Enter a recovery code."];

    public static string PasskeyNameRequired => L["Enter a name for the passkey."];

    /// <summary>A StringLength message: {1} is the maximum length.</summary>
    public static string PasskeyNameTooLong => L["Passkey names must be no longer than {1} characters."];

    public static string ResetLinkInvalid => L["The password reset link is invalid."];
}
