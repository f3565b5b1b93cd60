using System.Reflection;
using Microsoft.AspNetCore.Identity;
using NewsroomEditor.Core.Localization;

namespace NewsroomEditor.Core.Accounts;

/// <summary>
/// The password rules beyond Identity's minimum length, in the spirit of OWASP ASVS 5 (V6.2):
/// long passphrases are welcome (up to <see cref="MaximumLength"/> characters, far beyond the
/// 64 the standard asks for), there are no composition rules, and the 10,000 most common
/// passwords are refused. The list ships with the app (Accounts/Resources/common-passwords.txt,
/// source and licence in the README) and is compared without regard to case, so "QwertyQwerty"
/// is as refused as "qwertyqwerty".
/// </summary>
public sealed class PasswordPolicyValidator : IPasswordValidator<ApplicationUser>
{
    /// <summary>Longer than any passphrase a person types; beyond it the input is refused, never truncated.</summary>
    public const int MaximumLength = 256;

    public const string TooLongCode = "PasswordTooLong";
    public const string TooCommonCode = "PasswordTooCommon";

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    /// <summary>How many passwords the shipped list holds (the test checks it is the whole list).</summary>
    public static int CommonPasswordCount => CommonPasswords.Value.Count;

    public static bool IsCommon(string password) => CommonPasswords.Value.Contains(password);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        password ??= "";
        if (password.Length > MaximumLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = TooLongCode,
                Description = DomainText.Format("Passwords can be at most {0} characters long.", MaximumLength),
            }));
        }
        if (IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = TooCommonCode,
                Description = DomainText.Get("This password is one of the most common ones and easy to guess; choose another (a phrase of several words is easy to remember)."),
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        const string name = "NewsroomEditor.Core.Accounts.Resources.common-passwords.txt";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The common-password list {name} is not embedded in the Core assembly.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
                passwords.Add(line);
        }
        return passwords;
    }
}
