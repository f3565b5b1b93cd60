using Microsoft.AspNetCore.Authorization;

namespace NewsroomEditor.Core.Accounts;

/// <summary>
/// Authorization policies by name. Pages use them in <c>[Authorize(Policy = …)]</c> and services
/// check the same names through <see cref="IAuthorizationService"/>, so a hidden button and a
/// forged call are refused by one rule.
/// </summary>
public static class Policies
{
    /// <summary>Create and edit stories: reporters and editors (DESIGN.md §2).</summary>
    public const string CanEditStories = nameof(CanEditStories);

    /// <summary>Work the review queue: request changes, approve.</summary>
    public const string CanReview = nameof(CanReview);

    /// <summary>Publish, schedule, unpublish, archive, restore.</summary>
    public const string CanPublish = nameof(CanPublish);

    /// <summary>Upload photos and use the media library.</summary>
    public const string CanUseMedia = nameof(CanUseMedia);

    /// <summary>Manage accounts, sections and settings; read the audit log.</summary>
    public const string CanManageUsers = nameof(CanManageUsers);

    /// <summary>Registers every policy above.</summary>
    public static AuthorizationBuilder AddNewsroomPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(CanEditStories, p => p.RequireRole(Roles.Reporter, Roles.Editor))
        .AddPolicy(CanReview, p => p.RequireRole(Roles.Editor))
        .AddPolicy(CanPublish, p => p.RequireRole(Roles.Editor))
        .AddPolicy(CanUseMedia, p => p.RequireRole(Roles.Reporter, Roles.Editor))
        .AddPolicy(CanManageUsers, p => p.RequireRole(Roles.Admin));
}
