using System.Globalization;
using NewsroomEditor.Core.Audit;
using NewsroomEditor.Core.Media;
using NewsroomEditor.Core.Publishing;
using NewsroomEditor.Core.Settings;

namespace NewsroomEditor.Core.Tests.Audit;

/// <summary>
/// The refusals of the admin pages and the media library reach a Vietnamese reader in Vietnamese,
/// with numbers and dates as Vietnamese writes them: DomainText translates a message where it is
/// made, in the caller's culture (a circuit's or a request's).
/// </summary>
public sealed class AdminRefusalsInVietnameseTests : IDisposable
{
    private static readonly TimeZoneInfo Hanoi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public AdminRefusalsInVietnameseTests()
    {
        CultureInfo.CurrentCulture = new CultureInfo("vi");
        CultureInfo.CurrentUICulture = new CultureInfo("vi");
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }

    [Fact]
    public void A_backwards_date_range_is_refused_in_Vietnamese_with_the_days_written_day_first()
    {
        var refusal = Assert.Throws<DomainException>(() =>
            AuditFilter.ForSiteDays(null, null, new DateOnly(2024, 4, 12), new DateOnly(2024, 4, 11), Hanoi));

        Assert.Equal("Ngày bắt đầu 12/04/2024 sau ngày kết thúc 11/04/2024.", refusal.Message);
    }

    [Fact]
    public void A_section_without_a_Vietnamese_name_or_with_a_reserved_slug_is_refused_in_Vietnamese()
    {
        var nameless = Assert.Throws<DomainException>(() => new Section("  ", "News", 1));
        var reserved = Assert.Throws<DomainException>(() => new Section("Quản trị", "Administration", 1, slugEn: "admin"));

        Assert.Equal("Cần nhập tên tiếng Việt.", nameless.Message);
        Assert.Equal("Đường dẫn tiếng Anh \"admin\" đã được chính ứng dụng dùng (/admin đã dẫn tới trang khác); hãy chọn đường dẫn khác.", reserved.Message);
    }

    [Fact]
    public void A_settings_problem_is_in_Vietnamese_and_its_number_in_the_Vietnamese_format()
    {
        Assert.Equal("Cần nhập tên tiếng Anh của trang.", SiteSettingsRules.NameProblem("", "en"));
        Assert.Equal("Số tệp mỗi lần tải lên phải từ 1 đến 1.000.", SiteSettingsRules.MaxFilesPerUploadProblem(0));
    }

    [Fact]
    public void An_oversized_photo_is_refused_in_Vietnamese_with_Vietnamese_digit_grouping()
    {
        Assert.Equal(
            "Ảnh có kích thước 50.000 × 50.000 điểm ảnh; giới hạn là 40 megapixel. Hãy thu nhỏ ảnh trước khi tải lên.",
            MediaImageProcessor.TooManyPixels(50_000, 50_000, 40_000_000));
        Assert.Equal("Tệp không phải là ảnh JPEG, PNG hay WebP (kiểm tra theo nội dung tệp, không theo tên tệp).",
            ImageSniffer.Sniff("just text, no image"u8).Refusal);
    }
}
