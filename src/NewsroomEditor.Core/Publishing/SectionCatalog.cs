using Microsoft.EntityFrameworkCore;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.Core.Publishing;

/// <summary>The sections stories can be filed under (<see cref="SectionCatalog"/>).</summary>
public interface ISectionCatalog
{
    Task<IReadOnlyList<Section>> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>Reads the site's sections in their display order.</summary>
public sealed class SectionCatalog(IDbContextFactory<NewsroomDbContext> contexts) : ISectionCatalog
{
    public async Task<IReadOnlyList<Section>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Sections.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(cancellationToken);
    }
}
