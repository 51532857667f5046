using System.Net;
using System.Text;
using Microsoft.Playwright;

namespace Bootstrap.Samples.Tests;

/// <summary>
/// The ItemsApi sample in the emulator's web console (Debian's Chromium, driven by Playwright): a cold start's trace
/// with its Initialization and the DynamoDB calls, and the metrics the requests printed. Its screenshot is the one in
/// the README (artifacts/console/items-api.png, copied to docs/console/; the whole page beside it).
/// </summary>
public sealed class ItemsApiConsoleTests
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string Table = "items";

    static ItemsApiConsoleTests() => Assertions.SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task The_console_shows_the_cold_start_s_trace_with_its_dynamodb_calls_and_charts_the_request_metrics()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (apt-get install chromium)");
        using var dynamo = await Dynalite.StartAsync();
        await dynamo.CreateItemsTableAsync(Table);
        using var api = await ItemsApiUnderTest.StartAsync(dynamo.Endpoint, Table);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(api.ConsoleUrl);
        await Assertions.Expect(page.Locator("#feed-status")).ToHaveTextAsync("Live.");

        // The cold start creates an item; the next requests read it and list the table.
        using var created = await api.Http.PostAsync("/items", new StringContent("""{"name":"kettle"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var read = await api.Http.GetAsync(created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var list = await api.Http.GetAsync("/items");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        await Assertions.Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(3);

        var latency = page.Locator("#metrics figure", new() { HasText = "ItemsApi / Latency (Milliseconds)" });
        await Assertions.Expect(latency.Locator("circle")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#metrics figure", new() { HasText = "ItemsApi / Requests (Count)" })).ToHaveCountAsync(1);

        // The first invocation's trace: Initialization, then the PutItem under the function segment.
        await page.GetByRole(AriaRole.Button, new() { Name = "Trace of #1", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#trace-status")).ToContainTextAsync("cold start, Initialization");
        await Assertions.Expect(page.Locator("#trace-table tbody tr:not(.trace-segment) td.trace-name")).ToHaveTextAsync(["Initialization", "Invocation", "Overhead", "DynamoDB (aws)"]);
        await Assertions.Expect(page.Locator("#trace-table tr", new() { HasText = "DynamoDB (aws)" })).ToContainTextAsync($"PutItem {Table} → 200");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("items-api-page.png"), FullPage = true });
        // The README's picture: the trace and the metrics, from the top of the one to the bottom of the other (boxes
        // are relative to the viewport, the full page's clip to the page).
        var trace = (await page.Locator("#trace-section").BoundingBoxAsync())!;
        var metrics = (await page.Locator("#metrics-section").BoundingBoxAsync())!;
        float scrolled = await page.EvaluateAsync<float>("window.scrollY");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Screenshot("items-api.png"),
            FullPage = true,
            Clip = new Clip { X = trace.X, Y = trace.Y + scrolled, Width = trace.Width, Height = metrics.Y + metrics.Height - trace.Y },
        });
    }

    private static string Screenshot(string name) =>
        Path.Combine(Directory.CreateDirectory(Path.Combine(SampleArtifacts.RepoRoot, "artifacts", "console")).FullName, name);
}
