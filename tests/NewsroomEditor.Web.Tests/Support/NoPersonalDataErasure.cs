using NewsroomEditor.Core.Accounts;

namespace NewsroomEditor.Web.Tests.Support;

/// <summary>
/// For component tests of pages that offer erasure but never carry one out: the users page needs the
/// service to render, and a call would mean the test clicked something it did not mean to.
/// </summary>
public sealed class NoPersonalDataErasure : IPersonalDataErasure
{
    public Task EraseOwnAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task EraseAsync(string userId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
