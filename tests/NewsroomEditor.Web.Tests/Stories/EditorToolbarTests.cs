using AngleSharp.Dom;
using NewsroomEditor.Web.Components.Stories;
using NewsroomEditor.Web.Tests.Support;

namespace NewsroomEditor.Web.Tests.Stories;

public class EditorToolbarTests : NewsroomComponentTest
{
    private static readonly string[] ToggleLabels =
        ["Bold", "Italic", "Underline", "Strikethrough", "Link", "Bulleted list", "Numbered list", "Quote"];

    private static readonly string[] HeadingLabels = ["H2 · Heading 2", "H3 · Heading 3", "H4 · Heading 4"];

    [Theory]
    [InlineData("Bold")]
    [InlineData("Italic")]
    [InlineData("Underline")]
    [InlineData("Strikethrough")]
    [InlineData("Link")]
    [InlineData("Bulleted list")]
    [InlineData("Numbered list")]
    [InlineData("Quote")]
    public void A_toggle_shows_pressed_when_the_selection_has_its_format_and_the_others_do_not(string label)
    {
        var toolbar = RenderToolbar(StateWith(label));

        foreach (var other in ToggleLabels.Concat(HeadingLabels))
            Assert.Equal(other == label ? "true" : "false", Button(toolbar, other).GetAttribute("aria-pressed"));
    }

