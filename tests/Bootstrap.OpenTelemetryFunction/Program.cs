using System.Diagnostics;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;
using LambdaBootstrap.Runtime.Tracing;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

static class Program
{
    private static readonly ActivitySource Orders = new("orders");

    static int Main()
    {
        InvocationActivity.Enable();
        // Simple export: each span goes out as it ends, so the invocation's is sent before the next /next freezes the
        // process (a batch would wait for a timer that never runs in a frozen environment). The endpoint comes from
        // OTEL_EXPORTER_OTLP_ENDPOINT.
        using var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(InvocationActivity.SourceName, "orders")
            .AddOtlpExporter(otlp =>
            {
                otlp.Protocol = OtlpExportProtocol.HttpProtobuf;
                otlp.ExportProcessorType = ExportProcessorType.Simple;
            })
            .Build();
        return LambdaRuntime.Run(new HandlerRegistry
        {
            ["traced"] = () => LambdaHandler.Bytes((e, context) =>
            {
                using var work = Orders.StartActivity("charge card");
                work?.SetTag("order.id", "A-1");
                return e;
            }),
        });
    }
}
