using System.Reflection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;

namespace NewsroomEditor.DataBench;

/// <summary>
/// Ten years of stories, each made and moved by the domain model as the services do it:
/// <see cref="Story.Create"/>, <see cref="Story.Edit"/> (which writes the slug, tag slugs, plain
/// text and folded search index), <see cref="Story.Submit"/>, <see cref="Story.Publish"/> with the
/// real <see cref="PublishingChecklist"/>, notes, corrections and translations, with a revision
/// wherever the services keep one. Only the times are the generator's, and the ids, which are set
/// from the seed right after <see cref="Story.Create"/> so that a seed always gives the same rows.
/// The domain events the model records are cleared: the bulk load writes no audit or outbox rows.
/// </summary>
public sealed class ArchiveStories
{
    public static readonly DateTime End = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Start = End.AddYears(-10);

    private static readonly IReadOnlyCollection<string> SiteLanguages = ["vi", "en"];
    private static readonly PropertyInfo StoryId = typeof(Story).GetProperty(nameof(Story.Id))!;
    private static readonly PropertyInfo StoryGroup = typeof(Story).GetProperty(nameof(Story.TranslationGroupId))!;
    private static readonly PropertyInfo RevisionStoryId = typeof(StoryRevision).GetProperty(nameof(StoryRevision.StoryId))!;

    private readonly Random _random;
    private readonly ArchiveText _text;
    private readonly int _count;
    private readonly IReadOnlyList<Person> _reporters;
    private readonly IReadOnlyList<Person> _editors;
    private readonly IReadOnlyList<Section> _sections;
    private readonly IReadOnlyList<string> _tagsVi;
    private readonly IReadOnlyList<string> _tagsEn;
    private readonly AssetRef[] _assets;
    private readonly Dictionary<string, HashSet<string>> _slugs = new() { ["vi"] = new(StringComparer.Ordinal), ["en"] = new(StringComparer.Ordinal) };

    public ArchiveStories(int seed, int count, ArchiveText text, IReadOnlyList<Person> people, IReadOnlyList<Section> sections,
        IReadOnlyList<string> tagsVi, IReadOnlyList<string> tagsEn, IEnumerable<AssetRef> assets)
    {
        _random = new Random(seed);
        _count = count;
        _text = text;
        _reporters = people.Where(p => p.Role == Roles.Reporter).ToList();
        _editors = people.Where(p => p.Role == Roles.Editor).ToList();
        _sections = sections;
        _tagsVi = tagsVi;
        _tagsEn = tagsEn;
        _assets = assets.Where(a => a.HasAltText).OrderBy(a => a.UploadedAt).ToArray();
    }

    /// <summary>The stories in batches of about <paramref name="batchSize"/>, oldest publication first; recent drafts and reviews among them.</summary>
    public IEnumerable<List<Story>> Batches(int batchSize)
    {
        var batch = new List<Story>(batchSize + 1);
        var made = 0;
        while (made < _count)
        {
            // Per unit: a Vietnamese story published with its English translation (1 in 9), or one story.
            var roll = _random.NextDouble();
            var position = (double)made / _count;
            if (roll < 1.0 / 9 && _count - made >= 2)
            {
                var original = Published("vi", position);
                batch.Add(original);
                batch.Add(Translation(original));
                made += 2;
            }
            else
            {
                batch.Add(Single(roll < 3.0 / 9 ? "en" : "vi", position));
                made++;
            }
            if (batch.Count >= batchSize)
            {
                yield return batch;
                batch = new List<Story>(batchSize + 1);
            }
        }
        if (batch.Count > 0)
            yield return batch;
    }

    // The state mix of single stories, so that with the (published) pairs the archive has about 5%
    // in review, 3% drafts, 1% scheduled, 1% archived and 90% published.
    private Story Single(string language, double position) => _random.NextDouble() switch
    {
        < 0.0625 => InReview(language),
        < 0.1000 => Draft(language),
        < 0.1125 => Scheduled(language),
        < 0.1250 => Archived(language, position),
        _ => Published(language, position),
    };

    private Story Published(string language, double position)
    {
        var publishedAt = DayTime(Start.AddDays(Math.Floor(position * ((End - Start).TotalDays - 3))));
        var submittedAt = publishedAt.AddMinutes(-_random.Next(10, 300));
        var (story, author) = Written(language, submittedAt, featured: _random.NextDouble() < 0.3);
        story.Submit(author.Actor, submittedAt);
        var editor = Editor();
        story.Publish(editor, Checklist(story), publishedAt);
        MaybeNote(story, author, submittedAt.AddMinutes(2), 0.06);
        if (_random.NextDouble() < 0.02)
            Correct(story, publishedAt.AddMinutes(_random.Next(30, 4000)));
        return Done(story);
    }

