using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Tests.Support;

namespace NewsroomEditor.Core.Tests.Accounts;

public class FirstRunSetupTests
{
    private static readonly FirstAdmin Lan = new("lan@example.vn", "Hoàng Lan", "a long enough passphrase");

    [Fact]
    public async Task Setup_is_open_while_no_user_exists()
    {
        await using var host = await CoreTestHost.StartAsync();

        Assert.False(await host.InScopeAsync(sp => sp.GetRequiredService<IFirstRunSetup>().IsCompleteAsync()));
    }

    [Fact]
    public async Task The_first_admin_gets_the_Admin_role_and_a_confirmed_email()
    {
        await using var host = await CoreTestHost.StartAsync();

        var result = await host.InScopeAsync(sp => sp.GetRequiredService<IFirstRunSetup>().CreateFirstAdminAsync(Lan));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        await host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var admin = await users.FindByEmailAsync(Lan.Email);
            Assert.NotNull(admin);
            Assert.Equal("Hoàng Lan", admin.DisplayName);
            Assert.True(admin.EmailConfirmed);
            Assert.Equal([Roles.Admin], await users.GetRolesAsync(admin));
            Assert.True(await sp.GetRequiredService<IFirstRunSetup>().IsCompleteAsync());
        });
    }

    [Fact]
    public async Task Setup_is_refused_once_a_user_exists()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.InScopeAsync(sp => sp.GetRequiredService<IFirstRunSetup>().CreateFirstAdminAsync(Lan));

        var second = await host.InScopeAsync(sp => sp.GetRequiredService<IFirstRunSetup>()
            .CreateFirstAdminAsync(new FirstAdmin("intruder@example.com", "Intruder", "another long passphrase")));

        Assert.False(second.Succeeded);
        Assert.Contains(second.Errors, e => e.Code == FirstRunSetup.AlreadyDone.Code);
        Assert.Equal(1, await host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Users.CountAsync()));
    }

    [Fact]
    public async Task Racing_setup_requests_create_exactly_one_admin()
    {
        await using var host = await CoreTestHost.StartAsync();

        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(() => host.InScopeAsync(sp =>
            sp.GetRequiredService<IFirstRunSetup>().CreateFirstAdminAsync(
                new FirstAdmin($"admin{i}@example.com", $"Admin {i}", "a long enough passphrase")))));
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(1, await host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Users.CountAsync()));
    }

    [Theory]
    [InlineData("lan@example.vn", "Hoàng Lan", "short")]
    [InlineData("not an email", "Hoàng Lan", "a long enough passphrase")]
    [InlineData("lan@example.vn", "   ", "a long enough passphrase")]
    public async Task Bad_input_is_refused_and_writes_nothing(string email, string displayName, string password)
    {
        await using var host = await CoreTestHost.StartAsync();

        var result = await host.InScopeAsync(sp => sp.GetRequiredService<IFirstRunSetup>()
            .CreateFirstAdminAsync(new FirstAdmin(email, displayName, password)));

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Errors.First().Description);
        Assert.Equal(0, await host.InScopeAsync(sp => sp.GetRequiredService<NewsroomDbContext>().Users.CountAsync()));
        Assert.False(await host.InScopeAsync(sp => sp.GetRequiredService<IFirstRunSetup>().IsCompleteAsync()));
    }

    [Fact]
    public async Task Display_names_are_stored_in_NFC()
    {
        await using var host = await CoreTestHost.StartAsync();
        var decomposed = new FirstAdmin(Lan.Email, "Hoàng Lan".Normalize(System.Text.NormalizationForm.FormD), Lan.Password);

        await host.InScopeAsync(sp => sp.GetRequiredService<IFirstRunSetup>().CreateFirstAdminAsync(decomposed));

        var stored = await host.InScopeAsync(async sp =>
            (await sp.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(Lan.Email))!.DisplayName);
        Assert.Equal("Hoàng Lan".Normalize(), stored);
        Assert.True(stored.IsNormalized());
    }
}
