using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Tests.Support;

namespace NewsroomEditor.Core.Tests.Accounts;

/// <summary>Authenticator codes (RFC 6238) and the rule that each is accepted only once.</summary>
public sealed class AuthenticatorCodeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2024, 4, 11, 12, 45, 10, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private CoreTestHost _host = default!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    // RFC 6238 Appendix B, SHA-1 (the last six of its eight digits, as authenticator apps show).
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Codes_match_the_test_vectors_of_RFC_6238(long unixSeconds, string code)
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");

        Assert.Equal(code, SingleUseAuthenticatorTokenProvider.ComputeCode(key, unixSeconds / 30));
    }

    [Fact]
    public void Base32_keys_decode_as_RFC_4648_says()
    {
        Assert.Equal("foobar"u8.ToArray(), SingleUseAuthenticatorTokenProvider.Base32Decode("MZXW6YTBOI"));
        Assert.Equal("12345678901234567890"u8.ToArray(), SingleUseAuthenticatorTokenProvider.Base32Decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
    }

    [Fact]
    public async Task A_code_is_accepted_once_and_refused_when_replayed()
    {
        var code = await CodeAsync(stepOffset: 0);

        Assert.True(await ValidateAsync(code));
        Assert.False(await ValidateAsync(code));
    }

    [Fact]
    public async Task After_a_code_is_accepted_an_earlier_one_still_in_the_window_is_refused_and_the_next_one_accepted()
    {
        var previous = await CodeAsync(stepOffset: -1);
        var current = await CodeAsync(stepOffset: 0);
        Assert.True(await ValidateAsync(current));

        Assert.False(await ValidateAsync(previous));

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await ValidateAsync(await CodeAsync(stepOffset: 0)));
    }

    [Fact]
    public async Task Codes_outside_the_window_and_malformed_ones_are_refused()
    {
        Assert.False(await ValidateAsync(await CodeAsync(stepOffset: -2)));
        Assert.False(await ValidateAsync(await CodeAsync(stepOffset: 2)));
        Assert.False(await ValidateAsync("12345"));
        Assert.False(await ValidateAsync("abcdef"));
    }

    private async Task<string> CodeAsync(int stepOffset) => await _host.InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await UserAsync(users);
        var key = SingleUseAuthenticatorTokenProvider.Base32Decode((await users.GetAuthenticatorKeyAsync(user))!);
        return SingleUseAuthenticatorTokenProvider.ComputeCode(key, _clock.GetUtcNow().ToUnixTimeSeconds() / 30 + stepOffset);
    });

    private Task<bool> ValidateAsync(string code) => _host.InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var provider = new SingleUseAuthenticatorTokenProvider(_clock);
        return await provider.ValidateAsync("TwoFactor", code, users, await UserAsync(users));
    });

    /// <summary>The one test user, made with an authenticator key on first use.</summary>
    private static async Task<ApplicationUser> UserAsync(UserManager<ApplicationUser> users)
    {
        var user = await users.FindByEmailAsync("thu@example.vn");
        if (user is not null)
            return user;
        user = new ApplicationUser { UserName = "thu@example.vn", Email = "thu@example.vn", EmailConfirmed = true, DisplayName = "Nguyễn Thu" };
        Assert.True((await users.CreateAsync(user, "a long enough passphrase")).Succeeded);
        await users.ResetAuthenticatorKeyAsync(user);
        return user;
    }
}
