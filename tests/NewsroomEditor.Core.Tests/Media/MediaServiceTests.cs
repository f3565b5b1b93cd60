using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Stories;
using NewsroomEditor.Core.Stories.RichText;
using NewsroomEditor.Core.Tests.Stories;
using NewsroomEditor.Core.Tests.Support;
using NewsroomEditor.Testing;

namespace NewsroomEditor.Core.Tests.Media;

/// <summary>Uploads, refusals, duplicates, rights, usage and figures through the real service over real SQLite and disk.</summary>
public sealed class MediaServiceTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;
    private Actor _lan = default!;
    private Actor _minh = default!;
    private Actor _editor = default!;
    private Actor _admin = default!;

    public async Task InitializeAsync()
    {
        _host = await CoreTestHost.StartAsync(new Dictionary<string, string?> { ["Media:MaxUploadBytes"] = "3000000" });
        _lan = await UserAsync("lan@example.vn", "Hoàng Lan", Roles.Reporter);
        _minh = await UserAsync("minh@example.vn", "Trần Minh", Roles.Reporter);
        _editor = await UserAsync("thu@example.vn", "Nguyễn Thu", Roles.Editor);
        _admin = await UserAsync("admin@example.vn", "Quản trị", Roles.Admin);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_photo_is_stored_with_its_original_kept_privately_and_renditions_in_public()
    {
        var result = await UploadAsync(_lan, "ảnh hội nghị.jpg", TestImages.Jpeg(1200, 800));

        var item = Assert.IsType<MediaItem>(result.Stored);
        Assert.Equal((1200, 800), (item.Width, item.Height));
        Assert.Equal("ảnh hội nghị.jpg", item.OriginalFileName);
        Assert.Equal(8, item.Renditions.Count);
        Assert.Equal(320, item.Thumbnail!.Width);
        Assert.True(File.Exists(Path.Combine(_host.DataFolder, "media", "originals", item.Id.ToString("N"))));
        Assert.All(item.Renditions, r => Assert.True(File.Exists(Path.Combine(_host.DataFolder, "media", "public", r.FileName))));
        Assert.Equal(1 + 8, MediaFiles().Count);
    }

    [Theory]
    [InlineData("wrong-magic", "not a JPEG, PNG or WebP image")]
    [InlineData("truncated-jpeg", "incomplete")]
    [InlineData("truncated-png", "PNG file is incomplete")]
    [InlineData("truncated-webp", "WebP file is incomplete")]
    [InlineData("svg-with-script", "SVG")]
    [InlineData("html-renamed", "web page (HTML)")]
    [InlineData("zip-jpeg-polyglot", "ZIP archive")]
    [InlineData("pixel-flood", "50,000 × 50,000 pixels")]
    [InlineData("too-large", "larger than the 2.9 MB limit")]
    [InlineData("zero-bytes", "empty")]
    [InlineData("gif", "GIF")]
    public async Task A_bad_file_is_refused_with_its_own_message_and_nothing_is_stored(string kind, string expected)
    {
        var (name, bytes) = BadFile(kind);

        var result = await UploadAsync(_lan, name, bytes, seekable: kind != "too-large");

        Assert.Null(result.Stored);
        Assert.Null(result.ExistingDuplicate);
        Assert.Contains(expected, result.Refusal, StringComparison.Ordinal);
        Assert.Equal(0, await CountRowsAsync());
        Assert.Empty(MediaFiles());
    }

    [Fact]
    public async Task Heic_and_avif_are_accepted_only_when_this_libvips_decodes_them()
    {
        using var image = TestImages.Gradient(400, 300);
        var avif = image.HeifsaveBuffer(compression: NetVips.Enums.ForeignHeifCompression.Av1);
        byte[] heic = [0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, .. new byte[64]];

        var avifResult = await UploadAsync(_lan, "photo.avif", avif);
        var heicResult = await UploadAsync(_lan, "IMG_0001.HEIC", heic);

        Assert.Equal(MediaImageProcessor.CanLoadAvif, avifResult.Succeeded);
        if (avifResult.Succeeded)
            Assert.Equal((400, 300), (avifResult.Stored!.Width, avifResult.Stored.Height));
        if (!MediaImageProcessor.CanLoadHeic)
            Assert.Contains("HEIC images cannot be read on this server", heicResult.Refusal, StringComparison.Ordinal);
        else
            Assert.False(heicResult.Succeeded); // a header without an image
    }

    [Fact]
    public async Task A_path_traversal_file_name_is_metadata_only()
    {
        var result = await UploadAsync(_lan, "../../etc/passwd.jpg", TestImages.Jpeg(400, 300));

        var item = Assert.IsType<MediaItem>(result.Stored);
        Assert.Equal("../../etc/passwd.jpg", item.OriginalFileName);
        var files = MediaFiles();
        Assert.All(files, f => Assert.StartsWith(Path.Combine(_host.DataFolder, "media") + Path.DirectorySeparatorChar, f, StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains("passwd", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(_host.DataFolder, "media", "originals", "../../etc/passwd.jpg"))));
        Assert.All(item.Renditions, r => Assert.Matches("^[0-9a-f]{16}-[0-9]+\\.(webp|jpg)$", r.FileName));
    }

    [Fact]
    public async Task The_same_bytes_twice_give_the_existing_image()
    {
        var bytes = TestImages.Png(500, 400);
        var first = await UploadAsync(_lan, "a.png", bytes);

        var second = await UploadAsync(_minh, "b.png", bytes);

        Assert.Null(second.Stored);
        Assert.Null(second.Refusal);
        Assert.Equal(first.Stored!.Id, second.ExistingDuplicate!.Id);
        Assert.Equal(1, await CountRowsAsync());
    }

    [Fact]
    public async Task An_upload_past_the_users_quota_is_refused()
    {
        await using var host = await CoreTestHost.StartAsync(new Dictionary<string, string?> { ["Media:QuotaBytesPerUser"] = "20000" });
        var lan = await UserAsync(host, "lan@example.vn", "Hoàng Lan", Roles.Reporter);
        var first = await host.InScopeAsync(sp => sp.As(lan).GetRequiredService<IMediaService>().UploadAsync("a.jpg", new MemoryStream(TestImages.Jpeg(300, 200))));
        Assert.True(first.Succeeded, first.Refusal);

        var second = await host.InScopeAsync(sp => sp.As(lan).GetRequiredService<IMediaService>().UploadAsync("b.jpg", new MemoryStream(TestImages.Jpeg(900, 700))));

        Assert.Contains("quota", second.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_alone_cannot_upload()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => UploadAsync(_admin, "a.jpg", TestImages.Jpeg(300, 200)));
        Assert.Equal(0, await CountRowsAsync());
    }

    [Fact]
    public async Task A_reporter_cannot_describe_or_delete_another_reporters_image_but_an_editor_can()
    {
        var item = (await UploadAsync(_lan, "a.jpg", TestImages.Jpeg(300, 200))).Stored!;
        var metadata = new MediaMetadata("Đại biểu biểu quyết", "Hội nghị lần thứ 15", "Ảnh: Hoàng Lan");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(_minh, s => s.UpdateMetadataAsync(item.Id, metadata)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _host.InScopeAsync(sp => sp.As(_minh).GetRequiredService<IMediaService>().DeleteAsync(item.Id)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(_admin, s => s.UpdateMetadataAsync(item.Id, metadata)));

        var own = await Service(_lan, s => s.UpdateMetadataAsync(item.Id, metadata));
        Assert.Equal("Hội nghị lần thứ 15", own.Caption);
        var edited = await Service(_editor, s => s.UpdateMetadataAsync(item.Id, metadata with { Credit = "Ảnh: TTXVN" }));
        Assert.Equal("Ảnh: TTXVN", edited.Credit);
        await _host.InScopeAsync(sp => sp.As(_editor).GetRequiredService<IMediaService>().DeleteAsync(item.Id));
        Assert.Equal(0, await CountRowsAsync());
        Assert.Empty(MediaFiles());
    }

    [Fact]
    public async Task Metadata_is_stored_in_nfc_and_limited_in_length()
    {
        var item = (await UploadAsync(_lan, "a.jpg", TestImages.Jpeg(300, 200))).Stored!;
        var decomposed = "Hội nghị".Normalize(System.Text.NormalizationForm.FormD);

        var described = await Service(_lan, s => s.UpdateMetadataAsync(item.Id, new MediaMetadata(decomposed, "", "")));

        Assert.Equal("Hội nghị".Normalize(System.Text.NormalizationForm.FormC), described.AltText);
        await Assert.ThrowsAsync<DomainException>(() => Service(_lan, s => s.UpdateMetadataAsync(item.Id, new MediaMetadata(new string('x', 501), "", ""))));
    }

    [Fact]
    public async Task The_library_is_searched_without_case_or_diacritics_and_filtered_to_mine()
    {
        var hoiNghi = (await UploadAsync(_lan, "IMG_0001.jpg", TestImages.Jpeg(300, 200))).Stored!;
        await Service(_lan, s => s.UpdateMetadataAsync(hoiNghi.Id, new MediaMetadata("", "Hội nghị Ban Chấp hành", "")));
        var duong = (await UploadAsync(_minh, "đường phố.png", TestImages.Png(300, 200))).Stored!;

        var found = await Service(_editor, s => s.ListAsync(new MediaQuery("hoi nghi")));
        var byName = await Service(_editor, s => s.ListAsync(new MediaQuery("DUONG")));
        var mine = await Service(_minh, s => s.ListAsync(new MediaQuery(MineOnly: true)));
        var paged = await Service(_editor, s => s.ListAsync(new MediaQuery(PageSize: 1, Page: 1)));

        Assert.Equal(hoiNghi.Id, Assert.Single(found.Items).Id);
        Assert.Equal(duong.Id, Assert.Single(byName.Items).Id);
        Assert.Equal(duong.Id, Assert.Single(mine.Items).Id);
        Assert.Equal(2, paged.TotalCount);
        Assert.Single(paged.Items);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service(_admin, s => s.ListAsync(new MediaQuery())));
    }

    [Fact]
    public async Task The_library_index_follows_descriptions_and_deletes_and_ranks_exact_diacritics_first()
    {
        var road = (await UploadAsync(_lan, "a.jpg", TestImages.Jpeg(300, 200))).Stored!;
        await Service(_lan, s => s.UpdateMetadataAsync(road.Id, new MediaMetadata("Con đường làng", "", "")));
        var name = (await UploadAsync(_lan, "b.jpg", TestImages.Jpeg(320, 200))).Stored!;
        await Service(_lan, s => s.UpdateMetadataAsync(name.Id, new MediaMetadata("Ông Dương", "", "")));

        Assert.Equal([road.Id, name.Id], (await Service(_editor, s => s.ListAsync(new MediaQuery("đường")))).Items.Select(i => i.Id));
        Assert.Equal([name.Id, road.Id], (await Service(_editor, s => s.ListAsync(new MediaQuery("dương")))).Items.Select(i => i.Id));
        Assert.Empty((await Service(_editor, s => s.ListAsync(new MediaQuery("\" OR *")))).Items);

        await Service(_lan, s => s.UpdateMetadataAsync(road.Id, new MediaMetadata("Cánh đồng lúa", "", "")));
        Assert.Equal([name.Id], (await Service(_editor, s => s.ListAsync(new MediaQuery("duong")))).Items.Select(i => i.Id));
        Assert.Equal([road.Id], (await Service(_editor, s => s.ListAsync(new MediaQuery("canh dong")))).Items.Select(i => i.Id));

        await _host.InScopeAsync(sp => sp.As(_editor).GetRequiredService<IMediaService>().DeleteAsync(name.Id));
        Assert.Empty((await Service(_editor, s => s.ListAsync(new MediaQuery("duong")))).Items);
        var indexed = await _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Database
            .SqlQuery<int>($"SELECT count(*) AS Value FROM MediaSearchKeys").SingleAsync());
        Assert.Equal(1, indexed);
    }

    [Fact]
    public async Task Delete_is_refused_while_a_story_uses_the_image_and_names_the_story()
    {
        var item = (await UploadAsync(_lan, "a.jpg", TestImages.Jpeg(300, 200))).Stored!;
        var story = await _host.InScopeAsync(sp => StoryServices.From(sp).CreateAsync(_lan));
        var content = StoryFactory.Content("Hội nghị tỉnh") with { Body = WithFigure(item.Id), SectionId = null };
        var saved = await _host.InScopeAsync(sp => StoryServices.From(sp).SaveAsync(_lan, story.Id, story.Version, content));
        Assert.True(saved.Saved);

        var usage = await Service(_lan, s => s.UsageAsync(item.Id));
        var error = await Assert.ThrowsAsync<DomainException>(() => _host.InScopeAsync(sp => sp.As(_editor).GetRequiredService<IMediaService>().DeleteAsync(item.Id)));

        Assert.Equal(story.Id, Assert.Single(usage).Id);
        Assert.Contains("\"Hội nghị tỉnh\"", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await CountRowsAsync());
        // Another reporter learns that the image is used, not the headline of a draft that is not theirs.
        Assert.Empty(await Service(_minh, s => s.UsageAsync(item.Id)));
    }

    [Fact]
    public async Task A_featured_photo_counts_as_usage_and_its_missing_alt_text_fails_the_checklist()
    {
        var item = (await UploadAsync(_lan, "anh-dai-dien.jpg", TestImages.Jpeg(600, 400))).Stored!;
        var stories = (Func<StoryServices, Task<Story>> action) => _host.InScopeAsync(sp => action(StoryServices.From(sp)));
        var story = await stories(s => s.CreateAsync(_lan));
        var content = StoryFactory.Content("Ảnh đại diện") with { FeaturedMediaId = item.Id, FeaturedCaption = "  Toàn cảnh hội nghị  " };
        var saved = await _host.InScopeAsync(sp => StoryServices.From(sp).SaveAsync(_lan, story.Id, story.Version, content));
        Assert.True(saved.Saved);
        var stored = await stories(s => s.GetAsync(_lan, story.Id));

        var withoutAlt = await _host.InScopeAsync(sp => StoryServices.From(sp).ChecklistAsync(stored));
        await Service(_lan, s => s.UpdateMetadataAsync(item.Id, new MediaMetadata("Các đại biểu dự hội nghị", "", "")));
        var withAlt = await _host.InScopeAsync(sp => StoryServices.From(sp).ChecklistAsync(stored));
        var usage = await Service(_lan, s => s.UsageAsync(item.Id));

        Assert.Equal("Toàn cảnh hội nghị", stored.FeaturedCaption);
        Assert.False(withoutAlt.Single(c => c.Key == "alt").Passed);
        Assert.True(withAlt.Single(c => c.Key == "alt").Passed);
        Assert.Equal(story.Id, Assert.Single(usage).Id);
        await Assert.ThrowsAsync<DomainException>(() => _host.InScopeAsync(sp => sp.As(_editor).GetRequiredService<IMediaService>().DeleteAsync(item.Id)));
    }

    [Fact]
    public async Task Figures_get_a_1024_px_jpeg_src_every_jpeg_in_srcset_and_every_webp_offered_first()
    {
        var item = (await UploadAsync(_lan, "a.jpg", TestImages.Jpeg(1200, 800))).Stored!;

        var images = await Service(s => s.ImagesForAsync(WithFigure(item.Id)));
        var image = images.Find(item.Id)!;

        var jpeg1024 = item.Renditions.Single(r => r.Format == "jpeg" && r.Width == 1024);
        Assert.Equal(jpeg1024.Url, image.Src);
        Assert.Equal(string.Join(", ", item.Renditions.Where(r => r.Format == "jpeg").OrderBy(r => r.Width).Select(r => $"/media/{r.FileName} {r.Width}w")), image.SrcSet);
        Assert.StartsWith("/media/", image.Src, StringComparison.Ordinal);
        Assert.Equal("(max-width: 720px) 100vw, 720px", image.Sizes);
        Assert.Equal((1200, 800), (image.Width, image.Height));
        Assert.Null(images.Find(Guid.NewGuid()));
        Assert.Equal(string.Join(", ", item.Renditions.Where(r => r.Format == "webp").OrderBy(r => r.Width).Select(r => $"/media/{r.FileName} {r.Width}w")), image.WebpSrcSet);
        Assert.Contains("-1024.webp 1024w", image.WebpSrcSet, StringComparison.Ordinal);
        var html = WithFigure(item.Id).ToHtml(images);
        Assert.Contains($"<picture><source type=\"image/webp\" srcset=\"{image.WebpSrcSet}\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("<source", StringComparison.Ordinal) < html.IndexOf("<img", StringComparison.Ordinal));
    }

    private static StoryBody WithFigure(Guid mediaId) => StoryBody.Parse($$$"""
        {"type":"doc","content":[
          {"type":"paragraph","content":[{"type":"text","text":"Đại biểu dự hội nghị."}]},
          {"type":"figure","attrs":{"mediaId":"{{{mediaId:D}}}","alt":"Đại biểu","caption":"Ảnh: Hoàng Lan"}}]}
        """);

    /// <summary>The hostile corpus of the theory above, which the fuzzing run also sends through (see MediaFuzzingTests).</summary>
    internal static readonly string[] BadFileKinds =
        ["wrong-magic", "truncated-jpeg", "truncated-png", "truncated-webp", "svg-with-script", "html-renamed", "zip-jpeg-polyglot", "pixel-flood", "too-large", "zero-bytes", "gif"];

    internal static (string Name, byte[] Bytes) BadFile(string kind)
    {
        switch (kind)
        {
            case "wrong-magic": return ("photo.jpg", "Just some text pretending to be a photo."u8.ToArray());
            case "truncated-jpeg":
                var jpeg = TestImages.Jpeg(800, 600);
                return ("cut.jpg", jpeg[..(jpeg.Length / 2)]);
            case "truncated-png":
                var png = TestImages.Png(800, 600);
                return ("cut.png", png[..(png.Length * 2 / 3)]);
            case "truncated-webp":
                var webp = TestImages.Webp(800, 600);
                return ("cut.webp", webp[..(webp.Length * 2 / 3)]);
            case "svg-with-script": return ("logo.svg", """<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>"""u8.ToArray());
            case "html-renamed": return ("photo.jpg", "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"u8.ToArray());
            case "zip-jpeg-polyglot": return ("photo.jpg", TestImages.JpegZipPolyglot());
            case "pixel-flood": return ("flood.png", TestImages.PngHeaderOnly(50_000, 50_000));
            case "too-large": return ("huge.jpg", [0xFF, 0xD8, 0xFF, .. new byte[3_100_000]]);
            case "zero-bytes": return ("empty.jpg", []);
            case "gif":
                using (var image = TestImages.Gradient(40, 40))
                    return ("anim.gif", image.GifsaveBuffer());
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private Task<UploadResult> UploadAsync(Actor actor, string name, byte[] bytes, bool seekable = true) =>
        Service(actor, s => s.UploadAsync(name, seekable ? new MemoryStream(bytes) : new NonSeekableStream(bytes)));

    private Task<T> Service<T>(Func<IMediaService, Task<T>> action) =>
        _host.InScopeAsync(sp => action(sp.GetRequiredService<IMediaService>()));

    private Task<T> Service<T>(Actor actor, Func<IMediaService, Task<T>> action) =>
        _host.InScopeAsync(sp => action(sp.As(actor).GetRequiredService<IMediaService>()));

    private Task<int> CountRowsAsync() =>
        _host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().MediaAssets.CountAsync());

    private List<string> MediaFiles()
    {
        var folder = Path.Combine(_host.DataFolder, "media");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToList() : [];
    }

    private Task<Actor> UserAsync(string email, string name, string role) => UserAsync(_host, email, name, role);

    private static Task<Actor> UserAsync(CoreTestHost host, string email, string name, string role) => host.CreateActorAsync(email, name, role);

    /// <summary>An upload as the browser sends it: a stream whose length is not known in advance.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
