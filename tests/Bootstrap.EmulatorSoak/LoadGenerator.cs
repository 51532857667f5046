using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Bootstrap.EmulatorSoak;

/// <summary>
/// Many clients at once on the Invoke API, each sending its next event as soon as the last is answered, until the
/// time is up; then it waits for the requests still out. Each event carries a unique id and its fault, and each
/// answer is judged by them into the <see cref="AnswerBook"/>.
/// </summary>
public sealed class LoadGenerator(int port, int clients, FaultPlan faults, bool collateralAllowed)
{
    public const string InvokePath = "/2015-03-31/functions/function/invocations";
    /// <summary>How long one request may wait for its answer: far past any queue wait, so a lost request shows as unanswered.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private long _next;

    public AnswerBook Book { get; } = new();

    public async Task RunAsync(TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Patience };
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
                await InvokeOnceAsync(http);
        })));
    }

    private async Task InvokeOnceAsync(HttpClient http)
    {
        string id = $"req-{Interlocked.Increment(ref _next)}";
        var fault = faults.Next();
        string payload = $"{{\"id\":\"{id}\",\"fault\":\"{FaultPlan.Marker(fault)}\"}}";
        Book.MarkSent(id);
        try
        {
            using var content = new StringContent(payload, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(InvokePath, content);
            string body = await response.Content.ReadAsStringAsync();
            string errorType = response.Headers.TryGetValues("X-Amzn-ErrorType", out var types) ? types.First() : "";
            Judge(id, fault, payload, (int)response.StatusCode, response.Headers.Contains("X-Amz-Function-Error"), errorType, body);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Book.Record(id, Answer.Unanswered, e.Message);
        }
    }

    private void Judge(string id, Fault fault, string payload, int status, bool functionError, string errorType, string body)
    {
        if (status == 429)
        {
            bool throttled = errorType == "TooManyRequestsException";
            Book.Record(id, throttled ? Answer.Throttled : Answer.Wrong, throttled ? null : $"429 {errorType} {body}");
            return;
        }
        if (status >= 500)
        {
            Book.Record(id, Answer.ServerError, $"{status} {body}");
            return;
        }
        if (status != 200)
        {
            Book.Record(id, Answer.Wrong, $"{status} {body}");
            return;
        }
        if (!functionError)
        {
            // The echo names the request it answers: another request's event here is a misdelivery, booked to that one.
            string echoedId = StringProperty(body, "id") ?? id;
            bool right = body == payload && fault == Fault.None;
            Book.Record(echoedId, right ? Answer.Echoed : Answer.Wrong, right ? null : $"expected {payload}, got {body}");
            return;
        }
        var kind = StringProperty(body, "errorType") switch
        {
            "Runtime.ExitError" => Answer.ExitError,
            "Sandbox.Timedout" => Answer.TimedOut,
            _ => Answer.Wrong,
        };
        // With several invocations on one process, a crash or a timeout ends the others running beside it too.
        bool expected = (fault, kind) is (Fault.Crash, Answer.ExitError) or (Fault.Hang, Answer.TimedOut)
            || (collateralAllowed && kind is Answer.ExitError or Answer.TimedOut);
        Book.Record(id, expected ? kind : Answer.Wrong, expected ? null : $"fault {fault}, got {body}");
    }

    /// <summary>A string property of a JSON object body, or null when the body is not one or lacks it.</summary>
    private static string? StringProperty(string body, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value)
                && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
