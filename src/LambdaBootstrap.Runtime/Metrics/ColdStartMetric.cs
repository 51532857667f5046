using LambdaBootstrap.Runtime.Logging;

namespace LambdaBootstrap.Runtime.Metrics;

/// <summary>
/// The <c>ColdStart</c> metric (<see cref="MetricsDefaults.CaptureColdStart"/>): on the cold start's invocation, a
/// document of its own with the dimensions <c>function_name</c> and <c>service</c>, so that the handler's metrics keep
/// their own dimensions.
/// </summary>
internal sealed class ColdStartMetric : InvocationObserver
{
    public static readonly ColdStartMetric Instance = new();

    public override object? OnStart(LambdaContext context)
    {
        if (!context.IsColdStart || !MetricsDefaults.CaptureColdStart || string.IsNullOrEmpty(MetricsDefaults.Namespace))
            return null;
        var metric = new EmfDocument.Metric("ColdStart", MetricUnit.Count, MetricResolution.Standard);
        metric.Values.Add(1);
        var dimensions = new List<KeyValuePair<string, string>> { new("function_name", context.FunctionName) };
        if (!string.IsNullOrEmpty(MetricsDefaults.Service))
            dimensions.Add(new("service", MetricsDefaults.Service));
        EmfDocument.Write(new LogLineStream(context.LogWriter), MetricsDefaults.Namespace, dimensions, [metric], [],
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), whenEmpty: false);
        return null;
    }

    public override void OnEnd(LambdaContext context, object? state, Exception? failure) { }
}
