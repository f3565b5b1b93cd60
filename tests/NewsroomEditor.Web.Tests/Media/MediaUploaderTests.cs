using Microsoft.AspNetCore.Components.Forms;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Web.Components.Media;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Media;

public class MediaUploaderTests : MediaComponentTest
{
    private readonly List<MediaItem> _uploaded = [];

    [Fact]
    public void Two_files_get_a_row_each_go_to_the_service_and_raise_OnUploaded()
    {
        var uploader = RenderUploader();

        uploader.FindComponent<InputFile>().UploadFiles(Jpeg("pho-co.jpg", 100), Jpeg("ben-thanh.png", 200));

        uploader.WaitForAssertion(() => Assert.Equal(2, _uploaded.Count));
        Assert.Equal(["pho-co.jpg", "ben-thanh.png"], Media.Uploads.Select(u => u.FileName));
        Assert.Equal([100, 200], Media.Uploads.Select(u => u.Content.Length));
        Assert.All(Media.Uploads, u => Assert.Equal("Hoàng Lan", u.Actor.DisplayName));
        Assert.Equal(["pho-co.jpg", "ben-thanh.png"], _uploaded.Select(i => i.OriginalFileName));
        uploader.WaitForAssertion(() =>
        {
            var rows = uploader.FindAll("[data-upload-row]");
            Assert.Equal(2, rows.Count);
            Assert.Contains(rows, r => r.TextContent.Contains("pho-co.jpg", StringComparison.Ordinal) && Status(r) == "Ready");
            Assert.Contains(rows, r => r.TextContent.Contains("ben-thanh.png", StringComparison.Ordinal) && Status(r) == "Ready");
        });
    }

    [Fact]
    public void The_service_refusal_is_shown_on_that_file_only()
    {
        const string refusal = "bad.jpg is not a JPEG, PNG, WebP, HEIC or AVIF image.";
        Media.OnUpload = (name, _, _) => Task.FromResult(name == "bad.jpg"
            ? new UploadResult(null, null, refusal)
            : new UploadResult(Media.Add(FakeMediaService.Item(name)), null, null));
        var uploader = RenderUploader();

        uploader.FindComponent<InputFile>().UploadFiles(Jpeg("good.jpg", 10), Jpeg("bad.jpg", 10));

        uploader.WaitForAssertion(() =>
        {
            Assert.Equal(refusal, Status(Row(uploader, "bad.jpg")));
            Assert.Equal("Ready", Status(Row(uploader, "good.jpg")));
        });
        Assert.Equal(["good.jpg"], _uploaded.Select(i => i.OriginalFileName));
    }

    [Fact]
    public void A_file_over_the_configured_limit_is_refused_without_being_read_or_sent()
    {
        var uploader = RenderUploader();

        uploader.FindComponent<InputFile>().UploadFiles(Jpeg("huge.jpg", 1001), Jpeg("small.jpg", 1000));

        uploader.WaitForAssertion(() => Assert.Single(_uploaded));
        Assert.Equal(["small.jpg"], Media.Uploads.Select(u => u.FileName));
        Assert.Equal("Too large: 1,001 bytes; the limit is 1,000 bytes.", Status(Row(uploader, "huge.jpg")));
    }

    [Fact]
    public void The_MaxBytes_parameter_overrides_the_configured_limit()
    {
        var uploader = Render<MediaUploader>(p => p.Add(x => x.MaxBytes, 2L * 1024 * 1024));

        uploader.FindComponent<InputFile>().UploadFiles(Jpeg("big.jpg", 3 * 1024 * 1024));

        uploader.WaitForAssertion(() => Assert.Equal("Too large: 3 MB; the limit is 2 MB.", Status(Row(uploader, "big.jpg"))));
        Assert.Empty(Media.Uploads);
    }

    [Fact]
    public void Files_beyond_MaxFiles_are_refused_and_the_first_ones_uploaded()
    {
        var uploader = Render<MediaUploader>(p => p.Add(x => x.MaxFiles, 1));

        uploader.FindComponent<InputFile>().UploadFiles(Jpeg("one.jpg", 10), Jpeg("two.jpg", 10));

        uploader.WaitForAssertion(() => Assert.Equal("Ready", Status(Row(uploader, "one.jpg"))));
        Assert.Equal("Not uploaded: at most 1 file at a time.", Status(Row(uploader, "two.jpg")));
        Assert.Equal(["one.jpg"], Media.Uploads.Select(u => u.FileName));
    }

    [Fact]
    public void A_duplicate_says_it_is_already_in_the_library_and_offers_the_existing_one()
    {
        var existing = Media.Add(FakeMediaService.Item("original.jpg", altText: "Chợ Bến Thành"));
        Media.OnUpload = (_, _, _) => Task.FromResult(new UploadResult(null, existing, null));
        var uploader = RenderUploader();

        uploader.FindComponent<InputFile>().UploadFiles(Jpeg("copy.jpg", 10));

        uploader.WaitForAssertion(() => Assert.Equal("Already in the library", Status(Row(uploader, "copy.jpg"))));
        Assert.Empty(_uploaded);

        ButtonNamed(uploader, "Use the existing one").Click();

        Assert.Equal([existing], _uploaded);
    }

    [Fact]
    public async Task Cancel_stops_an_upload_in_progress()
    {
        Media.OnUpload = async (_, _, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("Never reached.");
        };
        var uploader = RenderUploader();

        // UploadFiles returns when the component's handler does, which here is only after Cancel.
        var input = uploader.FindComponent<InputFile>();
        var uploading = Task.Run(() => input.UploadFiles(Jpeg("slow.jpg", 10)));
        uploader.WaitForAssertion(() => Assert.Equal("Processing…", Status(Row(uploader, "slow.jpg"))));

        uploader.Find("button[aria-label='Cancel slow.jpg']").Click();
        await uploading.WaitAsync(TimeSpan.FromSeconds(5));

        uploader.WaitForAssertion(() => Assert.Equal("Cancelled", Status(Row(uploader, "slow.jpg"))));
        Assert.Empty(_uploaded);
        Assert.Empty(uploader.FindAll("button[aria-label='Cancel slow.jpg']"));
    }

    [Fact]
    public void The_picker_takes_several_images_and_is_named_Upload()
    {
        var uploader = RenderUploader();

        var input = uploader.Find("input[type=file]");
        Assert.True(input.HasAttribute("multiple"));
        Assert.Equal("image/jpeg,image/png,image/webp,image/heic,image/avif", input.GetAttribute("accept"));
        Assert.Equal("Upload", input.GetAttribute("aria-label"));
        Assert.Equal("Upload", uploader.Find("label").TextContent.Trim());
        Assert.Equal(input.Id, uploader.Find("label").GetAttribute("for"));
    }

    private IRenderedComponent<MediaUploader> RenderUploader() =>
        Render<MediaUploader>(p => p.Add(x => x.OnUploaded, (MediaItem item) => _uploaded.Add(item)));

    private static InputFileContent Jpeg(string name, int bytes) =>
        InputFileContent.CreateFromBinary(Enumerable.Repeat((byte)0xFF, bytes).ToArray(), name, contentType: "image/jpeg");

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<MediaUploader> uploader, string fileName) =>
        Assert.Single(uploader.FindAll("[data-upload-row]"), r => r.QuerySelector(".media-upload-name")!.TextContent.Trim() == fileName);

    private static string Status(AngleSharp.Dom.IElement row) => row.QuerySelector(".media-upload-status")!.TextContent.Trim();
}
