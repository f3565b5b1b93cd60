using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Localization;
using NewsroomEditor.Core.Stories.RichText;

namespace NewsroomEditor.Core.Publishing;

/// <summary>One check before publishing: the UI shows it, the server enforces it. Label and problem are in the reader's interface language.</summary>
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
            Check("headline", DomainText.Get("Headline"), story.Headline.Length > 0, DomainText.Get("Write a headline.")),
            Check("lead", DomainText.Get("Lead"), story.Lead.Length > 0, DomainText.Get("Write the lead (standfirst).")),
            Check("body", DomainText.Get("Body"), !body.IsEmpty, DomainText.Get("The body is empty.")),
            Check("section", DomainText.Get("Section"), story.SectionId is not null, DomainText.Get("Choose a section.")),
            Check("slug", DomainText.Get("Slug unique in its language"), story.Slug.Length > 0 && !slugUsedElsewhere,
                story.Slug.Length == 0
                    ? DomainText.Get("The story needs a slug (write a headline or a slug).")
                    : DomainText.Format("Another {0} story already uses the slug \"{1}\".", LanguageNames.Local(story.Language), story.Slug)),
            Check("alt", DomainText.Get("Alt text on every image"), figuresWithoutAlt == 0,
                figuresWithoutAlt == 1
                    ? DomainText.Get("1 image has no alt text.")
                    : DomainText.Format("{0} images have no alt text.", figuresWithoutAlt)),
        ];
    }

    public static bool Passed(IReadOnlyList<ChecklistItem> checklist) => checklist.All(c => c.Passed);

    /// <summary>Refuses <paramref name="action"/> (publish or schedule) while a check fails, naming what is missing.</summary>
    internal static void EnsurePassed(IReadOnlyList<ChecklistItem> checklist, StoryAction action)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        var problems = checklist.Where(c => !c.Passed).Select(c => c.Problem ?? c.Label).ToList();
        if (problems.Count == 0)
            return;
        var missing = string.Join(" ", problems);
        throw action == StoryAction.Schedule
            ? new WorkflowException("Cannot schedule yet: {0}", missing)
            : new WorkflowException("Cannot publish yet: {0}", missing);
    }

    private static ChecklistItem Check(string key, string label, bool passed, string problem) =>
        new(key, label, passed, passed ? null : problem);
}
