using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Stories;
using Xunit.Abstractions;

namespace NewsroomEditor.Core.Tests.Stories;

/// <summary>
/// Every (state × action × role) combination against the table of DESIGN.md §2, written out here
/// independently of <see cref="StoryRules"/>: allowed ones succeed, every other one is refused.
/// </summary>
public class WorkflowMatrixTests(ITestOutputHelper output)
{
    public enum Who { ReporterOwnStory, ReporterOtherStory, Editor, AdminOnly }

    /// <summary>The diagram of DESIGN.md §2 (archive: any state but Published; edit: any but Archived).</summary>
    private static StoryState? ExpectedTarget(StoryState from, StoryAction action) => (from, action) switch
    {
        (StoryState.Draft, StoryAction.Submit) => StoryState.InReview,
        (StoryState.InReview, StoryAction.Withdraw) => StoryState.Draft,
        (StoryState.InReview, StoryAction.RequestChanges) => StoryState.ChangesRequested,
        (StoryState.InReview, StoryAction.Approve) => StoryState.Approved,
        (StoryState.InReview, StoryAction.Publish) => StoryState.Published,
        (StoryState.ChangesRequested, StoryAction.Resubmit) => StoryState.InReview,
        (StoryState.Approved, StoryAction.Publish) => StoryState.Published,
        (StoryState.Approved, StoryAction.Schedule) => StoryState.Scheduled,
        (StoryState.Published, StoryAction.Unpublish) => StoryState.Unpublished,
        (StoryState.Archived, StoryAction.Restore) => StoryState.Draft,
        (not StoryState.Published and not StoryState.Archived, StoryAction.Archive) => StoryState.Archived,
        (not StoryState.Archived, StoryAction.Edit) => from,
        _ => null,
    };

    /// <summary>The "who may" table of DESIGN.md §2.</summary>
    private static bool ExpectedPermission(Who who, StoryState state, StoryAction action) => (who, action) switch
    {
        (Who.AdminOnly, _) => false,
        (Who.Editor, _) => true,
        (Who.ReporterOwnStory, StoryAction.Edit) => state is StoryState.Draft or StoryState.ChangesRequested,
        (Who.ReporterOwnStory, StoryAction.Submit or StoryAction.Withdraw or StoryAction.Resubmit) => true,
        _ => false,
    };

    private static Actor Actor(Who who) => who switch
    {
        Who.ReporterOwnStory => StoryFactory.Lan,
        Who.ReporterOtherStory => StoryFactory.Minh,
        Who.Editor => StoryFactory.Editor,
        _ => StoryFactory.Admin,
    };

    [Fact]
    public void Every_state_action_and_role_is_allowed_or_refused_as_designed()
    {
        int allowed = 0, refused = 0;
        var unexpected = new List<string>();

        foreach (var state in Enum.GetValues<StoryState>())
        foreach (var action in Enum.GetValues<StoryAction>())
        foreach (var who in Enum.GetValues<Who>())
        {
            var story = StoryFactory.InState(state);
            var versionBefore = story.Version;
            var eventsBefore = story.Events.Count;
            var expectedTarget = ExpectedTarget(state, action);
            var shouldSucceed = expectedTarget is not null && ExpectedPermission(who, state, action);
            var uiSaysAllowed = story.Allows(Actor(who), action);

            Exception? error = null;
            try
            {
                StoryFactory.Perform(story, Actor(who), action);
            }
            catch (DomainException e)
            {
                error = e;
            }

            var label = $"{state} × {action} × {who}";
            if (shouldSucceed)
            {
                if (error is null && story.State == expectedTarget && uiSaysAllowed)
                    allowed++;
                else
                    unexpected.Add($"{label}: should succeed, got {error?.Message ?? story.State.ToString()} (UI allowed: {uiSaysAllowed})");
            }
            else
            {
                if (error is not null && story.Version == versionBefore && story.Events.Count == eventsBefore && story.State == state && !uiSaysAllowed)
                    refused++;
                else
                    unexpected.Add($"{label}: should be refused and change nothing, got {(error is null ? "success" : "a partial change")}");
            }
        }

        var figure = $"Workflow matrix: {allowed} allowed, {refused} refused, {unexpected.Count} unexpected " +
                     $"({Enum.GetValues<StoryState>().Length} states × {Enum.GetValues<StoryAction>().Length} actions × {Enum.GetValues<Who>().Length} roles)";
        output.WriteLine(figure);
        unexpected.ForEach(output.WriteLine);
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "workflow-matrix.txt"), [figure, .. unexpected]);

        Assert.Empty(unexpected);
        Assert.Equal(8 * 11 * 4, allowed + refused);
        Assert.True(allowed > 20, figure);
    }

    [Fact]
    public void Refusals_explain_themselves()
    {
        var story = StoryFactory.InState(StoryState.InReview);

        var byReporter = Assert.Throws<AccessDeniedException>(() => story.Approve(StoryFactory.Lan, StoryFactory.Now));
        var byAdmin = Assert.Throws<AccessDeniedException>(() => story.Approve(StoryFactory.Admin, StoryFactory.Now));
        var illegal = Assert.Throws<WorkflowException>(() => story.Unpublish(StoryFactory.Editor, StoryFactory.Now));

        Assert.Equal("Only an editor may approve a story.", byReporter.Message);
        Assert.Equal("Only reporters and editors work on stories.", byAdmin.Message);
        Assert.Equal("A story that is in review cannot be unpublished.", illegal.Message);
    }
}
