using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Configuration;
using NewsroomEditor.Core.Data;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Core.Tests.Support;

namespace NewsroomEditor.Core.Tests.Data;

/// <summary>A wrong setting stops start-up with a message that names it.</summary>
public class StartupConfigurationTests
{
    private static readonly StorageOptions Storage = new() { DataFolder = "/srv/newsroom" };

    [Fact]
    public void Sqlite_is_the_default_with_a_file_in_the_data_folder()
    {
        var database = ConfiguredSettings.Read<DatabaseOptions>(Config(), Storage);

        Assert.Equal(DatabaseProvider.Sqlite, database.Provider);
        Assert.Contains("/srv/newsroom/newsroom.db", database.ConnectionString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_provider_setting_means_Sqlite(string setting)
    {
        var database = ConfiguredSettings.Read<DatabaseOptions>(Config(("Database:Provider", setting)), Storage);

        Assert.Equal(DatabaseProvider.Sqlite, database.Provider);
    }

    [Theory]
    [InlineData("sqlserver", DatabaseProvider.SqlServer)]
    [InlineData("SqlServer", DatabaseProvider.SqlServer)]
    [InlineData("postgresql", DatabaseProvider.PostgreSql)]
    [InlineData(" PostgreSql ", DatabaseProvider.PostgreSql)]
    public void Provider_names_are_case_insensitive(string setting, DatabaseProvider expected)
    {
        var database = ConfiguredSettings.Read<DatabaseOptions>(
            Config(("Database:Provider", setting), ("ConnectionStrings:Newsroom", "Server=db;Database=Newsroom")), Storage);

        Assert.Equal(expected, database.Provider);
        Assert.Equal("Server=db;Database=Newsroom", database.ConnectionString);
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("3")]
    public void An_unknown_provider_is_refused_by_name(string setting)
    {
        var error = Assert.Throws<StartupConfigurationException>(
            () => ConfiguredSettings.Read<DatabaseOptions>(Config(("Database:Provider", setting)), Storage));

        Assert.Contains("Database:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("SqlServer")]
    [InlineData("PostgreSql")]
    public void A_server_provider_without_a_connection_string_is_refused_by_name(string setting)
    {
        var error = Assert.Throws<StartupConfigurationException>(
            () => ConfiguredSettings.Read<DatabaseOptions>(Config(("Database:Provider", setting)), Storage));

        Assert.Contains("ConnectionStrings:Newsroom", error.Message, StringComparison.Ordinal);
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EN")]
    [InlineData("en/x")]
    [InlineData("")]
    public void A_language_that_cannot_be_a_path_prefix_is_refused_by_name(string language)
    {
        var error = Assert.Throws<StartupConfigurationException>(
            () => ConfiguredSettings.Read<SiteOptions>(Config(("Site:Languages:0", "vi"), ("Site:Languages:1", language))));

        Assert.Contains("Site:Languages", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("baothunghiem.vn")]
    [InlineData("ftp://baothunghiem.vn")]
    public void A_public_url_that_is_not_an_absolute_web_address_is_refused_by_name(string url)
    {
        var error = Assert.Throws<StartupConfigurationException>(() => ConfiguredSettings.Read<SiteOptions>(Config(("Site:PublicUrl", url))));

        Assert.Contains("Site:PublicUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused_by_name()
    {
        var error = Assert.Throws<StartupConfigurationException>(
            () => ConfiguredSettings.Read<SiteOptions>(Config(("Site:TimeZone", "Mars/Olympus_Mons"))));

        Assert.Contains("Site:TimeZone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Site_defaults_to_Ho_Chi_Minh_time_and_both_languages()
    {
        var site = ConfiguredSettings.Read<SiteOptions>(Config());

        Assert.Equal(TimeSpan.FromHours(7), site.TimeZoneInfo.BaseUtcOffset);
        Assert.Equal(["vi", "en"], site.Languages);
    }

    [Theory]
    [InlineData("Media:MaxUploadBytes", "0")]
    [InlineData("Media:MaxPixels", "-5")]
    [InlineData("Media:MaxFilesPerUpload", "0")]
    [InlineData("Media:MaxConcurrentProcessing", "0")]
    public void Upload_limits_must_be_positive(string setting, string value)
    {
        var error = Assert.Throws<StartupConfigurationException>(() => ConfiguredSettings.Read<MediaOptions>(Config((setting, value))));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Upload_limits_default_to_25_MB_and_100_megapixels()
    {
        var media = ConfiguredSettings.Read<MediaOptions>(Config());

        Assert.Equal(25L * 1024 * 1024, media.MaxUploadBytes);
        Assert.Equal(100_000_000, media.MaxPixels);
        Assert.Equal(2, media.MaxConcurrentProcessing);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("two days")]
    public void Preview_links_must_last_a_positive_whole_number_of_hours(string value)
    {
        var error = Assert.Throws<StartupConfigurationException>(() => ConfiguredSettings.Read<SiteOptions>(Config(("Site:PreviewLinkHours", value))));

        Assert.Contains("Site:PreviewLinkHours", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_links_last_48_hours_unless_configured()
    {
        Assert.Equal(48, ConfiguredSettings.Read<SiteOptions>(Config()).PreviewLinkHours);
        Assert.Equal(6, ConfiguredSettings.Read<SiteOptions>(Config(("Site:PreviewLinkHours", "6"))).PreviewLinkHours);
    }

    [Fact]
    public void A_relative_data_folder_is_taken_from_the_content_root()
    {
        var storage = DataHostingExtensions.ReadStorage(Config(("Storage:DataFolder", "mydata")), "/opt/app");

        Assert.Equal("/opt/app/mydata", storage.DataFolder);
    }

    [Fact]
    public void Every_wrong_setting_found_at_start_up_is_named_in_one_line()
    {
        var error = Assert.Throws<StartupConfigurationException>(
            () => ConfiguredSettings.Read<SiteOptions>(Config(("Site:TimeZone", "Mars/Olympus_Mons"), ("Media:MaxPixels", "0"), ("Accounts:InvitationDays", "400"))));

        Assert.Contains("Site:TimeZone", error.Message, StringComparison.Ordinal);
        Assert.Contains("Media:MaxPixels", error.Message, StringComparison.Ordinal);
        Assert.Contains("Accounts:InvitationDays", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void An_options_validation_failure_is_described_by_its_messages_alone()
    {
        var one = new OptionsValidationException("", typeof(MediaOptions), ["Media:MaxPixels is 0; it must be a positive number."]);
        var two = new AggregateException(one, new OptionsValidationException("", typeof(SiteOptions), ["Site:Name is empty; give the newsroom a name."]));

        Assert.Equal("Media:MaxPixels is 0; it must be a positive number.", StartupConfigurationException.Describe(one));
        Assert.Equal("Media:MaxPixels is 0; it must be a positive number. Site:Name is empty; give the newsroom a name.", StartupConfigurationException.Describe(two));
        Assert.Null(StartupConfigurationException.Describe(new InvalidOperationException("a bug")));
        Assert.Null(StartupConfigurationException.Describe(new AggregateException(one, new InvalidOperationException("a bug"))));
    }

    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
}
