using Microsoft.Extensions.Options;

namespace NewsroomEditor.Web.Tests.Support;

/// <summary>An <see cref="IOptionsMonitor{T}"/> whose value never changes, for a component's settings.</summary>
public sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