    [Fact]
    public void No_toggle_shows_pressed_for_plain_paragraph_text()
    {
        var toolbar = RenderToolbar(new EditorState());

        foreach (var label in ToggleLabels.Concat(HeadingLabels))
            Assert.Equal("false", Button(toolbar, label).GetAttribute("aria-pressed"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_heading_button_of_the_current_level_shows_pressed_and_only_it(int level)
    {
        var toolbar = RenderToolbar(new EditorState { Heading = level });

        foreach (var other in new[] { 2, 3, 4 })
            Assert.Equal(other == level ? "true" : "false", Button(toolbar, $"H{other} · Heading {other}").GetAttribute("aria-pressed"));
        Assert.All(ToggleLabels, label => Assert.Equal("false", Button(toolbar, label).GetAttribute("aria-pressed")));
    }

    [Fact]
    public void Pressed_state_follows_a_new_state_from_the_browser()
    {
        var toolbar = RenderToolbar(new EditorState { Bold = true });
        Assert.Equal("true", Button(toolbar, "Bold").GetAttribute("aria-pressed"));

        toolbar.Render(p => p.Add(x => x.State, new EditorState { Italic = true }));

        Assert.Equal("false", Button(toolbar, "Bold").GetAttribute("aria-pressed"));
        Assert.Equal("true", Button(toolbar, "Italic").GetAttribute("aria-pressed"));
    }

    [Theory]
    [InlineData("Bold", EditorCommand.Bold, 0)]
    [InlineData("Italic", EditorCommand.Italic, 0)]
    [InlineData("Underline", EditorCommand.Underline, 0)]
    [InlineData("Strikethrough", EditorCommand.Strike, 0)]
    [InlineData("Link", EditorCommand.Link, 0)]
    [InlineData("Bulleted list", EditorCommand.BulletList, 0)]
    [InlineData("Numbered list", EditorCommand.OrderedList, 0)]
    [InlineData("Quote", EditorCommand.Blockquote, 0)]
    [InlineData("Horizontal rule", EditorCommand.HorizontalRule, 0)]
    [InlineData("Insert image", EditorCommand.InsertImage, 0)]
    [InlineData("Undo", EditorCommand.Undo, 0)]
    [InlineData("Redo", EditorCommand.Redo, 0)]
    [InlineData("H2 · Heading 2", EditorCommand.Heading, 2)]
    [InlineData("H3 · Heading 3", EditorCommand.Heading, 3)]
    [InlineData("H4 · Heading 4", EditorCommand.Heading, 4)]
    public void Clicking_a_button_raises_OnCommand_with_its_command_and_level(string label, EditorCommand command, int level)
    {
        var received = new List<(EditorCommand Command, int Level)>();
        var toolbar = Render<EditorToolbar>(p => p
            .Add(x => x.State, new EditorState { CanUndo = true, CanRedo = true })
            .Add(x => x.OnCommand, ((EditorCommand Command, int Level) c) => received.Add(c)));

        Button(toolbar, label).Click();

        Assert.Equal([(command, level)], received);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Undo_and_Redo_are_disabled_when_there_is_nothing_to_undo_or_redo(bool canUndo, bool canRedo)
    {
        var toolbar = RenderToolbar(new EditorState { CanUndo = canUndo, CanRedo = canRedo });

        Assert.Equal(!canUndo, Button(toolbar, "Undo").HasAttribute("disabled"));
        Assert.Equal(!canRedo, Button(toolbar, "Redo").HasAttribute("disabled"));
        Assert.False(Button(toolbar, "Bold").HasAttribute("disabled"));
    }

    [Fact]
    public void Every_button_is_disabled_when_the_toolbar_is_disabled()
    {
        var toolbar = Render<EditorToolbar>(p => p
            .Add(x => x.State, new EditorState { Bold = true, Heading = 2, CanUndo = true, CanRedo = true })
            .Add(x => x.Disabled, true));

        var buttons = toolbar.FindAll("button");
        Assert.Equal(15, buttons.Count);
        Assert.All(buttons, b => Assert.True(b.HasAttribute("disabled"), $"{b.GetAttribute("aria-label")} is enabled"));
    }

    [Fact]
    public void The_buttons_are_enabled_when_the_toolbar_is_not_disabled()
    {
        var toolbar = RenderToolbar(new EditorState { CanUndo = true, CanRedo = true });

        var buttons = toolbar.FindAll("button");
        Assert.Equal(15, buttons.Count);
        Assert.All(buttons, b => Assert.False(b.HasAttribute("disabled"), $"{b.GetAttribute("aria-label")} is disabled"));
    }

    [Fact]
    public void The_word_and_character_counts_are_shown_and_announced_politely()
    {
        var toolbar = RenderToolbar(new EditorState { Words = 412, Characters = 2389 });

        var count = toolbar.Find(".editor-count");
        Assert.Equal("412 words · 2,389 characters", count.TextContent.Trim());
        Assert.Equal("polite", count.GetAttribute("aria-live"));
    }

    [Fact]
    public void Every_button_has_a_distinct_accessible_name()
    {
        var toolbar = RenderToolbar(new EditorState());

        var names = toolbar.FindAll("button")
            .Select(b => b.GetAttribute("aria-label") is { Length: > 0 } label ? label : b.TextContent.Trim())
            .ToList();

        Assert.Equal(15, names.Count);
        Assert.All(names, name => Assert.False(string.IsNullOrWhiteSpace(name)));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("toolbar", toolbar.Find(".editor-toolbar").GetAttribute("role"));
        Assert.Equal("Body formatting", toolbar.Find(".editor-toolbar").GetAttribute("aria-label"));
    }

    private IRenderedComponent<EditorToolbar> RenderToolbar(EditorState state) =>
        Render<EditorToolbar>(p => p.Add(x => x.State, state));

    private static IElement Button(IRenderedComponent<EditorToolbar> toolbar, string label) =>
        toolbar.Find($"button[aria-label='{label}']");

    private static EditorState StateWith(string label) => label switch
    {
        "Bold" => new EditorState { Bold = true },
        "Italic" => new EditorState { Italic = true },
        "Underline" => new EditorState { Underline = true },
        "Strikethrough" => new EditorState { Strike = true },
        "Link" => new EditorState { Link = true },
        "Bulleted list" => new EditorState { BulletList = true },
        "Numbered list" => new EditorState { OrderedList = true },
        "Quote" => new EditorState { Blockquote = true },
        _ => throw new ArgumentOutOfRangeException(nameof(label)),
    };
}
