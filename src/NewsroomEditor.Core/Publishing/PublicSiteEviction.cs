using System.Globalization;
using System.Text.Json;
using NewsroomEditor.Core.Events;
using NewsroomEditor.Core.Stories;

namespace NewsroomEditor.Core.Publishing;

/// <summary>
/// The tags of the public site's cached pages. A page carries the tag of every story it shows
/// (<see cref="Story(Guid)"/>, with its translation group's for the language switch) and the tag of
/// the list it is (home, section, tag, feed, sitemap); every page carries <see cref="All"/>. A
/// change evicts the tags it touches: the story's own (wherever it was shown, also under an old
/// section or tag) and the lists it now belongs to.
/// </summary>
public static class PublicSiteTags
{
    public const string All = "public-site";
    public const string Sitemap = "sitemap";

    public static string Story(Guid id) => "story:" + id.ToString("N");

    public static string StoryGroup(Guid translationGroupId) => "story-group:" + translationGroupId.ToString("N");

    public static string Home(string language) => "home:" + language;

    public static string Feed(string language) => "feed:" + language;

    public static string Section(int sectionId) => "section:" + sectionId.ToString(CultureInfo.InvariantCulture);

    public static string Tag(string language, string tagSlug) => $"tag:{language}:{tagSlug}";

    /// <summary>What a change of <paramref name="story"/> (published, corrected, taken down) touches.</summary>
    public static IReadOnlyList<string> ForStory(Stories.Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var tags = new List<string> { Story(story.Id), StoryGroup(story.TranslationGroupId), Home(story.Language), Feed(story.Language), Sitemap };
        if (story.SectionId is { } sectionId)
            tags.Add(Section(sectionId));
        tags.AddRange(story.TagSlugs.Split(Stories.Story.TagSeparator, StringSplitOptions.RemoveEmptyEntries).Select(t => Tag(story.Language, t)));
        return tags;
    }
}

/// <summary>
/// What readers see changed: a story was published, corrected or taken down (its tags are evicted),
/// or something every page shows changed (a section, the site's name: everything is).
/// </summary>
public sealed class PublicSiteEvictions : IDomainEventHandler
{
    public void Handle(IDomainEvent domainEvent, DomainEventConsequences consequences)
    {
        switch (domainEvent)
        {
            case StoryPublished e:
                Evict(consequences, PublicSiteTags.ForStory(e.Story));
                break;
            case StoryUnpublished e:
                Evict(consequences, PublicSiteTags.ForStory(e.Story));
                break;
            case StoryCorrected e:
                Evict(consequences, PublicSiteTags.ForStory(e.Story));
                break;
            case SectionChanged:
                Evict(consequences, [PublicSiteTags.All]);
                break;
        }
    }

    public static void Evict(DomainEventConsequences consequences, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(consequences);
        consequences.Outbox(PublicSiteEvictionOutboxHandler.MessageType, new PublicSiteEviction(tags));
    }
}

/// <summary>The outbox message: the tags to evict.</summary>
public sealed record PublicSiteEviction(IReadOnlyList<string> Tags);

/// <summary>
/// Evicts the public site's cached pages of an eviction message. Forgetting everything (a section
/// changed) first forgets the sections kept in memory, then the pages: in the other order a page
/// rendered in between would be cached with the old sections.
/// </summary>
public sealed class PublicSiteEvictionOutboxHandler(IPublicSiteCache cache, SectionMenu sections) : IOutboxHandler
{
    public const string MessageType = "public-site.evict";

    public string Type => MessageType;

    public async Task DeliverAsync(string payload, CancellationToken cancellationToken)
    {
        var eviction = JsonSerializer.Deserialize<PublicSiteEviction>(payload, DomainEventConsequences.Json)
            ?? throw new JsonException("An empty eviction message.");
        if (eviction.Tags.Contains(PublicSiteTags.All))
        {
            sections.Forget();
            await cache.InvalidateAsync(cancellationToken);
        }
        else
            await cache.EvictAsync(eviction.Tags, cancellationToken);
    }
}
