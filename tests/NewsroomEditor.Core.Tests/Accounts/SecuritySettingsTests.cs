using Microsoft.Extensions.Configuration;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Configuration;
using NewsroomEditor.Core.Tests.Support;

namespace NewsroomEditor.Core.Tests.Accounts;

/// <summary>Security:* settings are read and checked at start-up; a wrong one names itself.</summary>
public sealed class SecuritySettingsTests
{
    [Fact]
    public void Defaults_are_five_attempts_fifteen_minutes_and_no_compulsory_two_factor()
    {
        var security = ConfiguredSettings.Read<SecurityOptions>(Config());

        Assert.Equal(5, security.LockoutAttempts);
        Assert.Equal(15, security.LockoutMinutes);
        Assert.Empty(security.RolesRequiringTwoFactor);
    }

    [Fact]
    public void Roles_requiring_two_factor_are_read_from_a_comma_list_in_any_case()
    {
        var security = ConfiguredSettings.Read<SecurityOptions>(Config(("Security:RequireTwoFactorFor", " admin, Editor ,Admin")));

        Assert.Equal([Roles.Admin, Roles.Editor], security.RolesRequiringTwoFactor);
    }

    [Theory]
    [InlineData("Security:RequireTwoFactorFor", "Admin,Boss", "'Boss'")]
    [InlineData("Security:LockoutAttempts", "0", "Security:LockoutAttempts")]
    [InlineData("Security:LockoutMinutes", "-1", "Security:LockoutMinutes")]
    [InlineData("Security:LockoutMinutes", "a while", "Security:*")]
    public void A_wrong_value_stops_start_up_with_a_message_naming_it(string setting, string value, string named)
    {
        var error = Assert.Throws<StartupConfigurationException>(() => ConfiguredSettings.Read<SecurityOptions>(Config((setting, value))));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
}
