using Microsoft.EntityFrameworkCore;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Localization;

namespace NewsroomEditor.Core.Publishing;

/// <summary>A section's names and slugs as an admin types them; an empty slug follows its name.</summary>
public sealed record SectionNames(string NameVi, string NameEn, string? SlugVi = null, string? SlugEn = null);

/// <summary>One section as the admin page lists it, with how many stories use it.</summary>
public sealed record SectionListing(Section Section, int StoryCount);

/// <summary>Admins manage the public site's sections (<see cref="SectionAdministration"/>).</summary>
public interface ISectionAdministration
{
    /// <summary>Every section, hidden ones too, in display order, with its number of stories (any state).</summary>
    Task<IReadOnlyList<SectionListing>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a section at the end of the menu.</summary>
    /// <exception cref="DomainException">A name or slug is refused; the message says why.</exception>
    Task<Section> CreateAsync(SectionNames names, CancellationToken cancellationToken = default);

    /// <summary>Renames a section and, where given or following the names, changes its slugs.</summary>
    /// <exception cref="DomainException">A name or slug is refused, or the section is gone.</exception>
    Task<Section> RenameAsync(int sectionId, SectionNames names, CancellationToken cancellationToken = default);

    /// <summary>Moves a section one place up (<paramref name="offset"/> −1) or down (+1) in the menu.</summary>
    /// <exception cref="DomainException">The section is gone.</exception>
    Task MoveAsync(int sectionId, int offset, CancellationToken cancellationToken = default);

    /// <summary>Hides a section from the public site (its page answers 404; its stories stay readable) or shows it again.</summary>
    /// <exception cref="DomainException">The section is gone.</exception>
    Task SetHiddenAsync(int sectionId, bool hidden, CancellationToken cancellationToken = default);

    /// <summary>Deletes a section that no story uses, in any state (archived ones included).</summary>
    /// <exception cref="DomainException">Stories use the section ("N stories use this section; hide it instead"), or it is gone.</exception>
    Task DeleteAsync(int sectionId, CancellationToken cancellationToken = default);
}

