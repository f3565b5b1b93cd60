using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Media;

namespace NewsroomEditor.Web.Tests.Support;

/// <summary>The shared context plus a <see cref="FakeMediaService"/> and media limits; a reporter is signed in.</summary>
public abstract class MediaComponentTest : NewsroomComponentTest
{
    protected MediaComponentTest()
    {
        Media.Acting = async () => Actor.From((await Authentication.GetAuthenticationStateAsync()).User);
        Services.AddSingleton<IMediaService>(Media);
        Services.AddSingleton<IOptionsMonitor<MediaOptions>>(new FixedOptionsMonitor<MediaOptions>(MediaOptions));
        SignIn("Hoàng Lan", Roles.Reporter);
    }

    protected FakeMediaService Media { get; } = new();

    protected MediaOptions MediaOptions { get; } = new() { MaxUploadBytes = 1000, MaxFilesPerUpload = 5 };

    protected static IElement ButtonNamed<T>(IRenderedComponent<T> rendered, string name) where T : Microsoft.AspNetCore.Components.IComponent =>
        Assert.Single(rendered.FindAll("button"), b => b.TextContent.Trim() == name);
}
