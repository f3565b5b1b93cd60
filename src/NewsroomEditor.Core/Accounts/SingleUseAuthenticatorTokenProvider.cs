using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace NewsroomEditor.Core.Accounts;

/// <summary>
/// Authenticator-app codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), each accepted only
/// once (RFC 6238 §5.2). Identity's own provider accepts a code again for as long as its window
/// lasts and does not say which step matched, so this one computes the codes itself, remembers the
/// step of the last code accepted in <see cref="ApplicationUser.LastTotpTimeStep"/>, and refuses
/// any code of that step or an earlier one: a code seen over a shoulder or in a proxy's log is
/// worthless once used.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(TimeProvider clock) : AuthenticatorTokenProvider<ApplicationUser>
{
    /// <summary>Steps accepted either side of now, for a phone whose clock is a little off (Identity allows 2).</summary>
    public const int AllowedDriftSteps = 1;

    public const int StepSeconds = 30;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = (token ?? "").Trim();
        if (string.IsNullOrEmpty(key) || code.Length != 6 || !code.All(char.IsAsciiDigit))
            return false;

        var keyBytes = Base32Decode(key);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        long? matched = null;
        for (var step = now - AllowedDriftSteps; step <= now + AllowedDriftSteps; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(ComputeCode(keyBytes, step)), Encoding.ASCII.GetBytes(code)))
                matched = step;
        }
        if (matched is null || matched <= user.LastTotpTimeStep)
            return false;

        // Saved before the sign-in goes on; the concurrency stamp makes two requests racing with
        // the same code end with one success at most.
        user.LastTotpTimeStep = matched;
        return (await manager.UpdateAsync(user)).Succeeded;
    }

    /// <summary>The 6-digit code of <paramref name="step"/> (RFC 4226 §5.3 dynamic truncation).</summary>
    public static string ComputeCode(byte[] key, long step)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
#pragma warning disable CA5350 // HMAC-SHA1 is what RFC 6238 and every authenticator app use; it is not used as a bare hash
        HMACSHA1.HashData(key, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base-32, as Identity writes authenticator keys (upper case, no padding).</summary>
    public static byte[] Base32Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
                throw new FormatException("The authenticator key is not base-32.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
