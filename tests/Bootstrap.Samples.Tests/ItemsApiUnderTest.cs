using Bootstrap.TestSupport.Processes;

namespace Bootstrap.Samples.Tests;

/// <summary>
/// The sample's AOT bootstrap under the emulator's HTTP front door (API Gateway HTTP API events), with everything it
/// knows of DynamoDB given as environment variables, and a real HTTP client on the front door.
/// </summary>
internal sealed class ItemsApiUnderTest : IDisposable
{
    private const string FrontDoor = "http://127.0.0.1:";
    private readonly ChildProcess _process;

    private readonly string _tracesDirectory;

    private ItemsApiUnderTest(ChildProcess process, HttpClient http, string tracesDirectory, string consoleUrl)
    {
        _process = process;
        Http = http;
        _tracesDirectory = tracesDirectory;
        ConsoleUrl = consoleUrl;
    }

    public HttpClient Http { get; }

    /// <summary>The emulator's web console, as it printed the address.</summary>
    public string ConsoleUrl { get; }

    /// <summary>The emulator's <c>--traces</c> file: one X-Ray segment document per line, per invocation.</summary>
    public string TracesFile => Path.Combine(_tracesDirectory, "traces.jsonl");

    /// <summary>The first <paramref name="count"/> traces, once the emulator has written them (as each invocation ends).</summary>
    public async Task<IReadOnlyList<string>> WaitForTracesAsync(int count)
    {
        var giveUp = DateTime.UtcNow + Patience.Default;
        while (true)
        {
            string text = File.Exists(TracesFile) ? await ReadSharedAsync(TracesFile) : "";
            // Only whole lines: the emulator writes the newline after the document.
            string[] lines = text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (lines.Length >= count)
                return lines[..count];
            if (DateTime.UtcNow > giveUp)
                throw new TimeoutException($"{lines.Length} of {count} traces within {Patience.Default.TotalSeconds} s; output:\n{Output.Text}");
            await Task.Delay(1);
        }
    }

    /// <summary>The emulator's output, the function's logs in it.</summary>
    public OutputLines Output => _process.Output;

    public static async Task<ItemsApiUnderTest> StartAsync(string dynamoDbEndpoint, string? tableName)
    {
        string tracesDirectory = Directory.CreateTempSubdirectory("items-traces-").FullName;
        List<string> arguments =
        [
            SampleArtifacts.Emulator, "--bootstrap", SampleArtifacts.ItemsBootstrap, "--handler", "items",
            "--port", "0", "--http-port", "0", "--http-event", "apigateway-v2", "--traces", Path.Combine(tracesDirectory, "traces.jsonl"),
            "--env", $"AWS_ENDPOINT_URL_DYNAMODB={dynamoDbEndpoint}",
            "--env", $"AWS_ACCESS_KEY_ID={Dynalite.AccessKeyId}",
            "--env", $"AWS_SECRET_ACCESS_KEY={Dynalite.SecretAccessKey}",
            "--env", $"AWS_REGION={Dynalite.Region}",
        ];
        if (tableName is not null)
            arguments.AddRange(["--env", $"TABLE_NAME={tableName}"]);
        // The emulator passes on none of the test's own environment but these, so the function sees only what is given here.
        string[] hidden = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION"];
        var process = ChildProcess.Start("dotnet", arguments, removeVariables: hidden.Contains);
        try
        {
            string line = await process.Output.WaitForAsync(l => l.Contains("HTTP front door") && l.Contains(FrontDoor));
            string after = line[(line.IndexOf(FrontDoor, StringComparison.Ordinal) + FrontDoor.Length)..];
            int port = int.Parse(new string(after.TakeWhile(char.IsDigit).ToArray()));
            var http = new HttpClient { BaseAddress = new Uri($"{FrontDoor}{port}"), Timeout = Patience.Default };
            string console = await process.Output.WaitForAsync(l => l.Contains("console on "));
            string consoleUrl = console[(console.IndexOf("console on ", StringComparison.Ordinal) + "console on ".Length)..].Split(' ')[0];
            return new ItemsApiUnderTest(process, http, tracesDirectory, consoleUrl);
        }
        catch
        {
            process.Dispose();
            Directory.Delete(tracesDirectory, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        Http.Dispose();
        _process.Dispose();
        Directory.Delete(_tracesDirectory, recursive: true);
    }

    private static async Task<string> ReadSharedAsync(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return await reader.ReadToEndAsync();
    }
}
