using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Web.Components.Public;

/// <summary>A signed preview link: the story it shows, its token and when it stops working.</summary>
public sealed record PreviewLink(Guid StoryId, string Token, DateTimeOffset ExpiresAt)
{
    /// <summary>The link's path on the site: <c>/preview/{token}</c>.</summary>
    public string Path => $"{PreviewLinks.PathPrefix}/{Token}";
}

/// <summary>
/// Signs and reads preview links (<c>/preview/{token}</c>): the story's id protected by ASP.NET
/// Core Data Protection with an expiry (<see cref="ITimeLimitedDataProtector"/>), so a link cannot
/// be forged, pointed at another story or stretched, and stops working after
/// <c>Site:PreviewLinkHours</c>. Nothing is stored: the keys in the data folder are the only
/// state, and rotating them (or a new purpose version) voids every link.
/// </summary>
public sealed class PreviewLinks(IDataProtectionProvider protection, IStoryPreviews previews, TimeProvider clock, IOptionsMonitor<SiteOptions> site)
{
    public const string PathPrefix = "/preview";

    /// <summary>The Data Protection purpose; a token made for anything else does not read here.</summary>
    public const string Purpose = "NewsroomEditor.PreviewLink.v1";

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();

    /// <summary>
    /// A new link to the story for the scope's <see cref="CurrentActor"/>, valid for
    /// <c>Site:PreviewLinkHours</c>. Throws <see cref="NewsroomEditor.Core.DomainException"/> when
    /// they may not share it.
    /// </summary>
    public async Task<PreviewLink> CreateAsync(Guid storyId, CancellationToken cancellationToken = default)
    {
        await previews.EnsureCanShareAsync(storyId, cancellationToken);
        return Sign(storyId, clock.GetUtcNow().AddHours(site.CurrentValue.PreviewLinkHours));
    }

    /// <summary>Signs a link without asking who wants it: <see cref="CreateAsync"/> checks that first.</summary>
    public PreviewLink Sign(Guid storyId, DateTimeOffset expiresAt) =>
        new(storyId, _protector.Protect(storyId.ToString("N"), expiresAt), expiresAt);

    /// <summary>
    /// The link a token stands for, or null when it is expired, altered, signed with other keys or
    /// for another purpose.
    /// </summary>
    public PreviewLink? Read(string token)
    {
        if (string.IsNullOrWhiteSpace(token))
            return null;
        try
        {
            var payload = _protector.Unprotect(token, out var expiresAt);
            // Data Protection checks the expiry against the system clock; the app's own clock (the
            // one that set the expiry) has the last word too, so both agree on when a link dies.
            if (expiresAt <= clock.GetUtcNow())
                return null;
            return Guid.TryParseExact(payload, "N", out var storyId) ? new PreviewLink(storyId, token, expiresAt) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            // Not even base64url: typed by hand or cut short.
            return null;
        }
    }
}
