using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.Search;

namespace NewsroomEditor.Core.Tests.Stories;

/// <summary>The rules several features share, each in one place: ownership, languages, the search fold.</summary>
public class SharedRulesTests
{
    private static readonly Actor Lan = Actor.Create("lan", "Hoàng Lan", Roles.Reporter);
    private static readonly Actor Thu = Actor.Create("thu", "Nguyễn Thu", Roles.Editor);
    private static readonly Actor Admin = Actor.Create("admin", "Quản trị", Roles.Admin);

    [Fact]
    public void An_editor_or_the_reporter_who_owns_it_and_no_one_else()
    {
        Assert.True(StoryRules.IsEditorOrOwner(Lan, "lan"));
        Assert.False(StoryRules.IsEditorOrOwner(Lan, "minh"));
        Assert.True(StoryRules.IsEditorOrOwner(Thu, "lan"));
        Assert.False(StoryRules.IsEditorOrOwner(Admin, "admin"));
    }

    [Fact]
    public void A_story_language_must_be_one_of_the_sites()
    {
        StoryRules.EnsureSiteLanguage("en", ["vi", "en"]);

        var refused = Assert.Throws<WorkflowException>(() => StoryRules.EnsureSiteLanguage("fr", ["vi", "en"]));
        Assert.Equal("Language \"fr\" is not one of this site's languages (vi, en).", refused.Message);
        Assert.True(SiteOptions.IsKnownLanguage("vi"));
        Assert.False(SiteOptions.IsKnownLanguage("fr"));
        Assert.False(SiteOptions.IsKnownLanguage(null));
    }

    [Theory]
    [InlineData("vi", "Tiếng Việt", "Vietnamese")]
    [InlineData("en", "English", "English")]
    public void A_content_language_has_its_own_name_and_its_name_in_a_sentence(string code, string native, string local)
    {
        Assert.Equal(native, LanguageNames.Native(code));
        Assert.Equal(local, LanguageNames.Local(code));
        using var vietnamese = CultureScope.Vietnamese();
        Assert.Equal(native, LanguageNames.Native(code));
    }

    [Fact]
    public void The_search_index_folds_its_fields_together_and_slugs_fold_the_same_way()
    {
        Assert.Equal("hoi nghi duong pho hoang lan", SearchText.Index("Hội  nghị", "Đường phố", "Hoàng Lan"));
        Assert.Equal("hoi-nghi-ban-chap-hanh-duong", Slugs.FromText("Hội nghị Ban Chấp hành — đường"));
    }
}
