using System.Diagnostics;

namespace LambdaBootstrap.Runtime.Tracing;

/// <summary>
/// The invocation as an <see cref="Activity"/>, for OpenTelemetry: once <see cref="Enable"/> is called, the runtime
/// starts one per invocation from the <see cref="ActivitySource"/> named <see cref="SourceName"/>, a server span named
/// after the function, with the FaaS semantic conventions (<c>faas.invocation_id</c>, <c>faas.coldstart</c>,
/// <c>faas.trigger</c> where the handler says, <c>cloud.resource_id</c>, <c>cloud.account.id</c>, ...), its parent taken
/// from the X-Ray trace header in W3C form, and the handler's own activities under it. With no listener (no
/// OpenTelemetry SDK subscribed to the source) nothing is made; without <see cref="Enable"/>, none of it is in the
/// bootstrap.
/// <code>InvocationActivity.Enable();
/// using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(InvocationActivity.SourceName).AddOtlpExporter().Build();</code>
/// </summary>
public static class InvocationActivity
{
    /// <summary>The name of the runtime's <see cref="ActivitySource"/>: add it to the tracer provider.</summary>
    public const string SourceName = "LambdaBootstrap.Runtime";

    /// <summary>Starts an activity for every later invocation of the process.</summary>
    public static void Enable() => InvocationObservers.Add(InvocationActivityObserver.Instance);
}
