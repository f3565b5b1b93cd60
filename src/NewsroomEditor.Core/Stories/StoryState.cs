namespace NewsroomEditor.Core.Stories;

/// <summary>Where a story is in the workflow of DESIGN.md §2.</summary>
public enum StoryState
{
    Draft,
    InReview,
    ChangesRequested,
    Approved,
    Scheduled,
    Published,
    Unpublished,
    Archived,
}

/// <summary>What a person can do to a story. Each is allowed or refused by <see cref="StoryRules"/>.</summary>
public enum StoryAction
{
    Edit,
    Submit,
    Withdraw,
    Resubmit,
    RequestChanges,
    Approve,
    Publish,
    Schedule,
    Unpublish,
    Archive,
    Restore,
}
