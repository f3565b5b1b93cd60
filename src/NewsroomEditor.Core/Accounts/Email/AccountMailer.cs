using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace NewsroomEditor.Core.Accounts.Email;

/// <summary>Sends the account e-mails, Identity's and the invitation.</summary>
public interface IAccountMailer
{
    /// <summary>True when <c>Email:SmtpHost</c> is set: e-mails are sent, not only logged.</summary>
    bool IsEnabled { get; }

    /// <summary>Sends the e-mail; returns whether it was handed to the SMTP server.</summary>
    Task<bool> SendAsync(AccountEmailKind kind, ApplicationUser user, string email, string linkOrCode, CancellationToken cancellationToken = default);
}

/// <summary>Hands a message to an SMTP server. One seam, so tests need no server.</summary>
public interface IMailTransport
{
    Task SendAsync(EmailOptions settings, MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Account e-mails in the person's language, over SMTP when <c>Email:SmtpHost</c> is set; otherwise
/// nothing is sent and the log says so (the admin passes links on by hand). Also Identity's
/// <see cref="IEmailSender{TUser}"/>, so the template pages (forgot password, confirmation) use it.
/// </summary>
public sealed class AccountMailer(
    IOptions<EmailOptions> settings, AccountEmailTemplates templates, IMailTransport transport, ILogger<AccountMailer> logger)
    : IAccountMailer, IEmailSender<ApplicationUser>
{
    public bool IsEnabled => settings.Value.IsConfigured;

    public async Task<bool> SendAsync(AccountEmailKind kind, ApplicationUser user, string email, string linkOrCode, CancellationToken cancellationToken = default)
    {
        var mail = templates.Build(kind, user, email, linkOrCode);
        if (!IsEnabled)
        {
            logger.LogInformation("No e-mail sent ({Kind} for user {UserId}): Email:SmtpHost is not set.", kind, user.Id);
            return false;
        }
        await transport.SendAsync(settings.Value, ToMessage(settings.Value, mail), cancellationToken);
        logger.LogInformation("E-mail sent ({Kind} for user {UserId}).", kind, user.Id);
        return true;
    }

    /// <summary>The MIME message: plain text with an HTML alternative, UTF-8 throughout.</summary>
    public static MimeMessage ToMessage(EmailOptions settings, AccountEmail mail)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(mail);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }

    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        SendAsync(AccountEmailKind.Confirmation, user, email, confirmationLink);

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        SendAsync(AccountEmailKind.PasswordReset, user, email, resetLink);

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        SendAsync(AccountEmailKind.PasswordResetCode, user, email, resetCode);
}

/// <summary>MailKit's SMTP client, one connection per message (account e-mails are few).</summary>
internal sealed class SmtpMailTransport : IMailTransport
{
    public async Task SendAsync(EmailOptions settings, MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        var security = settings.UseStartTls ? SecureSocketOptions.StartTls
            : settings.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.None;
        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
            await client.AuthenticateAsync(settings.UserName, settings.Password, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