    private Story InReview(string language)
    {
        var submittedAt = Recent();
        var (story, author) = Written(language, submittedAt, featured: _random.NextDouble() < 0.2);
        story.Submit(author.Actor, submittedAt);
        MaybeNote(story, author, submittedAt.AddMinutes(_random.Next(5, 120)), 0.3);
        return Done(story);
    }

    private Story Draft(string language)
    {
        var (story, author) = Written(language, Recent(), featured: false);
        MaybeNote(story, author, story.UpdatedAt.AddMinutes(10), 0.1);
        return Done(story);
    }

    private Story Scheduled(string language)
    {
        var approvedAt = Recent();
        var (story, author) = Written(language, approvedAt.AddMinutes(-_random.Next(20, 600)), featured: _random.NextDouble() < 0.3);
        story.Submit(author.Actor, approvedAt.AddMinutes(-_random.Next(5, 15)));
        var editor = Editor();
        story.Approve(editor, approvedAt);
        story.Schedule(editor, DayTime(End.AddDays(_random.Next(1, 45))), Checklist(story), approvedAt.AddMinutes(1));
        return Done(story);
    }

    private Story Archived(string language, double position)
    {
        var writtenAt = DayTime(Start.AddDays(Math.Floor(position * ((End - Start).TotalDays - 60))));
        var (story, author) = Written(language, writtenAt, featured: false);
        if (_random.NextDouble() < 0.5)
            story.Submit(author.Actor, writtenAt.AddMinutes(_random.Next(10, 120)));
        story.Archive(Editor(), writtenAt.AddDays(_random.Next(2, 50)));
        return Done(story);
    }

    /// <summary>The English version of a published story, started by its author or an editor, then written, submitted and published.</summary>
    private Story Translation(Story original)
    {
        var translator = _random.NextDouble() < 0.5 && _reporters.Any(r => r.Actor.UserId == original.AuthorId)
            ? _reporters.First(r => r.Actor.UserId == original.AuthorId)
            : ArchiveText.Pick(_random, _editors);
        var startedAt = original.PublishedAt!.Value.AddMinutes(_random.Next(30, 2000));
        // The service makes the copied headline's slug unique in the new language; the edit below replaces it.
        var translation = original.CreateTranslation(translator.Actor, "en", SiteLanguages, Peek("en", Slugs.FromText(original.Headline)), startedAt);
        SetIds(translation, NextId(), original.TranslationGroupId);
        var topic = TopicOf(original.SectionId);
        var writtenAt = startedAt.AddMinutes(_random.Next(11, 240));
        Save(translation, translator.Actor, Content("en", topic, translator, original.SectionId, original.FeaturedMediaId, "en"), writtenAt);
        var submittedAt = writtenAt.AddMinutes(_random.Next(5, 120));
        translation.Submit(translator.Actor, submittedAt);
        translation.Publish(Editor(), Checklist(translation), submittedAt.AddMinutes(_random.Next(10, 300)));
        return Done(translation);
    }

    /// <summary>A story created by a reporter (85%) or an editor, with the creation's empty revision, then written at <paramref name="writtenAt"/>.</summary>
    private (Story Story, Person Author) Written(string language, DateTime writtenAt, bool featured)
    {
        var author = _random.NextDouble() < 0.85 ? ArchiveText.Pick(_random, _reporters) : ArchiveText.Pick(_random, _editors);
        var topic = _random.Next(_sections.Count);
        var createdAt = writtenAt.AddMinutes(-_random.Next(11, 600));
        var story = Story.Create(author.Actor, language, _sections[topic].Id, createdAt);
        SetIds(story, NextId(), NextId());
        var featuredId = featured ? FeaturedBefore(createdAt) : null;
        var content = Content(language, topic, author, _sections[topic].Id, featuredId, language);
        Save(story, author.Actor, content, writtenAt);
        return (story, author);
    }

    /// <summary>
    /// Saves <paramref name="content"/> as the services do: the slug is the headline's, with "-2",
    /// "-3"… when another story of the language has it (<see cref="Story.Edit"/> takes it as given),
    /// and the edit keeps a new revision (it comes more than the ten-minute autosave window after
    /// the previous one).
    /// </summary>
    private void Save(Story story, Actor actor, StoryContent content, DateTime at)
    {
        var slug = Unique(story.Language, Slugs.FromText(content.Normalized().Headline));
        var kind = story.Edit(actor, content, slug, at);
        story.AddRevision(actor, at, kind);
    }

