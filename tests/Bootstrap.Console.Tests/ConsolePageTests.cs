using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Bootstrap.Console.Tests;

/// <summary>The console page in Chromium, against the real AOT bootstrap under the emulator.</summary>
public sealed class ConsolePageTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser;

    static ConsolePageTests() => Assertions.SetDefaultExpectTimeout(20_000);

    public ConsolePageTests(BrowserFixture browser) => _browser = browser;

    private static Task PickAsync(IPage page, string function) => page.Locator($"input[name=function][value={function}]").CheckAsync();

    private static int HistoryRows(IPage page) => page.Locator("#history tbody tr").CountAsync().GetAwaiter().GetResult();

    /// <summary>Invokes with the editor's event and waits until the invocation is in the history with its report.</summary>
    private static async Task InvokeAsync(IPage page, string function, string? eventJson = null)
    {
        await PickAsync(page, function);
        if (eventJson is not null)
            await page.Locator("#event").FillAsync(eventJson);
        int before = HistoryRows(page);
        await page.Locator("#invoke").ClickAsync();
        await Assertions.Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(before + 1);
        await Assertions.Expect(page.Locator("#report")).ToContainTextAsync("Billed duration");
    }

    [Fact]
    public async Task Greet_picked_and_edited_shows_its_response_and_its_REPORT_line()
    {
        var page = await _browser.OpenConsoleAsync();
        await InvokeAsync(page, "greet", """{"name": "Ada Lovelace"}""");

        await Assertions.Expect(page.Locator("#response")).ToContainTextAsync("\"message\": \"Hello, Ada Lovelace!\"");
        await Assertions.Expect(page.Locator("#result-headers")).ToContainTextAsync("200");
        await Assertions.Expect(page.Locator("#log")).ToContainTextAsync(new Regex(@"START RequestId: [0-9a-f-]+ Version: \$LATEST"));
        await Assertions.Expect(page.Locator("#log")).ToContainTextAsync(new Regex(@"REPORT RequestId: [0-9a-f-]+\s+Duration: [0-9.]+ ms\s+Billed Duration: \d+ ms"));
        await Assertions.Expect(page.Locator("#report")).ToContainTextAsync("Memory size256 MB");
        await Assertions.Expect(page.Locator("#history tbody tr").First).ToContainTextAsync("greet");
        await BrowserFixture.ScreenshotAsync(page, "invoke-greet.png");
    }

    [Fact]
    public async Task Fail_shows_its_error_type_and_X_Amz_Function_Error()
    {
        var page = await _browser.OpenConsoleAsync();
        await InvokeAsync(page, "fail", """{"reason": "show an error report"}""");

        await Assertions.Expect(page.Locator("#result-headers")).ToContainTextAsync("X-Amz-Function-ErrorUnhandled");
        await Assertions.Expect(page.Locator("#result-status")).ToContainTextAsync("InvalidOperationException: boom");
        await Assertions.Expect(page.Locator("#response")).ToContainTextAsync("\"errorType\": \"InvalidOperationException\"");
        // The function's own output, live, beside the platform lines.
        await Assertions.Expect(page.Locator("#log")).ToContainTextAsync(new Regex(@"ERROR\s+Invocation failed: InvalidOperationException: boom"));
        await Assertions.Expect(page.Locator("#history tbody tr").First).ToContainTextAsync("InvalidOperationException");
        await BrowserFixture.ScreenshotAsync(page, "error.png");
    }

    [Fact]
    public async Task Stream_renders_chunk_by_chunk_as_the_chunks_arrive()
    {
        var page = await _browser.OpenConsoleAsync();
        await PickAsync(page, "stream");
        await page.Locator("#event").FillAsync("""{"chunks": 5, "delayMs": 400}""");
        // The page itself notes the chunk count at each change it renders while the response is still coming: each
        // count so noted is a chunk shown before the next arrived.
        await page.EvaluateAsync("""
            () => {
                window.chunkCountsWhileStreaming = [];
                new MutationObserver(() => {
                    if (!(document.querySelector('#result-status')?.textContent ?? '').includes('answered in'))
                        window.chunkCountsWhileStreaming.push(document.querySelectorAll('#chunks li').length);
                }).observe(document.body, { childList: true, subtree: true, characterData: true });
            }
            """);
        await page.Locator("#invoke").ClickAsync();

        await Assertions.Expect(page.Locator("#result-status")).ToContainTextAsync("answered in 5 chunks");
        var seen = (await page.EvaluateAsync<int[]>("() => window.chunkCountsWhileStreaming")).ToHashSet();
        Assert.True(seen.Count(n => n is > 0 and < 5) >= 3, $"chunk counts seen while streaming: {string.Join(", ", seen.Order())}");

        var times = (await page.Locator("#chunks .chunk-time").AllTextContentsAsync())
            .Select(t => int.Parse(Regex.Match(t, @"\+(\d+) ms").Groups[1].Value)).ToList();
        Assert.Equal(5, times.Count);
        Assert.True(times.Zip(times.Skip(1)).All(p => p.First < p.Second), $"chunk times: {string.Join(", ", times)}");
        await Assertions.Expect(page.Locator("#chunks")).ToContainTextAsync("chunk 4");
        await Assertions.Expect(page.Locator("#response")).ToHaveTextAsync("chunk 0\nchunk 1\nchunk 2\nchunk 3\nchunk 4\n");
        await Assertions.Expect(page.Locator("#report")).ToContainTextAsync("Streamed5 reads");
        await BrowserFixture.ScreenshotAsync(page, "stream.png");
    }

    [Fact]
    public async Task Force_cold_start_gives_the_next_REPORT_an_Init_Duration()
    {
        var page = await _browser.OpenConsoleAsync();
        await InvokeAsync(page, "greet", """{"name": "warm"}""");
        await InvokeAsync(page, "greet");
        await Assertions.Expect(page.Locator("#report")).ToContainTextAsync("(warm start)");
        await Assertions.Expect(page.Locator("#log")).Not.ToContainTextAsync("Init Duration");
        await Assertions.Expect(page.Locator("label.function", new() { HasText = "greet" })).ToContainTextAsync("warm");

        await page.Locator("#cold-start").ClickAsync();
        await Assertions.Expect(page.Locator("#cold-start-status")).ToContainTextAsync("the next invoke starts cold");
        await Assertions.Expect(page.Locator("label.function", new() { HasText = "greet" }).Locator(".state")).ToHaveTextAsync("cold");

        await InvokeAsync(page, "greet");
        await Assertions.Expect(page.Locator("#log")).ToContainTextAsync(new Regex(@"REPORT RequestId: .*Init Duration: [0-9.]+ ms"));
        await Assertions.Expect(page.Locator("#report")).ToContainTextAsync("(cold start)");
        await Assertions.Expect(page.Locator("#history tbody tr").First).ToContainTextAsync("cold");
        await Assertions.Expect(page.Locator("#chart svg title").First).ToContainTextAsync("cold start");
        await BrowserFixture.ScreenshotAsync(page, "cold-start.png");
    }

    [Fact]
    public async Task An_entry_of_the_history_reruns_and_two_entries_diff()
    {
        var page = await _browser.OpenConsoleAsync();
        await InvokeAsync(page, "greet", """{"name": "Ada"}""");
        string ada = await page.Locator("#history tbody tr").First.Locator("td").Nth(1).InnerTextAsync();
        await InvokeAsync(page, "greet", """{"name": "Grace"}""");
        string grace = await page.Locator("#history tbody tr").First.Locator("td").Nth(1).InnerTextAsync();

        await page.Locator("#event").FillAsync("{}");
        int before = HistoryRows(page);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Re-run #{ada}", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(before + 1);
        await Assertions.Expect(page.Locator("#response")).ToContainTextAsync("Hello, Ada!");
        await Assertions.Expect(page.Locator("#event")).ToHaveValueAsync(new Regex("\"name\": \"Ada\""));

        await Assertions.Expect(page.Locator("#diff")).ToBeDisabledAsync();
        await page.GetByLabel($"Compare #{ada}", new() { Exact = true }).CheckAsync();
        await page.GetByLabel($"Compare #{grace}", new() { Exact = true }).CheckAsync();
        await page.Locator("#diff").ClickAsync();
        var diff = page.Locator("#diff-output");
        await Assertions.Expect(diff).ToContainTextAsync($"--- #{ada}");
        await Assertions.Expect(diff.Locator(".diff-del")).ToContainTextAsync(["\"name\": \"Ada\"", "\"message\": \"Hello, Ada!\""]);
        await Assertions.Expect(diff.Locator(".diff-add")).ToContainTextAsync(["\"name\": \"Grace\"", "\"message\": \"Hello, Grace!\""]);
        await BrowserFixture.ScreenshotAsync(page, "history-diff.png");
    }

    [Fact]
    public async Task The_editor_offers_each_trigger_the_events_folder_and_recent_events_and_checks_the_JSON()
    {
        var page = await _browser.OpenConsoleAsync();
        var sample = page.Locator("#sample");
        foreach (string trigger in new[] { "API Gateway REST API (payload 1.0)", "API Gateway HTTP API (payload 2.0)", "Function URL",
                     "Application Load Balancer", "SQS", "SNS", "S3 (ObjectCreated:Put)", "DynamoDB Streams", "Kinesis", "EventBridge schedule" })
            await Assertions.Expect(sample.Locator("option", new() { HasText = trigger }).First).ToBeAttachedAsync();

        await sample.SelectOptionAsync(new SelectOptionValue { Label = "SQS" });
        await Assertions.Expect(page.Locator("#event")).ToHaveValueAsync(new Regex("aws:sqs"));
        await page.Locator("#event").FillAsync("{\"name\": ");
        await Assertions.Expect(page.Locator("#event-check")).ToContainTextAsync("Not valid JSON");
        await Assertions.Expect(page.Locator("#invoke")).ToBeDisabledAsync();

        await sample.SelectOptionAsync(new SelectOptionValue { Label = "ada.json" });
        await Assertions.Expect(page.Locator("#event")).ToHaveValueAsync(new Regex("\"name\": \"Ada\""));
        await Assertions.Expect(page.Locator("#invoke")).ToBeEnabledAsync();
        await page.Locator("#client-context").FillAsync("[1]");
        await Assertions.Expect(page.Locator("#client-context-check")).ToContainTextAsync("must be a JSON object");
        await Assertions.Expect(page.Locator("#invoke")).ToBeDisabledAsync();
        await page.Locator("#client-context").FillAsync("");

        await InvokeAsync(page, "greet", """{"name": "Recent"}""");
        await Assertions.Expect(page.Locator("#recent-events option", new() { HasText = "Recent" }).First).ToBeAttachedAsync();
    }

    [Fact]
    public async Task Client_context_and_the_Event_invocation_type_reach_the_function()
    {
        var page = await _browser.OpenConsoleAsync();
        await page.Locator("#client-context").FillAsync("""{"custom": {"from": "the console"}}""");
        await InvokeAsync(page, "context", "{}");
        await Assertions.Expect(page.Locator("#response")).ToContainTextAsync("\"from\": \"the console\"");

        await page.Locator("#invocation-type").SelectOptionAsync("Event");
        await InvokeAsync(page, "greet", """{"name": "later"}""");
        await Assertions.Expect(page.Locator("#result-headers")).ToContainTextAsync("202");
        await Assertions.Expect(page.Locator("#result-status")).ToContainTextAsync("Event invoke of greet finished: no error");
        await Assertions.Expect(page.Locator("#log")).ToContainTextAsync("REPORT RequestId:");
    }

    [Fact]
    public async Task An_Event_invoke_that_fails_shows_each_attempt_and_how_it_ended()
    {
        var page = await _browser.OpenConsoleAsync();
        await page.Locator("#invocation-type").SelectOptionAsync("Event");
        await PickAsync(page, "fail");
        await page.Locator("#event").FillAsync("""{"reason": "retried"}""");
        int before = HistoryRows(page);
        await page.Locator("#invoke").ClickAsync();

        var row = page.Locator("#async tbody tr").Filter(new() { HasText = "fail" }).First;
        await Assertions.Expect(row).ToContainTextAsync("RetriesExhausted");
        await Assertions.Expect(row).ToContainTextAsync("1: InvalidOperationException, 2: InvalidOperationException, 3: InvalidOperationException");
        // Each attempt is an invocation of its own in the history: the retries come quickly here, so count them at the end.
        await Assertions.Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(before + 3);
        await page.Locator("#async-section").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "async-attempts.png");
    }

    [Fact]
    public async Task Output_is_shown_as_text_never_as_HTML()
    {
        var page = await _browser.OpenConsoleAsync();
        const string markup = "<img id=injected src=x onerror=\\\"document.title='owned'\\\"><b id=bold>bold</b>";
        await InvokeAsync(page, "echo", $$"""{"html": "{{markup}}"}""");

        await Assertions.Expect(page.Locator("#response")).ToContainTextAsync("<img id=injected src=x");
        await Assertions.Expect(page.Locator("#injected")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#bold")).ToHaveCountAsync(0);
        await Assertions.Expect(page).ToHaveTitleAsync("Lambda emulator console");
    }

    [Fact]
    public async Task The_page_works_from_the_keyboard()
    {
        var page = await _browser.OpenConsoleAsync();
        await page.Locator("input[name=function][value=greet]").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("input[name=function][value=greet]")).ToBeCheckedAsync();
        for (int i = 0; i < 10 && await page.EvaluateAsync<string>("document.activeElement.id") != "event"; i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.Equal("event", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("""{"name": "Keys"}""");
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator("#response")).ToContainTextAsync("Hello, Keys!");
    }

    [Fact]
    public async Task Axe_finds_no_serious_or_critical_violations()
    {
        var page = await _browser.OpenConsoleAsync();
        await InvokeAsync(page, "greet", """{"name": "Axe"}""");
        await InvokeAsync(page, "fail");
        // The trace waterfall and the metrics chart, drawn.
        await InvokeAsync(page, "shop", """{"order": "axe"}""");
        await Assertions.Expect(page.Locator("#trace-table")).ToContainTextAsync("charge card");
        await Assertions.Expect(page.Locator("#metrics figure")).Not.ToHaveCountAsync(0);
        await page.Locator("#history tbody input[type=checkbox]").Nth(0).CheckAsync();
        await page.Locator("#history tbody input[type=checkbox]").Nth(1).CheckAsync();
        await page.Locator("#diff").ClickAsync();
        await Assertions.Expect(page.Locator("#diff-box")).ToBeVisibleAsync();

        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
        Assert.NotEmpty(result.Passes);
    }
}
