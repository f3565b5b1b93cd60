using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Tests.Support;

namespace NewsroomEditor.Core.Tests.Accounts;

/// <summary>
/// The refusals of the account rules (setup, invitations, the password policy, Identity's own) reach
/// a person whose interface is Vietnamese in Vietnamese: the culture is the caller's.
/// </summary>
public sealed class AccountMessagesInVietnameseTests : IAsyncLifetime
{
    private AccountsTestHost _host = default!;

    public async Task InitializeAsync() => _host = await AccountsTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_used_or_forged_invitation_link_is_refused_in_Vietnamese()
    {
        using var vietnamese = CultureScope.Vietnamese();

        var refusal = await Assert.ThrowsAsync<DomainException>(() =>
            _host.WithInvitationsAsync(i => i.AcceptAsync("no-such-user", "forged", "một mật khẩu đủ dài")));

        Assert.Equal("Lời mời này đã được sử dụng hoặc đã hết hạn. Hãy đề nghị quản trị viên gửi lời mời mới.", refusal.Message);
    }

    [Fact]
    public async Task Setup_and_password_rules_speak_Vietnamese()
    {
        using var vietnamese = CultureScope.Vietnamese();
        var setup = (FirstAdmin admin) => _host.InScopeAsync(sp => sp.GetRequiredService<IFirstRunSetup>().CreateFirstAdminAsync(admin));

        var tooShort = await setup(new FirstAdmin("lan@example.vn", "Hoàng Lan", "ngắn quá"));
        var common = await setup(new FirstAdmin("lan@example.vn", "Hoàng Lan", "1qaz2wsx3edc"));
        var noName = await setup(new FirstAdmin("lan@example.vn", "  ", "một mật khẩu đủ dài"));
        Assert.True((await setup(new FirstAdmin("lan@example.vn", "Hoàng Lan", "một mật khẩu đủ dài"))).Succeeded);
        var again = await setup(new FirstAdmin("khac@example.vn", "Người khác", "một mật khẩu đủ dài"));

        Assert.Contains("Mật khẩu phải dài ít nhất 12 ký tự.", Descriptions(tooShort));
        Assert.Contains("Mật khẩu này thuộc nhóm mật khẩu phổ biến nhất", Descriptions(common), StringComparison.Ordinal);
        Assert.Contains("Tên hiển thị là bắt buộc và dài tối đa", Descriptions(noName), StringComparison.Ordinal);
        Assert.Equal("Việc thiết lập ban đầu đã hoàn tất; hãy đăng nhập.", Descriptions(again));
    }

    [Fact]
    public async Task Identity_refuses_a_taken_address_and_a_wrong_password_in_Vietnamese_and_keeps_its_codes()
    {
        var (user, _) = await _host.PersonAsync("thu@example.vn", "Thu", Roles.Reporter);
        using var vietnamese = CultureScope.Vietnamese();

        var results = await _host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            var taken = await users.CreateAsync(
                new ApplicationUser { UserName = "thu2", Email = "thu@example.vn", DisplayName = "Thu" }, "một mật khẩu đủ dài");
            var wrong = await users.ChangePasswordAsync((await users.FindByIdAsync(user.Id))!, "không phải mật khẩu", "một mật khẩu mới đủ dài");
            return (taken, wrong);
        });

        var duplicate = Assert.Single(results.taken.Errors);
        Assert.Equal(("DuplicateEmail", "Địa chỉ e-mail 'thu@example.vn' đã được dùng cho một tài khoản khác."), (duplicate.Code, duplicate.Description));
        var mismatch = Assert.Single(results.wrong.Errors);
        Assert.Equal(("PasswordMismatch", "Mật khẩu không đúng."), (mismatch.Code, mismatch.Description));
    }

    [Fact]
    public async Task In_English_the_messages_are_Identitys_own_words()
    {
        var result = await _host.InScopeAsync(sp => sp.GetRequiredService<IFirstRunSetup>()
            .CreateFirstAdminAsync(new FirstAdmin("lan@example.vn", "Hoàng Lan", "short")));

        Assert.Contains("Passwords must be at least 12 characters.", Descriptions(result));
    }

    private static string Descriptions(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
