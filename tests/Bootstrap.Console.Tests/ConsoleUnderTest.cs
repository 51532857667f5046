using System.Text.RegularExpressions;

namespace Bootstrap.Console.Tests;

/// <summary>
/// The emulator's command line serving the functions of a template, all of them the default AOT bootstrap with
/// another handler (greet, fail, stream, echo, context, and one whose handler does not exist), and <c>shop</c>, the
/// <see cref="TracedFunction"/> script that sends X-Ray subsegments and prints EMF metrics; with an events/ folder beside
/// the template; and the console URL it printed at start.
/// </summary>
public sealed partial class ConsoleUnderTest : IDisposable
{
    /// <summary>Each function's name, and its handler.</summary>
    public static readonly (string Name, string Handler)[] Functions =
        [("broken", "no-such-handler"), ("context", "context"), ("echo", "echo"), ("fail", "fail"), ("greet", "greet"), ("shop", "orders"), ("stream", "stream")];

    private readonly string _directory;
    private readonly CliUnderTest _cli;

    private ConsoleUnderTest(CliUnderTest cli, string directory, string url)
    {
        _cli = cli;
        _directory = directory;
        Url = url;
    }

    /// <summary>The console's address as the emulator printed it.</summary>
    public string Url { get; }
    public HttpClient Http => _cli.Http;
    public IReadOnlyList<string> Lines => _cli.Lines;

    public static async Task<ConsoleUnderTest> StartAsync()
    {
        string directory = Directory.CreateTempSubdirectory("console-").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "code"));
        File.Copy(BootstrapBinaries.Host, Path.Combine(directory, "code", "bootstrap"));
        TracedFunction.WriteTo(Directory.CreateDirectory(Path.Combine(directory, "shop")).FullName);
        Directory.CreateDirectory(Path.Combine(directory, "events"));
        File.WriteAllText(Path.Combine(directory, "events", "ada.json"), """{"name": "Ada"}""");
        string resources = string.Concat(Functions.Select(f => $"""

              {char.ToUpperInvariant(f.Name[0])}{f.Name[1..]}Function:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: {f.Name}
                  Handler: {f.Handler}{(f.Name == "shop" ? "\n      CodeUri: shop/" : "")}
            """));
        string template = Path.Combine(directory, "template.yaml");
        File.WriteAllText(template, """
            AWSTemplateFormatVersion: "2010-09-09"
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: provided.al2023
                CodeUri: code/
                MemorySize: 256
                Timeout: 10
            Resources:
            """ + resources + "\n");
        var cli = await CliUnderTest.StartAsync($"--template {template} --port 0 --retry-delay 0.05");
        string line = (await cli.WaitForLinesAsync(l => l.Contains("console on "), 1))[0];
        return new ConsoleUnderTest(cli, directory, ConsoleUrlPattern().Match(line).Value);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/\S*")]
    private static partial Regex ConsoleUrlPattern();

    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
