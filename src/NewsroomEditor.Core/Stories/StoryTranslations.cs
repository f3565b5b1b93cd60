using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Publishing;
using static NewsroomEditor.Core.Stories.StoryLoading;

namespace NewsroomEditor.Core.Stories;

/// <summary>A story's versions in other languages: start one, list them, mark one up to date again.</summary>
public interface IStoryTranslations
{
    /// <summary>
    /// Starts the version of story <paramref name="sourceId"/> in <paramref name="language"/>: a
    /// draft in the same translation group and section, its content copied from the source to be
    /// translated (see <see cref="Story.CreateTranslation"/>). Editors may, and the source's author.
    /// </summary>
    Task<Story> AddTranslationAsync(Guid sourceId, string language, CancellationToken cancellationToken = default);

    /// <summary>
    /// The other language versions of story <paramref name="id"/>, what the current actor may
    /// add, and whether this version is outdated against its original, for the editor's panel.
    /// </summary>
    Task<TranslationOverview> TranslationsAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>An editor says translation <paramref name="id"/> follows its original again; a note records it.</summary>
    Task MarkTranslationCurrentAsync(Guid id, CancellationToken cancellationToken = default);
}

/// <inheritdoc cref="IStoryTranslations"/>
public sealed class StoryTranslations(
    IDbContextFactory<NewsroomDbContext> contexts,
    TimeProvider clock,
    IOptionsMonitor<SiteOptions> site,
    CurrentActor current) : IStoryTranslations
{
    /// <summary>
    /// Starts the version of story <paramref name="sourceId"/> in <paramref name="language"/>: a
    /// draft in the same translation group and section, its content copied from the source to be
    /// translated (see <see cref="Story.CreateTranslation"/>). Editors may, and the source's author.
    /// </summary>
    public async Task<Story> AddTranslationAsync(Guid sourceId, string language, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await current.VerifiedAsync(db, cancellationToken);
        var source = await LoadVisibleAsync(db, actor, sourceId, cancellationToken);
        var chosen = (language ?? "").Trim();
        var languages = site.CurrentValue.Languages;
        source.EnsureCanTranslate(actor, chosen, languages);
        if (await VersionExistsAsync(db, source.TranslationGroupId, chosen, cancellationToken))
            throw TranslationExists(chosen);

        var slug = await UniqueSlugAsync(db, chosen, Slugs.FromText(source.Headline), excludeId: null, cancellationToken);
        var translation = source.CreateTranslation(actor, chosen, languages, slug, Now);
        db.Stories.Add(translation);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone added the same language a moment before: the unique index kept one, theirs.
            db.ChangeTracker.Clear();
            if (await VersionExistsAsync(db, source.TranslationGroupId, chosen, cancellationToken))
                throw TranslationExists(chosen);
            throw;
        }
        return translation;
    }

    /// <summary>
    /// The other language versions of story <paramref name="id"/>, what the current actor may
    /// add, and whether this version is outdated against its original, for the editor's panel.
    /// </summary>
    public async Task<TranslationOverview> TranslationsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var actor = await current.ClaimedAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var story = await LoadVisibleAsync(db, actor, id, cancellationToken);
        var group = await db.Stories.AsNoTracking().Where(s => s.TranslationGroupId == story.TranslationGroupId).ToListAsync(cancellationToken);
        var original = Story.OriginalOf(group);
        var languages = site.CurrentValue.Languages;
        var others = group
            .Where(s => s.Id != id)
            .OrderBy(s => languages.Contains(s.Language) ? languages.IndexOf(s.Language) : int.MaxValue)
            .ThenBy(s => s.Language, StringComparer.Ordinal)
            .Select(s => new TranslationVersion(s.Id, s.Language, s.Headline, s.State, s.Id == original.Id, CanView(actor, s)))
            .ToList();
        var toAdd = story.CanBeTranslatedBy(actor)
            ? languages.Where(l => group.TrueForAll(s => s.Language != l)).ToList()
            : [];
        return new TranslationOverview(
            others,
            toAdd,
            story.TranslationOutdatedSince,
            others.FirstOrDefault(o => o.IsOriginal),
            actor.IsEditor && story.TranslationOutdatedSince is not null);
    }

    /// <summary>An editor says translation <paramref name="id"/> follows its original again; a note records it.</summary>
    public async Task MarkTranslationCurrentAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actor = await current.VerifiedAsync(db, cancellationToken);
        var story = await LoadTrackedAsync(db, actor, id, cancellationToken);
        var group = await db.Stories.AsNoTracking()
            .Where(s => s.TranslationGroupId == story.TranslationGroupId && s.Id != id)
            .ToListAsync(cancellationToken);
        var originalLanguage = group.Count == 0 ? story.Language : Story.OriginalOf([.. group, story]).Language;
        if (!story.MarkTranslationCurrent(actor, originalLanguage, Now))
            return;
        await SaveOrConflictAsync(db, cancellationToken);
    }

    private static Task<bool> VersionExistsAsync(NewsroomDbContext db, Guid groupId, string language, CancellationToken cancellationToken) =>
        db.Stories.AnyAsync(s => s.TranslationGroupId == groupId && s.Language == language, cancellationToken);

    private static WorkflowException TranslationExists(string language) =>
        new("This story already has a version in {0}; open it from the list of versions.", LanguageNames.Local(language));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
