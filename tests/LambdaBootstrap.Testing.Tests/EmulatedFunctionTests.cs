namespace LambdaBootstrap.Testing.Tests;

/// <summary>The emulator as the testing library runs it, on this repository's real AOT bootstrap.</summary>
public sealed class EmulatedFunctionTests
{
    [Fact]
    public async Task A_function_starts_cold_once_then_serves_warm_with_REPORT_lines()
    {
        await using var function = await EmulatedFunction.StartAsync(BootstrapBinaries.Host, "greet");
        var cold = await function.InvokeAsync("""{"name":"Ada"}""");
        var warm = await function.InvokeAsync("""{"name":"Bo"}""");

        Assert.Equal("""{"message":"Hello, Ada!"}""", cold.BodyText);
        Assert.True(cold.ColdStart);
        Assert.Equal("""{"message":"Hello, Bo!"}""", warm.BodyText);
        Assert.False(warm.ColdStart);
        Assert.NotEqual(cold.RequestId, warm.RequestId);
        Assert.Contains(function.Output, line => line.StartsWith($"REPORT RequestId: {warm.RequestId}\t"));
        await function.DisposeAsync();   // twice is fine
    }

    [Fact]
    public async Task A_handler_error_is_the_function_error_with_Lambdas_error_JSON()
    {
        await using var function = await EmulatedFunction.StartAsync(BootstrapBinaries.Host, "fail");
        var result = await function.InvokeAsync("{}");
        Assert.True(result.IsError);
        Assert.Equal("InvalidOperationException", result.FunctionError);
        Assert.Contains("\"errorMessage\":\"boom\"", result.BodyText);
    }

    [Fact]
    public async Task A_timeout_is_reported_and_the_next_invoke_starts_cold()
    {
        await using var function = await EmulatedFunction.StartAsync(BootstrapBinaries.Host, "sleep", timeout: TimeSpan.FromMilliseconds(500));
        var slow = await function.InvokeAsync("""{"ms":5000,"blocking":true}""");
        var next = await function.InvokeAsync("""{"ms":0,"blocking":true}""");
        Assert.Equal("Sandbox.Timedout", slow.FunctionError);
        Assert.True(next.ColdStart);
        Assert.Equal("""{"sleptMs":0}""", next.BodyText);
    }

    [Fact]
    public async Task A_missing_bootstrap_is_one_clear_error()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EmulatedFunction.StartAsync("/no/such/bootstrap", "echo"));
        Assert.Equal("bootstrap not found: /no/such/bootstrap", error.Message);
    }
}
