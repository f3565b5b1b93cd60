using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Web.Components.Media;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Media;

/// <summary>
/// GET /media/{fileName}: rendition names only, the right type, cacheable forever, never sniffed;
/// and the editor's /media/preview/{id}, WebP for the browsers that take it.
/// </summary>
public sealed class MediaEndpointTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsroom-media-endpoint", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("0123456789abcdef-320.webp", "image/webp")]
    [InlineData("0123456789abcdef-2048.jpg", "image/jpeg")]
    [InlineData("0123456789ABCDEF-320.jpg", null)]
    [InlineData("0123456789abcdef-320.png", null)]
    [InlineData("0123456789abcdef-320.jpg.html", null)]
    [InlineData("../0123456789abcdef-320.jpg", null)]
    [InlineData("0123456789abcdef-0320.jpg", null)]
    [InlineData("0123456789abcde-320.jpg", null)]
    [InlineData("originals", null)]
    [InlineData("", null)]
    public void Only_rendition_names_have_a_content_type(string fileName, string? contentType) =>
        Assert.Equal(contentType, MediaFileNames.ContentType(fileName));

    [Fact]
    public async Task A_rendition_is_served_with_its_type_forever_cacheable_and_not_sniffed()
    {
        var store = Store();
        await store.SavePublicAsync("0123456789abcdef-320.jpg", new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 });

        var context = await GetAsync(store, "0123456789abcdef-320.jpg");

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("image/jpeg", context.Response.ContentType);
        Assert.Equal("public, max-age=31536000, immutable", context.Response.Headers.CacheControl.ToString());
        Assert.Equal("nosniff", context.Response.Headers.XContentTypeOptions.ToString());
        Assert.Equal(4, ((MemoryStream)context.Response.Body).Length);
    }

    [Fact]
    public async Task A_webp_rendition_is_served_as_image_webp()
    {
        var store = Store();
        await store.SavePublicAsync("0123456789abcdef-640.webp", "RIFF\0\0\0\0WEBPVP8 "u8.ToArray());

        var context = await GetAsync(store, "0123456789abcdef-640.webp");

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("image/webp", context.Response.ContentType);
        Assert.Equal("nosniff", context.Response.Headers.XContentTypeOptions.ToString());
    }

    [Theory]
    [InlineData("image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8", "webp")]
    [InlineData("image/webp,*/*", "webp")]
    [InlineData("image/png,image/*;q=0.8,*/*;q=0.5", "jpg")]
    [InlineData("image/webp;q=0,*/*", "jpg")]
    [InlineData("", "jpg")]
    public async Task The_editor_preview_redirects_to_webp_only_for_browsers_that_accept_it(string accept, string extension)
    {
        var item = FakeMediaService.Item("lu.jpg");
        var media = new FakeMediaService();
        media.Add(item);
        var context = new DefaultHttpContext { RequestServices = Services() };
        context.Request.Headers.Accept = accept;

        var result = await MediaEndpoints.PreviewAsync(item.Id, context, media, CancellationToken.None);
        await result.ExecuteAsync(context);

        Assert.Equal(302, context.Response.StatusCode);
        Assert.Equal($"/media/{item.Id:N}-320.{extension}", context.Response.Headers.Location.ToString());
        Assert.Equal("Accept", context.Response.Headers.Vary.ToString());
    }

    [Theory]
    [InlineData("fedcba9876543210-320.jpg")]
    [InlineData("secret.jpg")]
    [InlineData("..%2Foriginals%2Fx")]
    public async Task Anything_else_is_404(string fileName)
    {
        var store = Store();
        Directory.CreateDirectory(Path.Combine(_folder, "media", "public"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "media", "public", "secret.jpg"), "x");

        var context = await GetAsync(store, fileName);

        Assert.Equal(404, context.Response.StatusCode);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private LocalDiskMediaStore Store() => new(Options.Create(new StorageOptions { DataFolder = _folder }));

    private static ServiceProvider Services() =>
        new ServiceCollection().AddLogging().AddSingleton(NullLoggerFactory.Instance).BuildServiceProvider();

    private static async Task<HttpContext> GetAsync(IMediaStore store, string fileName)
    {
        var context = new DefaultHttpContext { RequestServices = Services() };
        context.Response.Body = new MemoryStream();
        var result = await MediaEndpoints.ServeAsync(fileName, context, store);
        await result.ExecuteAsync(context);
        return context;
    }
}
