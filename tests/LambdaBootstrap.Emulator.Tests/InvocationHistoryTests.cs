using System.Text.Json;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.RuntimeApi;
using LambdaBootstrap.Emulator.WebConsole;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>What the console's history keeps of an invocation, as the page reads it.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class InvocationHistoryTests
{
    [Fact]
    public void An_invocation_with_extensions_keeps_their_time_after_the_runtime_and_one_without_has_none()
    {
        var history = new InvocationHistory();
        var invocation = new Invocation("r-1", "{}"u8.ToArray(), InvokeOptions.None);
        var result = new InvokeResult("r-1", InvocationOutcome.Response("{}"u8.ToArray()), 12.5, null, 128, 20);
        var with = history.Add("fn", invocation, result with { PostRuntimeExtensionsMs = 4.256 });
        var without = history.Add("fn", invocation, result);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(with, ConsoleJson.Default.HistoryEntry));
        Assert.Equal(4.26, json.RootElement.GetProperty("postRuntimeExtensionsMs").GetDouble());
        Assert.Null(without.PostRuntimeExtensionsMs);
    }
}
