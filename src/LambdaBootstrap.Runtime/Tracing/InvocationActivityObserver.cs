using System.Diagnostics;

namespace LambdaBootstrap.Runtime.Tracing;

/// <summary>Starts and stops the invocation's activity around the handler.</summary>
internal sealed class InvocationActivityObserver : InvocationObserver
{
    public static readonly InvocationActivityObserver Instance = new();

    private static readonly ActivitySource Source = new(InvocationActivity.SourceName, RuntimeVersion.Value);
    private static readonly string? Region = Environment.GetEnvironmentVariable("AWS_REGION");

    public override object? OnStart(LambdaContext context)
    {
        if (!Source.HasListeners())
            return null;
        var activity = Source.StartActivity(ActivityKind.Server, ParentOf(context.TraceHeader), name: context.FunctionName);
        if (activity is null)
            return null;
        if (activity.IsAllDataRequested)
        {
            activity.SetTag("faas.invocation_id", context.AwsRequestId);
            activity.SetTag("faas.coldstart", context.IsColdStart);
            if (context.Trigger is { } trigger)
                activity.SetTag("faas.trigger", trigger);
            activity.SetTag("faas.name", context.FunctionName);
            activity.SetTag("faas.version", context.FunctionVersion);
            activity.SetTag("faas.max_memory", (long)context.MemoryLimitInMB * 1024 * 1024);
            activity.SetTag("cloud.provider", "aws");
            activity.SetTag("cloud.platform", "aws_lambda");
            if (Region is not null)
                activity.SetTag("cloud.region", Region);
            if (context.InvokedFunctionArn is { } arn)
            {
                activity.SetTag("cloud.resource_id", arn);
                if (AccountOf(arn) is { } account)
                    activity.SetTag("cloud.account.id", account);
            }
        }
        return activity;
    }

    public override void OnEnd(LambdaContext context, object? state, Exception? failure)
    {
        if (state is not Activity activity)
            return;
        if (failure is not null)
            activity.SetStatus(ActivityStatusCode.Error, failure.Message);
        activity.Dispose();
    }

    /// <summary>The X-Ray header's trace and parent as a remote W3C parent; none when the header has no such ids.</summary>
    internal static ActivityContext ParentOf(TraceHeader? header)
    {
        if (header is not { W3CTraceId: { } traceId, W3CParentId: { } parentId })
            return default;
        return new ActivityContext(ActivityTraceId.CreateFromString(traceId), ActivitySpanId.CreateFromString(parentId),
            header.Sampled ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None, isRemote: true);
    }

    /// <summary>The account of a Lambda ARN: <c>arn:aws:lambda:region:ACCOUNT:function:name[:qualifier]</c>.</summary>
    internal static string? AccountOf(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length > 4 && parts[4].Length > 0 ? parts[4] : null;
    }
}
