using System.Diagnostics;

namespace Bootstrap.Samples.Tests;

/// <summary>
/// The sample's AOT bootstrap under the emulator's HTTP front door (API Gateway HTTP API events), with everything it
/// knows of DynamoDB given as environment variables, and a real HTTP client on the front door.
/// </summary>
internal sealed class ItemsApiUnderTest : IDisposable
{
    private readonly Process _process;

    private ItemsApiUnderTest(Process process, OutputLines output, HttpClient http)
    {
        _process = process;
        Output = output;
        Http = http;
    }

    public HttpClient Http { get; }

    /// <summary>The emulator's output, the function's logs in it.</summary>
    public OutputLines Output { get; }

    public static async Task<ItemsApiUnderTest> StartAsync(string dynamoDbEndpoint, string? tableName)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // The emulator passes on none of the test's own environment but these, so the function sees only what is given here.
        info.Environment.Remove("AWS_ACCESS_KEY_ID");
        info.Environment.Remove("AWS_SECRET_ACCESS_KEY");
        info.Environment.Remove("AWS_SESSION_TOKEN");
        info.Environment.Remove("AWS_REGION");
        info.Environment.Remove("AWS_DEFAULT_REGION");
        string[] arguments =
        [
            SampleArtifacts.Emulator, "--bootstrap", SampleArtifacts.ItemsBootstrap, "--handler", "items",
            "--port", "0", "--http-port", "0", "--http-event", "apigateway-v2",
            "--env", $"AWS_ENDPOINT_URL_DYNAMODB={dynamoDbEndpoint}",
            "--env", $"AWS_ACCESS_KEY_ID={Dynalite.AccessKeyId}",
            "--env", $"AWS_SECRET_ACCESS_KEY={Dynalite.SecretAccessKey}",
            "--env", $"AWS_REGION={Dynalite.Region}",
        ];
        foreach (string argument in arguments)
            info.ArgumentList.Add(argument);
        if (tableName is not null)
        {
            info.ArgumentList.Add("--env");
            info.ArgumentList.Add($"TABLE_NAME={tableName}");
        }
        var process = Process.Start(info)!;
        try
        {
            var output = new OutputLines(process);
            int port = await output.WaitForPortAsync("HTTP front door", "http://127.0.0.1:");
            var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = OutputLines.Patience };
            return new ItemsApiUnderTest(process, output, http);
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }

    public void Dispose()
    {
        Http.Dispose();
        Stop(_process);
    }
}
