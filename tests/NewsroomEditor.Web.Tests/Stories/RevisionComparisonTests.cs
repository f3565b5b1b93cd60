using NewsroomEditor.Web.Components.Stories;

namespace NewsroomEditor.Web.Tests.Stories;

public class RevisionComparisonTests
{
    private static readonly RevisionText Original = new(
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh",
        "Chiều 11/4, Đảng ủy khối tổ chức hội nghị lần thứ 16.",
        "Đến dự có lãnh đạo các Ban xây dựng Đảng.\n\nCác đại biểu đóng góp ý kiến.",
        "Hoàng Lan",
        ["Hội nghị", "Long An"],
        "hoi-nghi-ban-chap-hanh-dang-bo-tinh");

    [Fact]
    public void Identical_revisions_give_only_unchanged_lines()
    {
        var rows = RevisionComparison.Compare(Original, Original);

        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            Assert.False(row.IsChange);
            Assert.Equal(row.Old.Text, row.New.Text);
        });
        Assert.Equal(Original.Render().Split('\n').Length, rows.Count);
    }

    [Fact]
    public void An_edited_headline_is_a_modified_line_with_the_new_words_marked()
    {
        var edited = Original with { Headline = "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 16" };

        var rows = RevisionComparison.Compare(Original, edited);

        var headline = Assert.Single(rows, r => r.IsChange);
        Assert.Equal(DiffKind.Modified, headline.Old.Kind);
        Assert.Equal(DiffKind.Modified, headline.New.Kind);
        Assert.Equal("Headline: Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 16", headline.New.Text);
        var added = string.Concat(headline.New.Words.Where(w => w.Kind != DiffKind.Unchanged).Select(w => w.Text));
        Assert.Contains("lần", added, StringComparison.Ordinal);
        Assert.Contains("16", added, StringComparison.Ordinal);
        Assert.DoesNotContain(headline.New.Words, w => w.Kind != DiffKind.Unchanged && w.Text.Contains("Hội", StringComparison.Ordinal));
    }

    [Fact]
    public void An_added_paragraph_is_an_inserted_line_facing_an_empty_one()
    {
        var longer = Original with { Body = Original.Body + "\n\nHội nghị kết thúc lúc 17 giờ." };

        var rows = RevisionComparison.Compare(Original, longer);

        var added = Assert.Single(rows, r => r.IsChange);
        Assert.Equal(DiffKind.Inserted, added.New.Kind);
        Assert.Equal("Hội nghị kết thúc lúc 17 giờ.", added.New.Text);
        Assert.Equal(DiffKind.Empty, added.Old.Kind);
        Assert.Null(added.Old.LineNumber);
    }

    [Fact]
    public void A_removed_paragraph_is_a_deleted_line()
    {
        var shorter = Original with { Body = "Đến dự có lãnh đạo các Ban xây dựng Đảng." };

        var rows = RevisionComparison.Compare(Original, shorter);

        var removed = Assert.Single(rows, r => r.IsChange);
        Assert.Equal(DiffKind.Deleted, removed.Old.Kind);
        Assert.Equal("Các đại biểu đóng góp ý kiến.", removed.Old.Text);
        Assert.Equal(DiffKind.Empty, removed.New.Kind);
    }

    [Fact]
    public void Vietnamese_text_comes_through_intact_in_lines_and_words()
    {
        var edited = Original with { Lead = "Chiều 11/4, Đảng ủy khối Cơ quan và Doanh nghiệp tổ chức hội nghị lần thứ 16." };

        var rows = RevisionComparison.Compare(Original, edited);

        Assert.Contains(rows, r => r.New.Text == "Headline: Hội nghị Ban Chấp hành Đảng bộ tỉnh");
        Assert.Contains(rows, r => r.New.Text == "Tags: Hội nghị, Long An");
        var lead = Assert.Single(rows, r => r.IsChange);
        Assert.Equal("Lead: Chiều 11/4, Đảng ủy khối tổ chức hội nghị lần thứ 16.", string.Concat(lead.Old.Words.Select(w => w.Text)));
        Assert.Equal("Lead: Chiều 11/4, Đảng ủy khối Cơ quan và Doanh nghiệp tổ chức hội nghị lần thứ 16.", string.Concat(lead.New.Words.Select(w => w.Text)));
    }

    [Fact]
    public void The_text_of_a_revision_reads_headline_lead_body_byline_tags_slug_in_order()
    {
        var lines = Original.Render().Split('\n');

        Assert.Equal(
            [
                "Headline: Hội nghị Ban Chấp hành Đảng bộ tỉnh",
                "Lead: Chiều 11/4, Đảng ủy khối tổ chức hội nghị lần thứ 16.",
                "Body:",
                "Đến dự có lãnh đạo các Ban xây dựng Đảng.",
                "Các đại biểu đóng góp ý kiến.",
                "Byline: Hoàng Lan",
                "Tags: Hội nghị, Long An",
                "Slug: hoi-nghi-ban-chap-hanh-dang-bo-tinh",
            ],
            lines);
    }
}
