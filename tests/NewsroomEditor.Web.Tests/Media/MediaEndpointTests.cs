using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Web.Components.Media;

namespace NewsroomEditor.Web.Tests.Media;

/// <summary>GET /media/{fileName}: rendition names only, the right type, cacheable forever, never sniffed.</summary>
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

    private static async Task<HttpContext> GetAsync(IMediaStore store, string fileName)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(NullLoggerFactory.Instance).BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var result = await MediaEndpoints.ServeAsync(fileName, context, store);
        await result.ExecuteAsync(context);
        return context;
    }
}
