using NewsroomEditor.Core.Stories.RichText;

namespace NewsroomEditor.Core.Stories;

/// <summary>One check before publishing: the UI shows it, the server enforces it.</summary>
public sealed record ChecklistItem(string Key, string Label, bool Passed, string? Problem = null);

/// <summary>
/// The publishing checks of DESIGN.md §2, as one list used both by the editor's checklist and by
/// <see cref="Story.Publish"/> and <see cref="Story.Schedule"/>.
/// </summary>
public static class PublishingChecklist
{
    /// <summary>
    /// Evaluates <paramref name="story"/>; <paramref name="slugUsedElsewhere"/> and
    /// <paramref name="featuredImageLacksAlt"/> (its featured photo has no alt text in the library)
    /// come from the database.
    /// </summary>
    public static IReadOnlyList<ChecklistItem> Evaluate(Story story, bool slugUsedElsewhere, bool featuredImageLacksAlt = false)
    {
        ArgumentNullException.ThrowIfNull(story);
        var body = StoryBody.Parse(story.BodyJson);
        var figuresWithoutAlt = body.Figures.Count(f => string.IsNullOrWhiteSpace(f.Alt)) + (featuredImageLacksAlt ? 1 : 0);
        return
        [
            Check("headline", "Headline", story.Headline.Length > 0, "Write a headline."),
            Check("lead", "Lead", story.Lead.Length > 0, "Write the lead (standfirst)."),
            Check("body", "Body", !body.IsEmpty, "The body is empty."),
            Check("section", "Section", story.SectionId is not null, "Choose a section."),
            Check("slug", "Slug unique in its language", story.Slug.Length > 0 && !slugUsedElsewhere,
                story.Slug.Length == 0
                    ? "The story needs a slug (write a headline or a slug)."
                    : $"Another {story.Language} story already uses the slug \"{story.Slug}\"."),
            Check("alt", "Alt text on every image", figuresWithoutAlt == 0,
                $"{figuresWithoutAlt} image(s) have no alt text."),
        ];
    }

    public static bool Passed(IReadOnlyList<ChecklistItem> checklist) => checklist.All(c => c.Passed);

    internal static void EnsurePassed(IReadOnlyList<ChecklistItem> checklist, string verb)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        var problems = checklist.Where(c => !c.Passed).Select(c => c.Problem ?? c.Label).ToList();
        if (problems.Count > 0)
            throw new WorkflowException($"Cannot {verb} yet: {string.Join(" ", problems)}");
    }

    private static ChecklistItem Check(string key, string label, bool passed, string problem) =>
        new(key, label, passed, passed ? null : problem);
}
