using System.Text;
using System.Text.Json;

namespace LambdaBootstrap.Emulator.Extensions;

/// <summary>Why the environment shuts down, as the SHUTDOWN event's <c>shutdownReason</c> says it.</summary>
internal enum ShutdownReason
{
    /// <summary>A normal shutdown: the emulator stops, or the function is forced cold or rebuilt.</summary>
    Spindown,
    /// <summary>An invocation timed out.</summary>
    Timeout,
    /// <summary>The runtime or an extension crashed, or init failed.</summary>
    Failure,
}

/// <summary>The bodies <c>event/next</c> answers an extension with, as the Extensions API documents them.</summary>
internal static class ExtensionEvents
{
    public static string Invoke(string requestId, DateTimeOffset deadline, string invokedFunctionArn, string traceId) => Write(json =>
    {
        json.WriteString("eventType", "INVOKE");
        json.WriteNumber("deadlineMs", deadline.ToUnixTimeMilliseconds());
        json.WriteString("requestId", requestId);
        json.WriteString("invokedFunctionArn", invokedFunctionArn);
        json.WriteStartObject("tracing");
        json.WriteString("type", "X-Amzn-Trace-Id");
        json.WriteString("value", traceId);
        json.WriteEndObject();
    });

    public static string Shutdown(ShutdownReason reason, DateTimeOffset deadline) => Write(json =>
    {
        json.WriteString("eventType", "SHUTDOWN");
        json.WriteString("shutdownReason", Name(reason));
        json.WriteNumber("deadlineMs", deadline.ToUnixTimeMilliseconds());
    });

    public static string Name(ShutdownReason reason) => reason switch
    {
        ShutdownReason.Timeout => "timeout",
        ShutdownReason.Failure => "failure",
        _ => "spindown",
    };

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
