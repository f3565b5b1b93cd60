using Microsoft.EntityFrameworkCore;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.Core.Publishing;

/// <summary>
/// Every section (hidden ones too, in display order), read from the database once and then kept
/// in memory: every public page shows the sections in its navigation and every article its own
/// section, and the table changes only when an admin changes a section. That change forgets the
/// whole public site (<see cref="PublicSiteEvictionOutboxHandler"/>), which calls
/// <see cref="Forget"/> before it forgets the cached pages, so that no page is rendered and cached
/// with the old sections after the new ones are saved. A singleton that holds what was read; the
/// scoped caller lends it a context factory to read with. The sections it hands out are untracked
/// and shared by every request: read them, never change them.
/// </summary>
public sealed class SectionMenu
{
    private readonly Lock _gate = new();
    private IReadOnlyList<Section>? _sections;
    private long _generation;

    /// <summary>Every section in display order, hidden ones included.</summary>
    public async Task<IReadOnlyList<Section>> AllAsync(IDbContextFactory<NewsroomDbContext> contexts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        if (Volatile.Read(ref _sections) is { } cached)
            return cached;
        var generation = Interlocked.Read(ref _generation);
        IReadOnlyList<Section> loaded;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            loaded = await db.Sections.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
        lock (_gate)
        {
            // A change forgotten while this read was under way may not be in what it read: keep it for this caller only.
            if (_generation == generation)
                _sections = loaded;
        }
        return loaded;
    }

    /// <summary>Forgets the sections: the next call reads them again.</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _generation++;
            _sections = null;
        }
    }
}
