namespace NewsroomEditor.Core.Stories;

/// <summary>Another language version of a story, as the editor's translations panel lists it.</summary>
/// <param name="Id">The version's story id.</param>
/// <param name="Language">Its language code.</param>
/// <param name="Headline">Its headline, possibly empty.</param>
/// <param name="State">Where it stands in its own workflow.</param>
/// <param name="IsOriginal">The group's first version, the one the others are translated from.</param>
/// <param name="CanOpen">Whether the asker may open it (a reporter opens only their own stories).</param>
public sealed record TranslationVersion(Guid Id, string Language, string Headline, StoryState State, bool IsOriginal, bool CanOpen);

/// <summary>A story's translation group as one person sees it from that story.</summary>
/// <param name="Others">The group's other versions, in the site's language order.</param>
/// <param name="LanguagesToAdd">Site languages without a version that the asker may add now.</param>
/// <param name="OutdatedSince">When the original changed after this translation was published; null while current.</param>
/// <param name="Original">The version this one is translated from; null when this story is the original.</param>
/// <param name="CanMarkCurrent">Whether the asker may clear <paramref name="OutdatedSince"/> (an editor, while it is set).</param>
public sealed record TranslationOverview(
    IReadOnlyList<TranslationVersion> Others,
    IReadOnlyList<string> LanguagesToAdd,
    DateTime? OutdatedSince,
    TranslationVersion? Original,
    bool CanMarkCurrent);
