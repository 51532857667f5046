using LambdaBootstrap.Emulator.RuntimeApi;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>
/// An AOT function with the OpenTelemetry SDK and its OTLP exporter: the runtime's invocation span, with the FaaS
/// attributes and the X-Ray header as its parent, and the handler's own span under it, reach an OTLP/HTTP listener.
/// </summary>
[Trait(Suite.Name, Suite.Conformance)]
public sealed class OpenTelemetryTests
{
    [Fact]
    public async Task The_invocation_span_reaches_an_OTLP_listener_with_the_FaaS_attributes_and_the_handler_s_span_under_it()
    {
        await using var otlp = await OtlpListener.StartAsync();
        var options = new RuntimeApiOptions { FunctionName = "orders" };
        await using var function = await FunctionUnderTest.StartAsync("traced", options,
            new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.Endpoint, ["OTEL_SERVICE_NAME"] = "orders" },
            BootstrapBinaries.OpenTelemetryFunction);

        const string traceHeader = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
        var cold = function.Api.Enqueue("{}"u8.ToArray(), new InvokeOptions { TraceId = traceHeader });
        Assert.False((await cold.Outcome.WaitAsync(FunctionUnderTest.Patience)).IsError);
        var warm = function.Api.Enqueue("{}"u8.ToArray(), new InvokeOptions { TraceId = traceHeader });
        Assert.False((await warm.Outcome.WaitAsync(FunctionUnderTest.Patience)).IsError);

        var invocation = otlp.WaitFor(s => s.Attributes.GetValueOrDefault("faas.invocation_id") as string == cold.RequestId);
        Assert.Equal("orders", invocation.Name);
        Assert.Equal(OtlpSpan.ServerKind, invocation.Kind);
        Assert.Equal("5759e988bd862e3fe1be46a994272793", invocation.TraceId);
        Assert.Equal("53995c3f42cd8ad8", invocation.ParentSpanId);
        Assert.Equal(true, invocation.Attributes["faas.coldstart"]);
        Assert.Equal(options.FunctionArn, invocation.Attributes["cloud.resource_id"]);
        Assert.Equal(options.AccountId, invocation.Attributes["cloud.account.id"]);

        var charge = otlp.WaitFor(s => s.Name == "charge card" && s.ParentSpanId == invocation.SpanId);
        Assert.Equal(invocation.TraceId, charge.TraceId);
        Assert.Equal("A-1", charge.Attributes["order.id"]);

        var second = otlp.WaitFor(s => s.Attributes.GetValueOrDefault("faas.invocation_id") as string == warm.RequestId);
        Assert.Equal(false, second.Attributes["faas.coldstart"]);
    }
}
