namespace NewsroomEditor.Core.Publishing;

/// <summary>
/// What readers see is cached (DESIGN.md §5); this is how the domain's services say that it
/// changed. They await it before returning, so the very next request after a publish, correction
/// or unpublish is answered from the database, never from a stale copy.
/// </summary>
public interface IPublicSiteCache
{
    /// <summary>Forgets every cached public page and feed.</summary>
    ValueTask InvalidateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets the cached pages carrying any of <paramref name="tags"/> (<see cref="PublicSiteTags"/>).
    /// A cache without tags forgets everything, which is never wrong.
    /// </summary>
    ValueTask EvictAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken = default) => InvalidateAsync(cancellationToken);
}

/// <summary>For hosts without a public site (tests, tools): nothing is cached, so nothing is forgotten.</summary>
internal sealed class NoPublicSiteCache : IPublicSiteCache
{
    public ValueTask InvalidateAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
