using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Core.Audit;

/// <summary>
/// The audit entries of domain events, written in the transaction of the change: an entry exists
/// exactly when its change does, and a crash can no longer lose it.
/// </summary>
public sealed class AuditEventHandler(Func<SiteOptions> site) : IDomainEventHandler
{
    /// <summary>
    /// The site's options are read at each event, not taken in the constructor: they come from the
    /// saved settings, read through a context whose options hold this handler.
    /// </summary>
    public AuditEventHandler(IServiceProvider services)
        : this(() => services.GetRequiredService<IOptionsMonitor<SiteOptions>>().CurrentValue)
    {
    }

    public AuditEventHandler(IOptionsMonitor<SiteOptions> site)
        : this(() => site.CurrentValue)
    {
    }

    public void Handle(IDomainEvent domainEvent, DomainEventConsequences consequences)
    {
        ArgumentNullException.ThrowIfNull(consequences);
        var record = domainEvent switch
        {
            StoryPublished { OnSchedule: true } published => AuditedChanges.StoryPublishedOnSchedule(published.Story),
            StoryWorkflowEvent moved => AuditedChanges.StoryMoved(moved, site().TimeZoneInfo),
            StoryCorrected corrected => AuditedChanges.StoryCorrected(corrected),
            MediaDeleted deleted => AuditedChanges.MediaDeleted(deleted),
            SectionChanged changed => new AuditRecord(AuditActions.SectionChanged, changed.ActorId, changed.ActorName, $"section:{changed.Section.Id}", changed.Details),
            IAuditedEvent audited => audited.ToAuditRecord(),
            _ => null,
        };
        if (record is not null)
            consequences.Audit(record);
    }
}

/// <summary>A domain event that is its own audit record (the account and settings changes).</summary>
public interface IAuditedEvent : IDomainEvent
{
    AuditRecord ToAuditRecord();
}
