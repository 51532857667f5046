using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>The emulator as a user meets it: the Invoke API in front of a real AOT bootstrap.</summary>
public sealed class LocalFunctionTests
{
    [Fact]
    public async Task An_invoke_over_HTTP_returns_the_handlers_answer()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("greet");
        using var response = await emulator.InvokeAsync("{\"name\":\"Ada\"}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"message\":\"Hello, Ada!\"}", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("X-Amz-Function-Error"));
        Assert.Equal("$LATEST", response.Headers.GetValues("X-Amz-Executed-Version").Single());
    }

    [Fact]
    public async Task A_function_error_is_200_with_the_function_error_header_and_the_error_json()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("fail");
        using var response = await emulator.InvokeAsync("{}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("InvalidOperationException", json.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("boom", json.RootElement.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public async Task An_init_error_is_returned_to_the_invoker_and_the_next_invoke_tries_again()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("no-such-handler");
        for (int i = 0; i < 2; i++)
        {
            using var response = await emulator.InvokeAsync("{}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
            Assert.Contains("Runtime.HandlerNotFound", await response.Content.ReadAsStringAsync());
        }
        Assert.All(emulator.Reports, report => Assert.Contains("Init Duration", report));
    }

    [Fact]
    public async Task An_event_invoke_answers_202_at_once_and_runs_in_the_background()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("delay", BootstrapBinaries.TestFunction);
        var ended = new TaskCompletionSource<Async.AsyncEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        emulator.Function.Events.Changed += e => { if (e.Condition != Async.AsyncCondition.Pending) ended.TrySetResult(e); };
        using var accepted = await emulator.InvokeAsync("300", r => r.Headers.Add("X-Amz-Invocation-Type", "Event"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Empty(await accepted.Content.ReadAsByteArrayAsync());
        Assert.Empty(emulator.Reports); // it has not finished yet: the answer did not wait for it

        // It runs in the background, and ends in success with its one REPORT.
        var finished = await ended.Task.WaitAsync(EmulatorUnderTest.Patience);
        Assert.Equal(Async.AsyncCondition.Success, finished.Condition);
        Assert.Single(finished.Attempts);
        Assert.Single(emulator.Reports);
    }

    [Fact]
    public async Task The_client_context_header_is_decoded_and_passed_through()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("context");
        string clientContext = "{\"custom\":{\"tier\":\"gold\"},\"env\":{\"locale\":\"en\"}}";
        using var response = await emulator.InvokeAsync("{}", r => r.Headers.Add("X-Amz-Client-Context", Convert.ToBase64String(Encoding.UTF8.GetBytes(clientContext))));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var context = json.RootElement.GetProperty("clientContext");
        Assert.Equal("gold", context.GetProperty("custom").GetProperty("tier").GetString());
        Assert.Equal("en", context.GetProperty("environment").GetProperty("locale").GetString());
    }

    [Fact]
    public async Task A_client_context_with_text_beyond_ascii_reaches_the_function_intact()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("context");
        string clientContext = "{\"custom\":{\"tier\":\"gold ✓ naïve 日本\"}}";
        using var response = await emulator.InvokeAsync("{}", r => r.Headers.Add("X-Amz-Client-Context", Convert.ToBase64String(Encoding.UTF8.GetBytes(clientContext))));
        Assert.False(response.Headers.Contains("X-Amz-Function-Error"), await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("gold ✓ naïve 日本", json.RootElement.GetProperty("clientContext").GetProperty("custom").GetProperty("tier").GetString());
    }

    [Fact]
    public async Task A_client_context_that_is_not_base64_json_is_a_400()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("echo");
        using var response = await emulator.InvokeAsync("{}", r => r.Headers.Add("X-Amz-Client-Context", "%%%"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidRequestContentException", response.Headers.GetValues("X-Amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Concurrent_invokes_queue_and_run_one_at_a_time_in_order()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("delay", BootstrapBinaries.TestFunction);
        var calls = new List<Task<HttpResponseMessage>>();
        foreach (string ms in new[] { "200", "100", "50" })
        {
            calls.Add(emulator.InvokeAsync(ms));
            // Each arrives before the next is sent: their order is known.
            int received = calls.Count;
            await Until.TrueAsync(() => emulator.Function.InvokesReceived == received);
        }
        var responses = await Task.WhenAll(calls);
        Assert.Equal(["200", "100", "50"], await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync())));

        // START/END pairs never overlap, and follow arrival order.
        var ids = responses.Select(r => r.Headers.GetValues("X-Amzn-RequestId").Single()).ToList();
        var platform = emulator.Lines.Where(l => l.StartsWith("START ") || l.StartsWith("END ")).ToList();
        Assert.Equal(ids.SelectMany(id => new[] { $"START RequestId: {id} Version: $LATEST", $"END RequestId: {id}" }), platform);
    }

    [Fact]
    public async Task A_timed_out_invocation_returns_Lambdas_timeout_error_and_the_next_invoke_starts_cold()
    {
        var clock = new TestClock();
        await using var emulator = await EmulatorUnderTest.StartAsync("hang", BootstrapBinaries.TestFunction, TimeSpan.FromSeconds(1), clock);
        // Each invoke arms two timers, the init timeout's and then, once the function has the event, the timeout's.
        async Task<HttpResponseMessage> InvokeAndTimeOutAsync(int timersBefore)
        {
            var call = emulator.InvokeAsync("{}");
            await clock.UntilTimersArmedAsync(timersBefore + 2);
            clock.Advance(TimeSpan.FromSeconds(1));
            return await call.WaitAsync(EmulatorUnderTest.Patience);
        }
        using var response = await InvokeAndTimeOutAsync(0);
        var first = emulator.Function.Process!;
        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Sandbox.Timedout", json.RootElement.GetProperty("errorType").GetString());
        Assert.EndsWith("Task timed out after 1.00 seconds", json.RootElement.GetProperty("errorMessage").GetString());
        Assert.True(first.HasExited, "the timed-out process was not killed");

        using var second = await InvokeAndTimeOutAsync(2);
        Assert.Contains("Task timed out", await second.Content.ReadAsStringAsync());
        Assert.NotSame(first, emulator.Function.Process);
        Assert.Equal(2, emulator.Reports.Count(r => r.Contains("Init Duration")));
    }

    [Fact]
    public async Task A_crash_mid_invocation_returns_ExitError_with_the_exit_status_and_the_next_invoke_starts_cold()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("crash", BootstrapBinaries.TestFunction);
        using var response = await emulator.InvokeAsync("{}");
        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Runtime.ExitError", json.RootElement.GetProperty("errorType").GetString());
        Assert.Contains("exit status 3", json.RootElement.GetProperty("errorMessage").GetString());

        using var again = await emulator.InvokeAsync("{}");
        Assert.Contains("exit status 3", await again.Content.ReadAsStringAsync());
        Assert.Equal(2, emulator.Reports.Count(r => r.Contains("Init Duration")));
    }

    [Fact]
    public async Task A_response_over_6MB_reaches_the_invoker_as_ResponseSizeTooLarge()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("big", BootstrapBinaries.TestFunction);
        using var response = await emulator.InvokeAsync("7000000");
        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        Assert.Contains("Function.ResponseSizeTooLarge", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_invocation_has_START_END_and_a_plausible_REPORT_with_Init_Duration_only_when_cold()
    {
        await using var emulator = await EmulatorUnderTest.StartAsync("delay", BootstrapBinaries.TestFunction);
        (await emulator.InvokeAsync("20")).Dispose();
        (await emulator.InvokeAsync("20")).Dispose();

        var reports = emulator.Reports.ToList();
        Assert.Equal(2, reports.Count);
        var pattern = new Regex(@"^REPORT RequestId: (?<id>[0-9a-f-]{36})\tDuration: (?<d>\d+\.\d\d) ms\tBilled Duration: (?<b>\d+) ms\tMemory Size: 128 MB\tMax Memory Used: (?<m>\d+) MB(\tInit Duration: (?<i>\d+\.\d\d) ms)?$");
        var cold = pattern.Match(reports[0]);
        var warm = pattern.Match(reports[1]);
        Assert.True(cold.Success, reports[0]);
        Assert.True(warm.Success, reports[1]);
        foreach (var report in new[] { cold, warm })
        {
            double duration = double.Parse(report.Groups["d"].Value, CultureInfo.InvariantCulture);
            Assert.InRange(duration, 20, 5000); // the handler sleeps 20 ms
            Assert.InRange(int.Parse(report.Groups["m"].Value), 1, 64);
            Assert.True(long.Parse(report.Groups["b"].Value) >= duration);
        }
        Assert.True(cold.Groups["i"].Success);
        Assert.InRange(double.Parse(cold.Groups["i"].Value, CultureInfo.InvariantCulture), 0.01, 5000);
        Assert.False(warm.Groups["i"].Success);
        Assert.Contains(emulator.Lines, l => l == $"END RequestId: {cold.Groups["id"].Value}");
    }
}
