using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Accounts.Email;
using NewsroomEditor.Core.Configuration;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;
using NewsroomEditor.Core.Tests.Support;

namespace NewsroomEditor.Core.Tests.Accounts;

/// <summary>Account e-mails: in the person's language, links encoded, sent only with an SMTP host.</summary>
public sealed class AccountEmailTests
{
    private const string Link = "https://newsroom.example.vn/Account/AcceptInvitation?userId=42&code=a<b>c";
    private static readonly AccountEmailTemplates Templates = new(new FixedOptionsMonitor<SiteOptions>(new SiteOptions { Name = "Báo Thử Nghiệm" }));
    private static readonly EmailOptions Smtp = new() { SmtpHost = "smtp.example.vn", From = "Báo Thử Nghiệm <no-reply@example.vn>" };

    [Fact]
    public void An_invitation_is_in_Vietnamese_by_default()
    {
        var mail = Templates.Build(AccountEmailKind.Invitation, new ApplicationUser { DisplayName = "Hoàng Lan" }, "lan@example.vn", Link);

        Assert.Equal("Lời mời tham gia Báo Thử Nghiệm", mail.Subject);
        Assert.StartsWith("Chào Hoàng Lan,", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Đặt mật khẩu", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"vi\">", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invitation_is_in_English_for_someone_who_chose_English()
    {
        var mail = Templates.Build(AccountEmailKind.Invitation, new ApplicationUser { DisplayName = "Lan Hoang", UiLanguage = "en" }, "lan@example.vn", Link);

        Assert.Equal("Your invitation to Báo Thử Nghiệm", mail.Subject);
        Assert.StartsWith("Hello Lan Hoang,", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Set your password", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AccountEmailKind.PasswordReset, "", "Đặt lại mật khẩu Báo Thử Nghiệm")]
    [InlineData(AccountEmailKind.PasswordReset, "en", "Reset your Báo Thử Nghiệm password")]
    [InlineData(AccountEmailKind.Confirmation, "vi", "Xác nhận địa chỉ e-mail cho Báo Thử Nghiệm")]
    [InlineData(AccountEmailKind.Confirmation, "en", "Confirm your e-mail for Báo Thử Nghiệm")]
    public void Identity_emails_follow_the_language_too(AccountEmailKind kind, string language, string subject)
    {
        var mail = Templates.Build(kind, new ApplicationUser { DisplayName = "Lan", UiLanguage = language }, "lan@example.vn", Link);

        Assert.Equal(subject, mail.Subject);
        Assert.Contains(Link, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_link_is_encoded_in_the_html_and_whole_in_the_text()
    {
        var mail = Templates.Build(AccountEmailKind.Invitation, new ApplicationUser { DisplayName = "<script>" }, "lan@example.vn", Link);

        Assert.Contains("href=\"https://newsroom.example.vn/Account/AcceptInvitation?userId=42&amp;code=a&lt;b&gt;c\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("a<b>c", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(Link, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_smtp_host_nothing_is_sent()
    {
        var transport = new RecordingMailTransport();
        var mailer = new AccountMailer(Options.Create(new EmailOptions()), Templates, transport, NullLogger<AccountMailer>.Instance);

        var sent = await mailer.SendAsync(AccountEmailKind.Invitation, new ApplicationUser(), "lan@example.vn", Link);
        await mailer.SendPasswordResetLinkAsync(new ApplicationUser(), "lan@example.vn", Link);

        Assert.False(mailer.IsEnabled);
        Assert.False(sent);
        Assert.Empty(transport.Sent);
    }

    [Fact]
    public async Task With_an_smtp_host_the_message_goes_to_the_transport()
    {
        var transport = new RecordingMailTransport();
        var mailer = new AccountMailer(Options.Create(Smtp), Templates, transport, NullLogger<AccountMailer>.Instance);

        await mailer.SendPasswordResetLinkAsync(new ApplicationUser { DisplayName = "Hoàng Lan", UiLanguage = "en" }, "lan@example.vn", Link);

        var message = Assert.Single(transport.Sent);
        Assert.Equal("Reset your Báo Thử Nghiệm password", message.Subject);
        Assert.Equal("no-reply@example.vn", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("lan@example.vn", Assert.Single(message.To.Mailboxes).Address);
        Assert.Contains(Link, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("&amp;code=", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_is_emailed_when_smtp_is_configured_and_still_shown_when_the_server_fails()
    {
        await using var host = await AccountsTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Email:SmtpHost"] = "smtp.example.vn",
            ["Email:From"] = "no-reply@example.vn",
        });
        var (_, admin) = await host.PersonAsync("admin@example.vn", "Quản trị", Roles.Admin);

        var emailed = await host.WithAccountsAsync(admin, a => a.InviteAsync(new NewAccount("Hoàng Lan", "lan@example.vn", [Roles.Reporter]), AccountsTestHost.AppBase));
        host.Mail.Fail = true;
        var failed = await host.WithAccountsAsync(admin, a => a.InviteAsync(new NewAccount("Nguyễn Thu", "thu@example.vn", [Roles.Editor]), AccountsTestHost.AppBase));

        Assert.True(emailed.Emailed);
        var message = Assert.Single(host.Mail.Sent);
        Assert.Equal("Lời mời tham gia NewsroomEditor", message.Subject);
        Assert.Contains(emailed.Link.AbsoluteUri, message.TextBody, StringComparison.Ordinal);
        Assert.False(failed.Emailed);
        Assert.Equal(AccountStatus.Invited, (await host.WithAccountsAsync(admin, a => a.ListAsync(new AccountQuery(Search: "thu")))).Items.Single().Status);
    }

    [Theory]
    [InlineData("Accounts:InvitationDays", "0", "Accounts:InvitationDays")]
    [InlineData("Accounts:InvitationDays", "soon", "Accounts:InvitationDays")]
    [InlineData("Email:SmtpHost", "smtp.example.vn", "Email:From")]
    [InlineData("Email:SmtpPort", "0", "Email:SmtpPort")]
    [InlineData("Email:UserName", "someone", "Email:Password")]
    public void A_wrong_account_or_email_setting_stops_start_up_naming_it(string setting, string value, string named)
    {
        var settings = new Dictionary<string, string?> { [setting] = value };
        if (setting != "Email:SmtpHost" && setting.StartsWith("Email:", StringComparison.Ordinal))
        {
            settings["Email:SmtpHost"] = "smtp.example.vn";
            settings["Email:From"] = "no-reply@example.vn";
        }

        var refusal = Assert.Throws<StartupConfigurationException>(() => CoreTestHost.Create(settings));

        Assert.Contains(named, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_settings_invitations_last_seven_days_and_no_email_is_sent()
    {
        var empty = new ConfigurationBuilder().Build();

        Assert.Equal(7, ConfiguredSettings.Read<AccountOptions>(empty).InvitationDays);
        Assert.False(ConfiguredSettings.Read<EmailOptions>(empty).IsConfigured);
    }
}
