using Microsoft.Playwright;

namespace Bootstrap.Console.Tests;

/// <summary>
/// The console's trace view and metrics chart in Chromium, with <c>shop</c>: a function that sends X-Ray subsegments
/// to the emulator's daemon and prints EMF metrics.
/// </summary>
public sealed class ConsoleObservabilityTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser;

    static ConsoleObservabilityTests() => Assertions.SetDefaultExpectTimeout(20_000);

    public ConsoleObservabilityTests(BrowserFixture browser) => _browser = browser;

    private static async Task InvokeShopAsync(IPage page, string eventJson)
    {
        await page.Locator("input[name=function][value=shop]").CheckAsync();
        await page.Locator("#event").FillAsync(eventJson);
        int before = await page.Locator("#history tbody tr").CountAsync();
        await page.Locator("#invoke").ClickAsync();
        await Assertions.Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(before + 1);
        await Assertions.Expect(page.Locator("#report")).ToContainTextAsync("Billed duration");
    }

    [Fact]
    public async Task A_cold_starts_trace_shows_Initialization_in_the_waterfall_with_the_functions_subsegments_annotations_and_errors()
    {
        var page = await _browser.OpenConsoleAsync();
        await page.Locator("input[name=function][value=shop]").CheckAsync();
        await page.Locator("#cold-start").ClickAsync();
        await Assertions.Expect(page.Locator("label.function", new() { HasText = "shop" }).Locator(".state")).ToHaveTextAsync("cold");

        await InvokeShopAsync(page, """{"order": "o-42", "latency": 12}""");
        var waterfall = page.Locator("#trace-table tbody tr");
        await Assertions.Expect(page.Locator("#trace-status")).ToContainTextAsync("cold start, Initialization");
        await Assertions.Expect(waterfall.Locator("td.trace-name")).ToHaveTextAsync(["shop", "Initialization", "Invocation", "Overhead", "charge card", "call bank (remote)"]);
        var initialization = page.Locator("#trace-table tr.trace-initialization");
        await Assertions.Expect(initialization).ToHaveCountAsync(1);
        // Visible at a glance: a bar of its own, as wide as its share of the trace.
        var bar = await initialization.Locator(".bar").BoundingBoxAsync();
        Assert.True(bar is { Width: > 0 }, "the Initialization bar has no width");
        await Assertions.Expect(page.Locator("#trace-table tr", new() { HasText = "charge card" })).ToContainTextAsync("order = \"o-42\"");
        var bank = page.Locator("#trace-table tr.trace-problem", new() { HasText = "call bank" });
        await Assertions.Expect(bank).ToContainTextAsync("POST https://bank.example/charge → 503");
        await Assertions.Expect(bank).ToContainTextAsync("fault: BankUnavailable: the bank said 503");
        await BrowserFixture.ScreenshotAsync(page, "trace-cold-start.png");
        string coldSeq = await page.Locator("#history tbody tr").First.Locator("td").Nth(1).InnerTextAsync();

        await InvokeShopAsync(page, """{"order": "o-43", "latency": 30}""");
        await Assertions.Expect(page.Locator("#trace-status")).ToContainTextAsync("warm start");
        await Assertions.Expect(waterfall.Locator("td.trace-name")).ToHaveTextAsync(["shop", "Invocation", "Overhead", "charge card", "call bank (remote)"]);
        await Assertions.Expect(page.Locator("#trace-table")).ToContainTextAsync("order = \"o-43\"");

        // The history brings back the cold start's trace.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Trace of #{coldSeq}", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#trace-table tr.trace-initialization")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#trace-table")).ToContainTextAsync("order = \"o-42\"");
    }

    [Fact]
    public async Task The_metrics_the_function_printed_are_charted_by_name_over_the_run()
    {
        var page = await _browser.OpenConsoleAsync();
        await InvokeShopAsync(page, """{"order": "o-1", "latency": 17}""");
        await InvokeShopAsync(page, """{"order": "o-2", "latency": 41}""");

        var latency = page.Locator("#metrics figure", new() { HasText = "Shop / ChargeLatency (Milliseconds)" });
        await Assertions.Expect(latency.Locator("figcaption")).ToContainTextAsync("last 41");
        Assert.True(await latency.Locator("circle").CountAsync() >= 2);
        var orders = page.Locator("#metrics figure", new() { HasText = "Shop / Orders (Count)" });
        await Assertions.Expect(orders).ToHaveCountAsync(1);
        Assert.True(await orders.Locator("circle").CountAsync() >= 2);
        await Assertions.Expect(page.Locator("#metrics-status")).ToContainTextAsync("of 2 metrics");
        await page.Locator("#metrics-section").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "metrics.png");

        // A page opened later loads the metrics printed before it.
        var later = await _browser.OpenConsoleAsync();
        await Assertions.Expect(later.Locator("#metrics figure", new() { HasText = "Shop / ChargeLatency" }).Locator("figcaption")).ToContainTextAsync("last 41");
    }
}
