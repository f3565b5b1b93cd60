using Microsoft.EntityFrameworkCore;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.Core.Publishing;

/// <summary>Reads the site's sections in their display order.</summary>
public sealed class SectionCatalog(NewsroomDbContext db)
{
    public async Task<IReadOnlyList<Section>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Sections.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(cancellationToken);
}
