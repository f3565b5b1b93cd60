using MudBlazor;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Web.Components.Admin.Users;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Accounts;

public sealed class RoleEditorTests : NewsroomComponentTest
{
    [Fact]
    public void Each_role_has_a_checkbox_ticked_when_the_person_holds_it()
    {
        var editor = Render<RoleEditor>(p => p.Add(e => e.Value, [Roles.Editor]));

        var boxes = editor.FindComponents<MudCheckBox<bool>>();
        Assert.Equal(Roles.All, boxes.Select(b => b.Instance.Label));
        Assert.Equal([false, true, false], editor.FindAll("input[type=checkbox]").Select(i => ((AngleSharp.Html.Dom.IHtmlInputElement)i).IsChecked));
    }

    [Fact]
    public async Task Ticking_and_unticking_report_the_roles_in_a_stable_order()
    {
        IReadOnlyCollection<string>? reported = null;
        var editor = Render<RoleEditor>(p => p
            .Add(e => e.Value, [Roles.Editor])
            .Add(e => e.ValueChanged, roles => reported = roles));
        var boxes = editor.FindComponents<MudCheckBox<bool>>();

        await editor.InvokeAsync(() => boxes[2].Instance.ValueChanged.InvokeAsync(true));
        Assert.Equal([Roles.Editor, Roles.Admin], reported);

        await editor.InvokeAsync(() => boxes[0].Instance.ValueChanged.InvokeAsync(true));
        Assert.Equal([Roles.Reporter, Roles.Editor, Roles.Admin], reported);

        await editor.InvokeAsync(() => boxes[1].Instance.ValueChanged.InvokeAsync(false));
        Assert.Equal([Roles.Reporter, Roles.Admin], reported);
    }

    [Fact]
    public void A_validation_message_is_shown_under_the_boxes()
    {
        var editor = Render<RoleEditor>(p => p.Add(e => e.Error, "Choose at least one role."));

        Assert.Equal("Choose at least one role.", editor.Find("[role=alert]").TextContent.Trim());
    }
}
