using Bootstrap.Emulator.RuntimeApi;

namespace Bootstrap.Emulator;

/// <summary>The function the emulator runs: which bootstrap, with which handler, settings and environment.</summary>
public sealed record FunctionOptions
{
    public required string BootstrapPath { get; init; }
    public string? Handler { get; init; }
    public int MemoryMb { get; init; } = 128;
    /// <summary>Lambda's limit for an on-demand init.</summary>
    public TimeSpan InitTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Extra environment variables, applied over Lambda's.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public RuntimeApiOptions Api { get; init; } = new();
    /// <summary>Also print what the Runtime API saw of each invocation: streamed responses and X-Ray error causes.</summary>
    public bool Debug { get; init; }
}
