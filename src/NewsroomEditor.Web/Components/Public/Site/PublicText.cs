namespace NewsroomEditor.Web.Components.Public.Site;

/// <summary>
/// The few words the public site says itself, in the story's language: a reader of the English
/// site reads "Share", a reader of the Vietnamese one "Chia sẻ bài viết", whatever the editors'
/// interface language is.
/// </summary>
public sealed record PublicText(
    string Latest,
    string Share,
    string CopyLink,
    string LinkCopied,
    string Email,
    string Previous,
    string Next,
    string PageOf,
    string NotFoundTitle,
    string NotFoundBody,
    string GoneTitle,
    string GoneBody,
    string BackHome,
    string Sections,
    string Languages,
    string Feed,
    string NoStories,
    string SkipToContent,
    string Tags,
    string Updated,
    string PreviewLinkValidUntil,
    string Search,
    string SearchLabel,
    string SearchFound,
    string SearchNothingFound,
    string SearchPrompt)
{
    public static readonly PublicText Vietnamese = new(
        Latest: "Tin mới nhất",
        Share: "Chia sẻ bài viết",
        CopyLink: "Sao chép liên kết",
        LinkCopied: "Đã sao chép liên kết",
        Email: "E-mail",
        Previous: "Trang trước",
        Next: "Trang sau",
        PageOf: "Trang {0}/{1}",
        NotFoundTitle: "Không tìm thấy trang",
        NotFoundBody: "Trang bạn tìm không có hoặc đã được chuyển đi.",
        GoneTitle: "Bài viết không còn",
        GoneBody: "Bài viết này đã được gỡ xuống.",
        BackHome: "Về trang chủ",
        Sections: "Chuyên mục",
        Languages: "Ngôn ngữ",
        Feed: "RSS",
        NoStories: "Chưa có bài viết nào.",
        SkipToContent: "Đến nội dung chính",
        Tags: "Từ khóa",
        Updated: "Cập nhật",
        PreviewLinkValidUntil: "Bản xem trước, chưa xuất bản; liên kết dùng được đến {0}.",
        Search: "Tìm kiếm",
        SearchLabel: "Tìm bài viết",
        SearchFound: "Tìm thấy {0} bài viết cho “{1}”",
        SearchNothingFound: "Không tìm thấy bài viết nào cho “{0}”. Hãy thử từ khác, có dấu hoặc không dấu.",
        SearchPrompt: "Nhập từ cần tìm, có dấu hoặc không dấu.");

    public static readonly PublicText English = new(
        Latest: "Latest news",
        Share: "Share",
        CopyLink: "Copy link",
        LinkCopied: "Link copied",
        Email: "E-mail",
        Previous: "Previous page",
        Next: "Next page",
        PageOf: "Page {0} of {1}",
        NotFoundTitle: "Page not found",
        NotFoundBody: "The page you are looking for does not exist or has moved.",
        GoneTitle: "Article removed",
        GoneBody: "This article has been taken down.",
        BackHome: "Back to the home page",
        Sections: "Sections",
        Languages: "Languages",
        Feed: "RSS",
        NoStories: "No stories yet.",
        SkipToContent: "Skip to content",
        Tags: "Tags",
        Updated: "Updated",
        PreviewLinkValidUntil: "This link works until {0}.",
        Search: "Search",
        SearchLabel: "Search stories",
        SearchFound: "{0} stories found for “{1}”",
        SearchNothingFound: "No story found for “{0}”. Try other words.",
        SearchPrompt: "Type the words to look for.");

    public static PublicText For(string language) =>
        language.StartsWith("vi", StringComparison.OrdinalIgnoreCase) ? Vietnamese : English;

}
