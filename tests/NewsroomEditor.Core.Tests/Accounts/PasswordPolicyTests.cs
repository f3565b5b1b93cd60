using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Tests.Support;

namespace NewsroomEditor.Core.Tests.Accounts;

/// <summary>The password rules as UserManager applies them when an account is made or a password set.</summary>
public sealed class PasswordPolicyTests : IAsyncLifetime
{
    private CoreTestHost _host = default!;

    public async Task InitializeAsync() => _host = await CoreTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    // Real entries of the shipped list that are long enough to pass the 12-character minimum.
    [InlineData("qwertyqwerty")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("qwerty123456")]
    [InlineData("123456qwerty")]
    // The list is compared without regard to case.
    [InlineData("QwertyQwerty")]
    [InlineData("QAZWSXEDCRFV")]
    public async Task A_common_password_is_refused_with_a_reason(string password)
    {
        var result = await CreateAsync(password);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(PasswordPolicyValidator.TooCommonCode, error.Code);
        Assert.Contains("most common", error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_passphrase_is_accepted_and_kept_whole()
    {
        var passphrase = string.Concat(Enumerable.Repeat("mưa rơi trên phố cổ ", 7))[..129];
        Assert.Equal(129, passphrase.Length);

        var result = await CreateAsync(passphrase);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        var checks = await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync("lan@example.vn");
            // No truncation: the whole passphrase is needed, not its first part.
            return (await users.CheckPasswordAsync(user!, passphrase), await users.CheckPasswordAsync(user!, passphrase[..128]));
        });
        Assert.Equal((true, false), checks);
    }

    [Fact]
    public async Task A_password_over_256_characters_is_refused_with_a_message()
    {
        var result = await CreateAsync(new string('x', 250) + " and then a little more text");

        var error = Assert.Single(result.Errors);
        Assert.Equal(PasswordPolicyValidator.TooLongCode, error.Code);
        Assert.Equal("Passwords can be at most 256 characters long.", error.Description);
    }

    [Fact]
    public async Task Eleven_characters_are_too_few_and_twelve_uncommon_ones_without_any_digit_or_capital_are_enough()
    {
        var tooShort = await CreateAsync("chimsecanhd");
        Assert.Equal("PasswordTooShort", Assert.Single(tooShort.Errors).Code);

        Assert.True((await CreateAsync("chimsecanhda")).Succeeded);
    }

    [Fact]
    public void The_shipped_list_is_loaded_whole()
    {
        // 10,000 lines; 9,913 distinct when case is ignored.
        Assert.Equal(9_913, PasswordPolicyValidator.CommonPasswordCount);
        Assert.True(PasswordPolicyValidator.IsCommon("123456"));
        Assert.True(PasswordPolicyValidator.IsCommon("PASSWORD"));
        Assert.False(PasswordPolicyValidator.IsCommon("correct horse battery staple"));
    }

    private Task<IdentityResult> CreateAsync(string password) => _host.InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "lan@example.vn", Email = "lan@example.vn", EmailConfirmed = true, DisplayName = "Hoàng Lan" };
        return await users.CreateAsync(user, password);
    });
}
