using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Web.Components.Admin;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Admin;

/// <summary>The audit page and its CSV download over HTTP: Admins only, on the server; the client's address recorded.</summary>
public sealed class AuditHttpTests : IClassFixture<AuditHttpTests.Newsroom>
{
    private readonly Newsroom _app;

    public AuditHttpTests(Newsroom app) => _app = app;

    /// <summary>One newsroom with an admin, a reporter, an editor and three entries in the log.</summary>
    public sealed class Newsroom : IAsyncLifetime
    {
        public NewsroomAppFactory Factory { get; } = new();

        public async Task InitializeAsync()
        {
            await Factory.CompleteSetupAsync("admin@example.vn");
            var lan = await Factory.CreateUserAsync("reporter@example.vn", "Hoàng Lan", Roles.Reporter);
            var thu = await Factory.CreateUserAsync("editor@example.vn", "Nguyễn Thu", Roles.Editor);
            await RecordAsync(new AuditRecord(AuditActions.StoryTransition, lan.Id, lan.DisplayName, "story:1", "Draft → In review: \"Hội nghị, lần 2\""));
            await RecordAsync(new AuditRecord(AuditActions.StoryPublished, thu.Id, thu.DisplayName, "story:1", "In review → Published: \"Hội nghị, lần 2\""));
            await RecordAsync(new AuditRecord(AuditActions.MediaDeleted, lan.Id, lan.DisplayName, "media:9", "Deleted \"ảnh.jpg\""));
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();

        public async Task RecordAsync(AuditRecord record)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IAuditLog>().RecordAsync(record);
        }
    }

    [Theory]
    [InlineData("reporter@example.vn")]
    [InlineData("editor@example.vn")]
    public async Task Reporters_and_editors_get_403_from_the_export(string email)
    {
        using var client = await SignedInAsync(email);

        using var response = await client.GetAsync(AuditExportEndpoint.Path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("story.published", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_get_401_from_the_export()
    {
        using var client = _app.Factory.CreateBrowserlessClient();

        using var response = await client.GetAsync(AuditExportEndpoint.Path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("reporter@example.vn")]
    [InlineData("editor@example.vn")]
    public async Task Reporters_and_editors_are_refused_the_page(string email)
    {
        using var client = await SignedInAsync(email);

        using var response = await client.GetAsync("/admin/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_sees_the_entries_on_the_page()
    {
        using var client = await SignedInAsync("admin@example.vn");

        using var response = await client.GetAsync("/admin/audit");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Audit log", html, StringComparison.Ordinal);
        Assert.Contains("story.published", html, StringComparison.Ordinal);
        Assert.Contains("Deleted &quot;ảnh.jpg&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_downloads_the_filtered_entries_as_csv_with_a_byte_order_mark()
    {
        using var client = await SignedInAsync("admin@example.vn");

        using var response = await client.GetAsync($"{AuditExportEndpoint.Path}?action=story.");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Time,Action,Person,Person id,Target,Details,IP address", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(",story.published,Nguyễn Thu,", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"In review → Published: \"\"Hội nghị, lần 2\"\"\"", lines[1], StringComparison.Ordinal);
        Assert.Contains(",story.transition,Hoàng Lan,", lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?from=11/04/2024", "'11/04/2024' is not a date for 'from'; use yyyy-MM-dd")]
    [InlineData("?from=2024-04-12&to=2024-04-11", "The start date 4/12/2024 is after the end date 4/11/2024.")]
    public async Task A_bad_date_in_the_export_is_a_400_that_says_why(string query, string reason)
    {
        using var client = await SignedInAsync("admin@example.vn");

        using var response = await client.GetAsync(AuditExportEndpoint.Path + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_recorded_while_serving_a_request_carries_the_requests_address()
    {
        // TestServer leaves RemoteIpAddress empty; a first middleware plays the network's part,
        // and a probe records through the app's own IAuditLog (and so its IAuditClient) in the request.
        const string probe = "/test-only/audit-probe";
        await using var factory = _app.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddTransient<IStartupFilter>(_ => new ClientAddressFilter(IPAddress.Parse("::ffff:198.51.100.23"), probe))));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(probe);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().AuditEntries.AsNoTracking()
            .SingleAsync(e => e.Details == "probe");
        Assert.Equal("198.51.100.23", entry.IpAddress);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _app.Factory.CreateBrowserlessClient();
        using var signIn = await Forms.SignInAsync(client, email, NewsroomAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    private sealed class ClientAddressFilter(IPAddress address, string probe) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                if (context.Request.Path == probe)
                {
                    await context.RequestServices.GetRequiredService<IAuditLog>()
                        .RecordAsync(new AuditRecord(AuditActions.SettingsChanged, null, "probe", "settings", "probe"));
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                    return;
                }
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