/// <summary>
/// Admins' work on sections: create, rename, reorder, hide, show, delete, as the scope's
/// <see cref="CurrentActor"/>. Every method checks <see cref="Policies.CanManageUsers"/> itself, in
/// the one context it works in, so a forged call from a reporter's circuit is refused like a hidden
/// button. Rules of one section live in <see cref="Section"/>; rules across sections (unique slugs,
/// no deleting a used section) are checked here. Each change is recorded on its section
/// (<see cref="SectionChanged"/>): its save writes the audit entry, and the public site's cache is
/// forgotten after the commit.
/// </summary>
public sealed class SectionAdministration(
    IDbContextFactory<NewsroomDbContext> contexts,
    CurrentActor current) : ISectionAdministration
{
    // A property, not a constant: read in the culture of each call.
    private static string Refusal => DomainText.Get("Only an Admin may manage sections.");

    /// <summary>Every section, hidden ones too, in display order, with its number of stories (any state).</summary>
    public async Task<IReadOnlyList<SectionListing>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await current.EnsureAdminAsync(db, Refusal, cancellationToken);
        var sections = await db.Sections.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var counts = await db.Stories.Where(s => s.SectionId != null).GroupBy(s => s.SectionId!.Value)
            .Select(g => new { SectionId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.SectionId, g => g.Count, cancellationToken);
        return sections.Select(s => new SectionListing(s, counts.GetValueOrDefault(s.Id))).ToList();
    }

    /// <summary>Adds a section at the end of the menu.</summary>
    /// <exception cref="DomainException">A name or slug is refused; the message says why.</exception>
    public async Task<Section> CreateAsync(SectionNames names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await current.EnsureAdminAsync(db, Refusal, cancellationToken);
        // The audit entry names the section by its id, which the store gives at the insert: the
        // section is saved first, then its creation recorded on it, in one transaction, so that the
        // entry (and the public site's eviction, delivered at the commit) exists exactly when the
        // section does. In the provider's execution strategy, which retries the whole of it.
        return await db.InTransactionAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            var last = await db.Sections.MaxAsync(s => (int?)s.SortOrder, ct) ?? 0;
            var section = new Section(names.NameVi, names.NameEn, last + 1, names.SlugVi, names.SlugEn);
            await EnsureSlugsFreeAsync(db, section, ct);
            db.Sections.Add(section);
            await db.SaveChangesAsync(ct);
            Changed(actor, section, $"Created section {Describe(section)}");
            await db.SaveChangesAsync(ct);
            return section;
        }, cancellationToken);
    }

    /// <summary>Renames a section and, where given or following the names, changes its slugs.</summary>
    /// <exception cref="DomainException">A name or slug is refused, or the section is gone.</exception>
    public async Task<Section> RenameAsync(int sectionId, SectionNames names, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await current.EnsureAdminAsync(db, Refusal, cancellationToken);
        var section = await FindAsync(db, sectionId, cancellationToken);
        var before = Describe(section);
        section.Rename(names.NameVi, names.NameEn, names.SlugVi, names.SlugEn);
        await EnsureSlugsFreeAsync(db, section, cancellationToken);
        Changed(actor, section, $"Renamed section {before} → {Describe(section)}");
        await db.SaveChangesAsync(cancellationToken);
        return section;
    }

    /// <summary>Moves a section one place up (<paramref name="offset"/> −1) or down (+1) in the menu.</summary>
    /// <exception cref="DomainException">The section is gone.</exception>
    public async Task MoveAsync(int sectionId, int offset, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await current.EnsureAdminAsync(db, Refusal, cancellationToken);
        var ordered = await db.Sections.OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var index = ordered.FindIndex(s => s.Id == sectionId);
        if (index < 0)
            throw new DomainException("That section no longer exists.");
        var target = Math.Clamp(index + Math.Sign(offset), 0, ordered.Count - 1);
        if (target == index)
            return;
        var section = ordered[index];
        ordered.RemoveAt(index);
        ordered.Insert(target, section);
        // Renumbered 1..n: older databases may hold ties or gaps, which would make a swap ambiguous.
        for (var i = 0; i < ordered.Count; i++)
            ordered[i].MoveTo(i + 1);
        Changed(actor, section, $"Moved section {Describe(section)} to place {target + 1} of {ordered.Count}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Hides a section from the public site (its page answers 404; its stories stay readable) or shows it again.</summary>
    /// <exception cref="DomainException">The section is gone.</exception>
    public async Task SetHiddenAsync(int sectionId, bool hidden, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await current.EnsureAdminAsync(db, Refusal, cancellationToken);
        var section = await FindAsync(db, sectionId, cancellationToken);
        if (section.IsHidden == hidden)
            return;
        if (hidden)
            section.Hide();
        else
            section.Show();
        Changed(actor, section, $"{(hidden ? "Hid" : "Showed")} section {Describe(section)}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deletes a section that no story uses, in any state (archived ones included).</summary>
    /// <exception cref="DomainException">Stories use the section ("N stories use this section; hide it instead"), or it is gone.</exception>
    public async Task DeleteAsync(int sectionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await current.EnsureAdminAsync(db, Refusal, cancellationToken);
        var section = await FindAsync(db, sectionId, cancellationToken);
        var stories = await db.Stories.CountAsync(s => s.SectionId == sectionId, cancellationToken);
        if (stories > 0)
            throw stories == 1
                ? new DomainException("1 story uses this section; hide it instead.")
                : new DomainException("{0} stories use this section; hide it instead.", stories);
        Changed(actor, section, $"Deleted section {Describe(section)}");
        db.Sections.Remove(section);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A story filed into it between the count and the delete: the foreign key refused.
            throw new DomainException("A story was just filed in this section; hide it instead.");
        }
    }

    private static async Task<Section> FindAsync(NewsroomDbContext db, int sectionId, CancellationToken cancellationToken) =>
        await db.Sections.SingleOrDefaultAsync(s => s.Id == sectionId, cancellationToken)
        ?? throw new DomainException("That section no longer exists.");

    /// <summary>A slug must lead to one section in its language; the unique indexes back this up.</summary>
    private static async Task EnsureSlugsFreeAsync(NewsroomDbContext db, Section section, CancellationToken cancellationToken)
    {
        var takenVi = await db.Sections.Where(s => s.Id != section.Id && s.SlugVi == section.SlugVi).Select(s => s.NameVi).FirstOrDefaultAsync(cancellationToken);
        if (takenVi is not null)
            throw new DomainException("The Vietnamese slug \"{0}\" is already the section \"{1}\"'s; choose another.", section.SlugVi, takenVi);
        var takenEn = await db.Sections.Where(s => s.Id != section.Id && s.SlugEn == section.SlugEn).Select(s => s.NameEn).FirstOrDefaultAsync(cancellationToken);
        if (takenEn is not null)
            throw new DomainException("The English slug \"{0}\" is already the section \"{1}\"'s; choose another.", section.SlugEn, takenEn);
    }

    private static string Describe(Section section) =>
        $"\"{section.NameVi}\" / \"{section.NameEn}\" (slugs {section.SlugVi}, {section.SlugEn})";

    /// <summary>Records the change on the section: its save writes the audit entry and evicts the public site.</summary>
    private static void Changed(Actor actor, Section section, string details) =>
        section.AddDomainEvent(new SectionChanged(section, actor.UserId, actor.DisplayName, details));
}
