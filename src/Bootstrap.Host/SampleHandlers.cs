using System.Text.Json;
using System.Text.Json.Serialization;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Json;

namespace Bootstrap.Host;

/// <summary>The sample handlers; each shows one handler shape.</summary>
public static class SampleHandlers
{
    /// <summary>echo: the event's bytes, unchanged. The raw path: no JSON at all.</summary>
    public static ReadOnlyMemory<byte> Echo(ReadOnlyMemory<byte> @event, ILambdaContext context) => @event;

    /// <summary>greet: <c>{"name":"Ada"}</c> → <c>{"message":"Hello, Ada!"}</c>; no name greets the world.</summary>
    public static GreetResponse Greet(GreetRequest request, ILambdaContext context) =>
        new($"Hello, {(string.IsNullOrEmpty(request?.Name) ? "world" : request.Name)}!");

    /// <summary>context: what the handler sees of its invocation.</summary>
    public static ContextDescription DescribeContext(ILambdaContext context) => new(
        context.AwsRequestId,
        context.FunctionName,
        context.FunctionVersion,
        context.InvokedFunctionArn,
        context.MemoryLimitInMB,
        context.LogGroupName,
        context.LogStreamName,
        (long)context.RemainingTime.TotalMilliseconds,
        context.TraceId,
        Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"),
        context.ClientContext,
        context.Identity,
        context.TenantId);

    /// <summary>
    /// stream: <c>{"chunks": N, "delayMs": D, "failAfter": K}</c> writes <c>chunk 0\n</c> … <c>chunk N-1\n</c>, each flushed
    /// at once and D ms apart; with K it throws after K chunks.
    /// </summary>
    public static async Task Stream(ReadOnlyMemory<byte> @event, ResponseStream response, ILambdaContext context)
    {
        var request = JsonSerializer.Deserialize(@event.Span, SampleJson.Default.StreamRequest)
            ?? throw new ArgumentException("expected {\"chunks\": N, \"delayMs\": D}");
        response.ContentType = "text/plain";
        for (int i = 0; i < request.Chunks; i++)
        {
            if (i == request.FailAfter)
                throw new InvalidOperationException($"failed after {i} chunks");
            if (i > 0 && request.DelayMs > 0)
                await Task.Delay(request.DelayMs, context.CancellationToken);
            response.Write(System.Text.Encoding.UTF8.GetBytes($"chunk {i}\n"));
            await response.FlushAsync(context.CancellationToken);
        }
        if (request.FailAfter == request.Chunks)
            throw new InvalidOperationException($"failed after {request.Chunks} chunks");
    }

    /// <summary>sleep: <c>{"ms": M, "blocking": true|false}</c> waits M ms (blocking the thread, or not), returns <c>{"sleptMs": M}</c>.</summary>
    public static async Task<SleepResponse> Sleep(SleepRequest request, ILambdaContext context)
    {
        if (request.Blocking)
            Thread.Sleep(request.Ms);
        else
            await Task.Delay(request.Ms);
        return new SleepResponse(request.Ms);
    }

    /// <summary>fail: always throws, to show an error report.</summary>
    public static ReadOnlyMemory<byte> Fail(ReadOnlyMemory<byte> @event, ILambdaContext context) =>
        throw new InvalidOperationException("boom");
}

// greet's types are read and written by generated code ([LambdaJson]): no System.Text.Json serializer metadata.
[LambdaJson(NamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
public sealed partial record GreetRequest(string? Name);

[LambdaJson(NamingPolicy = JsonKnownNamingPolicy.CamelCase)]
public sealed partial record GreetResponse(string Message);

public sealed record StreamRequest(int Chunks, int DelayMs, int? FailAfter);

public sealed record SleepRequest(int Ms, bool Blocking);

public sealed record SleepResponse(int SleptMs);

public sealed record CounterResponse(long Count);

/// <summary>counter: <c>{"count": n}</c>, the invocations served so far; on shutdown it says how many it served.</summary>
public sealed class Counter
{
    private long _served;

    public LambdaBootstrap.Runtime.Handlers.LambdaHandler Handler() =>
        LambdaBootstrap.Runtime.Handlers.LambdaHandler
            .Json(_ => new CounterResponse(Interlocked.Increment(ref _served)), SampleJson.Default.CounterResponse)
            .OnShutdown("counter", log => log.LogInformation($"counter served {Interlocked.Read(ref _served)} invocations"));
}

public sealed record ContextDescription(
    string AwsRequestId,
    string FunctionName,
    string FunctionVersion,
    string? InvokedFunctionArn,
    int MemoryLimitInMB,
    string LogGroupName,
    string LogStreamName,
    long RemainingTimeMs,
    string? TraceId,
    string? TraceEnv,
    ClientContext? ClientContext,
    CognitoIdentity? Identity,
    string? TenantId);
