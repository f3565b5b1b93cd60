using System.Globalization;
using Microsoft.AspNetCore.Components.Forms;
using NewsroomEditor.Web.Components.Media;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Media;

/// <summary>
/// The media library and the uploader in Vietnamese: their words from MediaText, dates and file
/// sizes as Vietnamese writes them (1,5 MB). The culture is set per test and put back afterwards.
/// </summary>
public sealed class VietnameseMediaTests : MediaComponentTest
{
    [Fact]
    public void The_library_shows_its_cards_in_Vietnamese_with_the_upload_time_day_first()
    {
        using var _ = CultureScope.Vietnamese();
        var item = Media.Add(FakeMediaService.Item("lu.jpg", caption: "Mưa lớn chiều 11/4", credit: "TTXVN"));

        var library = Render<MediaLibrary>();

        var card = library.WaitForElement($"[data-media-id='{item.Id}']");
        Assert.Equal("Thư viện ảnh", library.Find("h1").TextContent.Trim());
        Assert.Contains("Nguồn ảnh: TTXVN", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Thiếu văn bản thay thế", card.TextContent, StringComparison.Ordinal);
        // 12:45 UTC is 19:45 in Asia/Ho_Chi_Minh.
        Assert.Contains("Trần Minh · 11/04/2024 19:45", card.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Sửa", "Dùng trong bài", "Xóa"], card.QuerySelectorAll("button").Select(b => b.TextContent.Trim()));
        Assert.NotNull(card.QuerySelector("button[aria-label='Xóa lu.jpg']"));
    }

    [Fact]
    public void The_uploader_gives_its_limits_and_refusals_in_Vietnamese_with_a_decimal_comma()
    {
        using var _ = CultureScope.Vietnamese();
        var uploader = Render<MediaUploader>(parameters => parameters.Add(u => u.MaxBytes, 1_572_864).Add(u => u.MaxFiles, 1));

        Assert.Equal("Thả ảnh vào đây hoặc chọn ảnh: JPEG, PNG, WebP, HEIC hoặc AVIF, tối đa 1,5 MB mỗi ảnh, 1 tệp mỗi lần.",
            uploader.Find("[id$='-hint']").TextContent.Trim());
        Assert.Equal("Tải lên", uploader.Find("input[type=file]").GetAttribute("aria-label"));

        uploader.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[2_202_010], "lon.jpg", contentType: "image/jpeg"));

        uploader.WaitForAssertion(() => Assert.Equal("Quá lớn: 2,1 MB; giới hạn là 1,5 MB.",
            uploader.Find(".media-upload-status").TextContent.Trim()));
        Assert.Empty(Media.Uploads);
    }
}
