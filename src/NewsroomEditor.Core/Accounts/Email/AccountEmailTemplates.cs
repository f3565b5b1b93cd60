using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;

namespace NewsroomEditor.Core.Accounts.Email;

/// <summary>An e-mail ready to send: a subject, a plain-text body and the same as HTML.</summary>
public sealed record AccountEmail(string To, string ToName, string Subject, string TextBody, string HtmlBody);

/// <summary>What an account e-mail is about.</summary>
public enum AccountEmailKind
{
    Invitation,
    PasswordReset,
    PasswordResetCode,
    Confirmation,
}

/// <summary>
/// The account e-mails in the person's language (<see cref="ApplicationUser.UiLanguage"/>: "en" for
/// English, anything else Vietnamese, the newsroom's own language). Plain, short templates in code:
/// a greeting, one sentence, the link, and what to do if the mail was not expected.
/// </summary>
public sealed class AccountEmailTemplates(IOptionsMonitor<SiteOptions> site)
{
    // Vietnamese letters stay letters (readable source, as on the site); markup characters are encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>Builds the e-mail; <paramref name="linkOrCode"/> is a link, or the code for <see cref="AccountEmailKind.PasswordResetCode"/>.</summary>
    public AccountEmail Build(AccountEmailKind kind, ApplicationUser user, string email, string linkOrCode)
    {
        ArgumentNullException.ThrowIfNull(user);
        var english = user.UiLanguage.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var siteName = site.CurrentValue.NameFor(english ? "en" : "vi");
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? email : user.DisplayName;
        var (subject, greeting, sentence, action, closing) = (kind, english) switch
        {
            (AccountEmailKind.Invitation, false) => (
                $"Lời mời tham gia {siteName}", $"Chào {name},",
                $"Bạn được mời sử dụng hệ thống biên tập của {siteName}. Hãy mở liên kết dưới đây để đặt mật khẩu.",
                "Đặt mật khẩu", "Liên kết chỉ dùng được một lần và sẽ hết hạn. Nếu bạn không chờ thư này, hãy bỏ qua nó."),
            (AccountEmailKind.Invitation, true) => (
                $"Your invitation to {siteName}", $"Hello {name},",
                $"You have been invited to the newsroom editor of {siteName}. Open the link below to set your password.",
                "Set your password", "The link works once and expires. If you did not expect this e-mail, ignore it."),
            (AccountEmailKind.PasswordReset, false) => (
                $"Đặt lại mật khẩu {siteName}", $"Chào {name},",
                "Có yêu cầu đặt lại mật khẩu cho tài khoản của bạn. Hãy mở liên kết dưới đây để chọn mật khẩu mới.",
                "Đặt lại mật khẩu", "Nếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn giữ nguyên."),
            (AccountEmailKind.PasswordReset, true) => (
                $"Reset your {siteName} password", $"Hello {name},",
                "A password reset was asked for your account. Open the link below to choose a new password.",
                "Reset your password", "If you did not ask for it, ignore this e-mail; your password stays as it is."),
            (AccountEmailKind.PasswordResetCode, false) => (
                $"Mã đặt lại mật khẩu {siteName}", $"Chào {name},",
                "Mã đặt lại mật khẩu của bạn:", "", "Nếu bạn không yêu cầu, hãy bỏ qua thư này."),
            (AccountEmailKind.PasswordResetCode, true) => (
                $"Your {siteName} password reset code", $"Hello {name},",
                "Your password reset code:", "", "If you did not ask for it, ignore this e-mail."),
            (AccountEmailKind.Confirmation, false) => (
                $"Xác nhận địa chỉ e-mail cho {siteName}", $"Chào {name},",
                "Hãy mở liên kết dưới đây để xác nhận địa chỉ e-mail của bạn.",
                "Xác nhận e-mail", "Nếu bạn không chờ thư này, hãy bỏ qua nó."),
            (AccountEmailKind.Confirmation, true) => (
                $"Confirm your e-mail for {siteName}", $"Hello {name},",
                "Open the link below to confirm your e-mail address.",
                "Confirm your e-mail", "If you did not expect this e-mail, ignore it."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown account e-mail."),
        };

        var text = $"{greeting}\n\n{sentence}\n\n{linkOrCode}\n\n{closing}\n\n— {siteName}\n";
        var html = Html;
        var body = kind == AccountEmailKind.PasswordResetCode
            ? $"<p><strong>{html.Encode(linkOrCode)}</strong></p>"
            : $"<p><a href=\"{html.Encode(linkOrCode)}\">{html.Encode(action)}</a></p><p>{html.Encode(linkOrCode)}</p>";
        var htmlBody =
            $"<!DOCTYPE html><html lang=\"{(english ? "en" : "vi")}\"><body>" +
            $"<p>{html.Encode(greeting)}</p><p>{html.Encode(sentence)}</p>{body}" +
            $"<p>{html.Encode(closing)}</p><p>— {html.Encode(siteName)}</p></body></html>";
        return new AccountEmail(email, user.DisplayName, subject, text, htmlBody);
    }
}
