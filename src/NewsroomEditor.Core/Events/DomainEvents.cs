using System.ComponentModel.DataAnnotations.Schema;

namespace NewsroomEditor.Core.Events;

/// <summary>
/// Something that happened to an aggregate, recorded by the aggregate itself and turned into its
/// consequences (audit entry, outbox rows) by the save that stores the change.
/// </summary>
public interface IDomainEvent;

/// <summary>An entity that records what happened to it until its save takes the events away.</summary>
public interface IHasDomainEvents
{
    IReadOnlyCollection<IDomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}

/// <summary>
/// The base of the aggregates that record domain events (as eShop's <c>Entity</c>): the events live
/// in memory only, never in the entity's table.
/// </summary>
public abstract class Entity : IHasDomainEvents
{
    private List<IDomainEvent>? _domainEvents;

    [NotMapped]
    public IReadOnlyCollection<IDomainEvent> DomainEvents => _domainEvents ?? (IReadOnlyCollection<IDomainEvent>)[];

    public void AddDomainEvent(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        (_domainEvents ??= []).Add(domainEvent);
    }

    public void ClearDomainEvents() => _domainEvents?.Clear();
}
