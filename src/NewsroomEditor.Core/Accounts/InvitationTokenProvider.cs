using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace NewsroomEditor.Core.Accounts;

/// <summary>
/// Signs invitation tokens: the user id, the purpose, the account's security stamp and the time it
/// was made, protected with Data Protection. A token stops working after
/// <see cref="AccountOptions.InvitationDays"/> by the app's <see cref="TimeProvider"/> (so tests move a
/// clock instead of waiting), and once the stamp changes — setting the password changes it, so a link
/// works once. Identity's own <c>DataProtectorTokenProvider</c> reads the system clock, hence this one.
/// </summary>
public sealed class InvitationTokenProvider(
    IDataProtectionProvider protection, TimeProvider clock, IOptions<AccountOptions> options) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string ProviderName = "Invitation";
    private const char Separator = '\n';

    private readonly IDataProtector _protector = protection.CreateProtector("NewsroomEditor.Invitations.v1");

    public TimeSpan Lifespan => TimeSpan.FromDays(options.Value.InvitationDays);

    public async Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var stamp = await manager.GetSecurityStampAsync(user);
        var createdAt = clock.GetUtcNow().UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var payload = string.Join(Separator, purpose, user.Id, stamp, createdAt);
        return WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token ?? ""))).Split(Separator);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false; // altered, truncated or signed with other keys
        }
        if (parts.Length != 4 || parts[0] != purpose || parts[1] != user.Id
            || !long.TryParse(parts[3], System.Globalization.CultureInfo.InvariantCulture, out var ticks))
            return false;
        var createdAt = new DateTimeOffset(ticks, TimeSpan.Zero);
        if (clock.GetUtcNow() >= createdAt + Lifespan)
            return false;
        return parts[2] == await manager.GetSecurityStampAsync(user);
    }

    /// <summary>Never a two-factor method: invitations are asked for by purpose only.</summary>
    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(false);
}
