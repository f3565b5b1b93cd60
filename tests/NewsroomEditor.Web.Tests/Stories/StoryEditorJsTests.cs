using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using NewsroomEditor.Web.Components.Stories;

namespace NewsroomEditor.Web.Tests.Stories;

/// <summary>Leaving the story editor while the browser is unreachable must not fail the circuit.</summary>
public class StoryEditorJsTests
{
    public static TheoryData<string> WaysTheBrowserIsGone => ["disconnected for good", "disconnected for now", "cancelled", "object gone"];

    [Theory]
    [MemberData(nameof(WaysTheBrowserIsGone))]
    public async Task Disposing_the_editor_when_the_browser_is_gone_throws_nothing(string how)
    {
        var js = new FakeJs();
        var editor = await StoryEditorJs.CreateAsync(js, "./js/story-editor.js", default,
            new StoryEditorOptions("id", "", 1, false, "/media/{id}", new StoryEditorTexts("", "", "", "", "")),
            _ => Task.CompletedTask, () => Task.CompletedTask);

        js.Failure = how switch
        {
            "disconnected for good" => new JSDisconnectedException("The circuit is gone."),
            // What RemoteJSRuntime throws while the circuit is disconnected but not yet disposed.
            "disconnected for now" => new InvalidOperationException("JavaScript interop calls cannot be issued at this time. This is because the circuit is currently disconnected."),
            "cancelled" => new TaskCanceledException(),
            _ => new JSException("JS object instance with ID 2 does not exist (has it been disposed?)."),
        };

        await editor.DisposeAsync();

        // Every step was tried, though each failed: the module is not left behind by the first failure.
        Assert.Equal(["destroy", "dispose editor", "dispose module"], js.FailedCalls);
    }

    private sealed class FakeJs : IJSRuntime
    {
        public Exception? Failure { get; set; }

        public List<string> FailedCalls { get; } = [];

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            new((TValue)(object)new FakeObject(this, identifier == "import" ? "module" : "editor"));

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);

        public ValueTask Fail(string call)
        {
            if (Failure is null)
                return ValueTask.CompletedTask;
            FailedCalls.Add(call);
            return ValueTask.FromException(Failure);
        }
    }

    private sealed class FakeObject(FakeJs js, string name) : IJSObjectReference
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
        {
            if (identifier == "createStoryEditor")
                return new((TValue)(object)new FakeObject(js, "editor"));
            return js.Fail(identifier) is { IsFaulted: true } failed
                ? ValueTask.FromException<TValue>(failed.AsTask().Exception!.InnerException!)
                : new ValueTask<TValue>(default(TValue)!);
        }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);

        public ValueTask DisposeAsync() => js.Fail("dispose " + name);
    }
}
