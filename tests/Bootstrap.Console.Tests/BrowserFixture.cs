using Microsoft.Playwright;

namespace Bootstrap.Console.Tests;

/// <summary>
/// Debian's Chromium (the `chromium` package: no browser is downloaded), headless, driven by Playwright, and the
/// emulator serving the console; shared by the tests of one class, each of which opens its own page.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    /// <summary>Where every run leaves its screenshots.</summary>
    public static readonly string ScreenshotFolder = Path.Combine(BootstrapBinaries.RepoRoot, "artifacts", "console");

    private IPlaywright _playwright = null!;

    public ConsoleUnderTest Emulator { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (apt-get install chromium)");
        Emulator = await ConsoleUnderTest.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh page (its own context: no cookies or storage shared) on the console, loaded and live.</summary>
    public async Task<IPage> OpenConsoleAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(Emulator.Url);
        await Assertions.Expect(page.Locator("#feed-status")).ToHaveTextAsync("Live.", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("input[name=function]")).ToHaveCountAsync(ConsoleUnderTest.Functions.Length);
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        Emulator?.Dispose();
    }
}