    private StoryContent Content(string language, int topic, Person author, int? sectionId, Guid? featuredId, string captionLanguage)
    {
        var words = 300 + (int)(1700 * Math.Pow(_random.NextDouble(), 2));
        var paragraphs = _text.Paragraphs(_random, language, topic, words);
        var lead = Newsroom.Trim(_text.Sentence(_random, language, topic) + " " + _text.Sentence(_random, language, topic), StoryContent.LeadMaxLength);
        var tags = Tags(language);
        var byline = _random.NextDouble() switch
        {
            < 0.05 => language == "vi" ? "Nhóm phóng viên" : "Staff reporters",
            < 0.10 => $"{author.Actor.DisplayName} - {ArchiveText.PersonName(_random)}",
            _ => author.Actor.DisplayName,
        };
        var meta = _random.NextDouble() < 0.5 ? Newsroom.Trim(lead, StoryContent.MetaDescriptionMaxLength) : "";
        return new StoryContent(_text.Headline(_random, language, topic), lead, StoryBody.FromParagraphs(paragraphs), sectionId, tags, byline, "", meta)
        {
            FeaturedMediaId = featuredId,
            FeaturedCaption = featuredId is null ? "" : Newsroom.Trim(_text.Sentence(_random, captionLanguage, topic), StoryContent.FeaturedCaptionMaxLength),
        };
    }

    /// <summary>1–6 tags, the first of the list most often (places and topic words), so tag pages range from huge to tiny.</summary>
    private List<string> Tags(string language)
    {
        var all = language == "vi" ? _tagsVi : _tagsEn;
        var count = _random.Next(1, 7);
        var tags = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var tag = all[(int)(all.Count * Math.Pow(_random.NextDouble(), 2.5))];
            if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
                tags.Add(tag);
        }
        return tags;
    }

    /// <summary>An editor's correction after publication: a paragraph added, the lead kept; a new revision of kind Correction.</summary>
    private void Correct(Story story, DateTime at)
    {
        if (at >= End)
            return;
        var editor = Editor();
        var content = story.Content;
        var paragraphs = content.Body.ToPlainText().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        paragraphs.Add((story.Language == "vi" ? "Cập nhật: " : "Update: ") + _text.Sentence(_random, story.Language, TopicOf(story.SectionId)));
        var kind = story.Edit(editor, content with { Body = StoryBody.FromParagraphs(paragraphs), Slug = story.CustomSlug }, story.Slug, at);
        story.AddRevision(editor, at, kind);
    }

    private void MaybeNote(Story story, Person author, DateTime at, double chance)
    {
        if (_random.NextDouble() >= chance)
            return;
        var writer = _random.NextDouble() < 0.7 ? Editor() : author.Actor;
        story.AddNote(writer, _text.Sentence(_random, "vi", TopicOf(story.SectionId)), at);
    }

    private IReadOnlyList<ChecklistItem> Checklist(Story story)
    {
        // The slugs are unique by construction, and featured photos are chosen among those with alt text.
        var checklist = PublishingChecklist.Evaluate(story, slugUsedElsewhere: false, featuredImageLacksAlt: false);
        return PublishingChecklist.Passed(checklist)
            ? checklist
            : throw new InvalidOperationException($"A generated story fails the checklist: {string.Join(" ", checklist.Where(c => !c.Passed).Select(c => c.Problem))}");
    }

    private Guid? FeaturedBefore(DateTime at)
    {
        var index = Array.BinarySearch(_assets, new AssetRef(Guid.Empty, at, true, ""), Comparer<AssetRef>.Create((a, b) => a.UploadedAt.CompareTo(b.UploadedAt)));
        if (index < 0)
            index = ~index;
        if (index == 0)
            return null;
        return _assets[Math.Max(0, index - 1 - _random.Next(60))].Id;
    }

    private static Story Done(Story story)
    {
        story.ClearDomainEvents();
        return story;
    }

    private Actor Editor() => ArchiveText.Pick(_random, _editors).Actor;

    private int TopicOf(int? sectionId)
    {
        for (var i = 0; i < _sections.Count; i++)
            if (_sections[i].Id == sectionId)
                return i;
        return 0;
    }

    /// <summary>A moment in the last 30 days before <see cref="End"/>, in the newsroom's day.</summary>
    private DateTime Recent() => DayTime(End.AddDays(-1 - _random.Next(30)));

    /// <summary>A time of <paramref name="day"/> between 06:00 and 22:00 in Vietnam (UTC+7).</summary>
    private DateTime DayTime(DateTime day) => day.Date.AddHours(6 + _random.NextDouble() * 16 - 7);

    private Guid NextId() => Newsroom.NextGuid(_random);

    private static void SetIds(Story story, Guid id, Guid group)
    {
        StoryId.SetValue(story, id);
        StoryGroup.SetValue(story, group);
        foreach (var revision in story.Revisions)
            RevisionStoryId.SetValue(revision, id);
    }

    private string Unique(string language, string wanted)
    {
        var candidate = Peek(language, wanted);
        _slugs[language].Add(candidate);
        return candidate;
    }

    private string Peek(string language, string wanted)
    {
        var taken = _slugs[language];
        var candidate = wanted;
        for (var n = 2; taken.Contains(candidate); n++)
            candidate = $"{wanted}-{n}";
        return candidate;
    }
}
