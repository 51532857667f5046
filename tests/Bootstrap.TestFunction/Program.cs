using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using LambdaBootstrap.Events.Http;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Configuration;
using LambdaBootstrap.Runtime.Handlers;
using LambdaBootstrap.Runtime.Logging;
using Bootstrap.TestFunction;

// The Powertools fields (cold_start, function_name, ...) on JSON lines, for the observed handler's log line.
PowertoolsLogging.Enable();
return LambdaRuntime.Run(new HandlerRegistry
{
    // Logs one line at every level through context.Logger, and one through Console.WriteLine.
    ["log"] = () => LambdaHandler.Bytes((e, context) =>
    {
        foreach (var level in new[] { LogLevel.Trace, LogLevel.Debug, LogLevel.Information, LogLevel.Warning, LogLevel.Error, LogLevel.Critical })
            context.Logger.Log(level, $"level {(int)level} says {Encoding.UTF8.GetString(e.Span)}");
        Console.WriteLine($"console says {Encoding.UTF8.GetString(e.Span)}");
        return "logged"u8.ToArray();
    }),
    // Every observability feature at once: a key on its log lines, an exception as fields, a metric, an X-Ray subsegment.
    ["observed"] = () => LambdaHandler.Bytes((e, context) =>
    {
        context.Logger.AppendKey("order", "A-1");
        context.Logger.LogError(new InvalidOperationException("card declined"), "charge failed");
        context.Metrics.Namespace = "Shop";
        context.Metrics.Add("Orders", 1, LambdaBootstrap.Runtime.Metrics.MetricUnit.Count);
        using var segment = context.Trace("charge card");
        segment.AddAnnotation("order", "A-1");
        return e;
    }),
    // Async bytes: yields to the thread pool before answering.
    ["bytes-async"] = () => LambdaHandler.Bytes(async (e, context) =>
    {
        await Task.Delay(10);
        var reversed = e.ToArray();
        Array.Reverse(reversed);
        return reversed;
    }),
    // Streams in and out, buffered (not response streaming), sync and async.
    ["stream-buffered"] = () => LambdaHandler.StreamBuffered((input, context) =>
    {
        var output = new MemoryStream();
        input.CopyTo(output);
        output.Write("!"u8);
        output.Position = 0;
        return output;
    }),
    ["stream-buffered-async"] = () => LambdaHandler.StreamBuffered(async (input, context) =>
    {
        await Task.Yield();
        var text = await new StreamReader(input).ReadToEndAsync();
        return new MemoryStream(Encoding.UTF8.GetBytes(text.ToUpperInvariant()));
    }),
    // Typed and async.
    ["add-async"] = () => LambdaHandler.Json(async (Numbers n, ILambdaContext context) =>
    {
        await Task.Delay(5);
        return new Sum(n.A + n.B);
    }, TestJson.Default.Numbers, TestJson.Default.Sum),
    // Waits for the deadline token and reports how long before the deadline it fired.
    ["deadline"] = () => LambdaHandler.Bytes(async (e, context) =>
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            return "not cancelled"u8.ToArray();
        }
        catch (OperationCanceledException)
        {
            return Encoding.UTF8.GetBytes($"cancelled, {context.RemainingTime.TotalMilliseconds:0} ms left");
        }
    }),
    // A response as large as the event asks: {"bytes": N} → N bytes of 'x'.
    ["big"] = () => LambdaHandler.Bytes((e, context) =>
    {
        int n = int.Parse(Encoding.UTF8.GetString(e.Span));
        return Enumerable.Repeat((byte)'x', n).ToArray();
    }),
    // Waits the number of milliseconds in the event, then returns it.
    ["delay"] = () => LambdaHandler.Bytes((e, context) =>
    {
        Thread.Sleep(int.Parse(Encoding.UTF8.GetString(e.Span)));
        return e;
    }),
    // Never answers.
    ["hang"] = () => LambdaHandler.Bytes((e, context) =>
    {
        Thread.Sleep(Timeout.Infinite);
        return e;
    }),
    // The process dies mid-invocation with exit status 3.
    ["crash"] = () => LambdaHandler.Bytes((e, context) =>
    {
        Environment.Exit(3);
        return e;
    }),
    // A namespace that begins with LambdaBootstrap.Runtime: the error report keeps all of its frames.
    ["user-fail"] = () => LambdaHandler.Bytes(LambdaBootstrap.Runtime.UserCode.Orders.Place),
    ["user-fail-async"] = () => LambdaHandler.Bytes(LambdaBootstrap.Runtime.UserCode.Orders.PlaceLater),
    // A Lambda authorizer: the token allow-NAME passes with the context {"user":"NAME"}, anything else is refused.
    ["authorizer"] = () => LambdaHandler.Bytes((e, context) => TokenAuthorizer.Answer(e)),
    // Math through libm, which the bootstrap loads on its first call (build/lazy-libm.c): the event is a number.
    ["math"] = () => LambdaHandler.Bytes((e, context) =>
        Encoding.UTF8.GetBytes(MathResults.For(double.Parse(Encoding.UTF8.GetString(e.Span), CultureInfo.InvariantCulture)))),
    // The GC settings the build baked in, as the GC reports them: "GCRegionSize GCRegionRange", in hexadecimal.
    ["gc-settings"] = () => LambdaHandler.Bytes((e, context) =>
    {
        var settings = GC.GetConfigurationVariables();
        return Encoding.UTF8.GetBytes($"{settings["GCRegionSize"]:x} {settings["GCRegionRange"]:x}");
    }),
    // Its own initialisation fails.
    ["init-fails"] = () => throw new InvalidOperationException("no database configured"),
    // An HTTP handler streaming behind a Function URL in RESPONSE_STREAM mode: the head as the prelude, then three parts;
    // on /late-header it adds a header after the head went out.
    ["http-stream"] = () => LambdaHandler.HttpStreaming(async (request, response, context) =>
    {
        response.StatusCode = 201;
        response.Headers["Content-Type"] = "text/plain";
        response.Headers.Add("X-Part", "a");
        response.Headers.Add("X-Part", "b");
        response.Cookies.Add("streamed=1");
        for (int i = 0; i < 3; i++)
        {
            response.Write(Encoding.UTF8.GetBytes($"{request.Method} {request.Path} part {i}\n"));
            await response.FlushAsync();
            if (request.Path == "/late-header")
                response.Headers.Add("X-Late", "too late");
            await Task.Delay(50);
        }
    }),
    // {"parameter": NAME, "secret": ID} → both values, each read twice through the Parameters and Secrets extension
    // (the second read comes from the cache).
    ["configuration"] = () => LambdaHandler.Bytes(async (e, context) =>
    {
        using var request = System.Text.Json.JsonDocument.Parse(e);
        string name = request.RootElement.GetProperty("parameter").GetString()!;
        string id = request.RootElement.GetProperty("secret").GetString()!;
        string parameter = await Parameters.GetAsync(name);
        string secret = await Secrets.GetAsync(id);
        bool cachedAlike = await Parameters.GetAsync(name) == parameter && await Secrets.GetAsync(id) == secret;
        using var output = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteString("parameter", parameter);
            json.WriteString("secret", secret);
            json.WriteBoolean("readTwiceAlike", cachedAlike);
            json.WriteEndObject();
        }
        return output.ToArray();
    }),
});

public sealed record Numbers(int A, int B);

public sealed record Sum(int Total);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Numbers))]
[JsonSerializable(typeof(Sum))]
internal sealed partial class TestJson : JsonSerializerContext;
