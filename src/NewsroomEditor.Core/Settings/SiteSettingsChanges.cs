using System.Text.Json;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Publishing;

namespace NewsroomEditor.Core.Settings;

/// <summary>
/// An admin saved the site settings. <paramref name="Details"/> is the audit log's description (the
/// fields changed, old → new); <paramref name="ReadersSee"/> says whether the public site shows a
/// changed value (its name, time zone or languages), so that its cached pages must go.
/// </summary>
public sealed record SiteSettingsChanged(string? ActorId, string? ActorName, string Details, bool ReadersSee) : IAuditedEvent
{
    public AuditRecord ToAuditRecord() => new(AuditActions.SettingsChanged, ActorId, ActorName, "settings", Details);
}

/// <summary>The outbox message of a settings save: whether readers see the change.</summary>
public sealed record SiteSettingsReload(bool ReadersSee);

/// <summary>A settings save puts the new settings in force after its commit (<see cref="SiteSettingsReloadOutboxHandler"/>).</summary>
public sealed class SiteSettingsEvents : IDomainEventHandler
{
    public void Handle(IDomainEvent domainEvent, DomainEventConsequences consequences)
    {
        ArgumentNullException.ThrowIfNull(consequences);
        if (domainEvent is SiteSettingsChanged changed)
            consequences.Outbox(SiteSettingsReloadOutboxHandler.MessageType, new SiteSettingsReload(changed.ReadersSee));
    }
}

/// <summary>
/// Puts saved settings in force: reloads them (<see cref="SiteSettings.ReloadAsync"/>), then, when
/// readers see the change, forgets every cached public page. In that order: a page rendered between
/// an eviction and the reload would be cached with the old settings. Idempotent (a reload reads
/// whatever is saved), as delivery is at least once. Another instance sharing the database needs
/// the same consequence of the same message.
/// </summary>
public sealed class SiteSettingsReloadOutboxHandler(SiteSettings settings, IPublicSiteCache publicSite) : IOutboxHandler
{
    public const string MessageType = "site-settings-changed";

    public string Type => MessageType;

    public async Task DeliverAsync(string payload, CancellationToken cancellationToken)
    {
        var reload = JsonSerializer.Deserialize<SiteSettingsReload>(payload, DomainEventConsequences.Json)
            ?? throw new JsonException("An empty settings message.");
        await settings.ReloadAsync(cancellationToken);
        if (reload.ReadersSee)
            await publicSite.InvalidateAsync(cancellationToken);
    }
}
