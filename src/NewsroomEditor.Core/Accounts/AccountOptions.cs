namespace NewsroomEditor.Core.Accounts;

/// <summary>Settings under <c>Accounts</c>: how accounts are handed out.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    /// <summary>Days an invitation link keeps working (default 7).</summary>
    public int InvitationDays { get; set; } = 7;
}

/// <summary>
/// Settings under <c>Email</c>. With no <see cref="SmtpHost"/> the app sends no e-mail at all:
/// invitation and reset links are shown to the admin to pass on.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public string SmtpHost { get; set; } = "";
    public int SmtpPort { get; set; } = 587;

    /// <summary>Upgrade the connection with STARTTLS (port 587). False: TLS from the start on 465, none otherwise.</summary>
    public bool UseStartTls { get; set; } = true;

    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";

    /// <summary>The sender, e.g. <c>Báo Thử Nghiệm &lt;no-reply@baothunghiem.vn&gt;</c>.</summary>
    public string From { get; set; } = "";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SmtpHost);
}
