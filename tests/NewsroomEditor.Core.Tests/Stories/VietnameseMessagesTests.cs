using System.Globalization;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using static NewsroomEditor.Core.Tests.Stories.StoryFactory;
using NewsroomEditor.Core.Tests.Support;

namespace NewsroomEditor.Core.Tests.Stories;

/// <summary>
/// A newsroom working in Vietnamese reads the stories' refusals and checks in Vietnamese: each
/// message is a whole translated sentence (DomainText.vi.resx), with the state, the numbers and
/// the language put into it, not English words glued into a Vietnamese frame.
/// </summary>
public sealed class VietnameseMessagesTests
{
    [Fact]
    public void Publishing_a_draft_is_refused_in_Vietnamese_naming_the_state()
    {
        using var vietnamese = CultureScope.Vietnamese();
        var draft = InState(StoryState.Draft);

        var refusal = Assert.Throws<WorkflowException>(() => draft.Publish(Editor, Passing, Now));

        Assert.Equal("Không thể xuất bản bài viết đang là bản nháp.", refusal.Message);
    }

    [Fact]
    public void A_reporter_touching_someone_elses_story_is_told_in_Vietnamese()
    {
        using var vietnamese = CultureScope.Vietnamese();
        var lans = InState(StoryState.Draft);

        var refusal = Assert.Throws<AccessDeniedException>(() => lans.Submit(Minh, Now));

        Assert.Equal("Phóng viên chỉ làm việc với bài viết của chính mình.", refusal.Message);
    }

    [Fact]
    public void A_reporter_asking_to_publish_is_told_only_an_editor_may()
    {
        using var vietnamese = CultureScope.Vietnamese();
        var inReview = InState(StoryState.InReview);

        var refusal = Assert.Throws<AccessDeniedException>(() => inReview.Publish(Lan, Passing, Now));

        Assert.Equal("Chỉ biên tập viên mới được xuất bản bài viết.", refusal.Message);
    }

    [Fact]
    public void The_checklist_and_its_refusal_speak_Vietnamese()
    {
        using var vietnamese = CultureScope.Vietnamese();
        var story = Story.Create(Lan, "vi", null, Now);
        story.Submit(Lan, Now);
        var checklist = PublishingChecklist.Evaluate(story, slugUsedElsewhere: false);

        Assert.Equal("Tiêu đề", checklist[0].Label);
        Assert.Equal("Hãy viết tiêu đề.", checklist[0].Problem);
        var refusal = Assert.Throws<WorkflowException>(() => story.Publish(Editor, checklist, Now));
        Assert.StartsWith("Chưa thể xuất bản: Hãy viết tiêu đề. Hãy viết sapo.", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slug_taken_in_the_same_language_names_the_language_in_Vietnamese()
    {
        using var vietnamese = CultureScope.Vietnamese();
        var story = InState(StoryState.Approved);

        var slug = PublishingChecklist.Evaluate(story, slugUsedElsewhere: true).Single(c => c.Key == "slug");

        Assert.Equal("Một bài viết tiếng Việt khác đã dùng đường dẫn “hoi-nghi”.", slug.Problem);
    }

    [Fact]
    public void An_overlong_headline_is_refused_with_its_numbers_in_Vietnamese()
    {
        using var vietnamese = CultureScope.Vietnamese();
        var content = Content(new string('a', StoryContent.HeadlineMaxLength + 1));

        var refusal = Assert.Throws<WorkflowException>(() => content.Normalized());

        Assert.Equal($"Tiêu đề dài {StoryContent.HeadlineMaxLength + 1} ký tự; tối đa {StoryContent.HeadlineMaxLength}.", refusal.Message);
    }

    [Fact]
    public void An_invalid_body_names_the_node_in_Vietnamese()
    {
        using var vietnamese = CultureScope.Vietnamese();
        var refusal = Assert.Throws<InvalidStoryBodyException>(() =>
            StoryBody.Parse("""{"type":"doc","content":[{"type":"image"}]}"""));

        Assert.Equal("Nội dung (nút 1): 'image' không được phép.", refusal.Message);
    }
}
