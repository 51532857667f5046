using System.Text.Json;
using System.Text.Json.Nodes;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>
/// The official AWS SDK for JavaScript's Lambda client (sdk/client.mjs under Node), pointed at an Invoke API: one
/// Node process per run of calls, its results read line by line as they come, so a test can act between them.
/// </summary>
public sealed class SdkClient : IDisposable
{
    private static readonly string Folder = Path.Combine(BootstrapBinaries.RepoRoot, "tests", "LambdaBootstrap.Emulator.Tests", "sdk");
    private static readonly Lazy<string> s_installed = new(Install);

    /// <summary>Installs the SDK (once) and gives the folder of its scripts.</summary>
    internal static string Installed => Path.GetDirectoryName(s_installed.Value)!;
    private readonly ChildProcess _node;
    private int _read;

    private SdkClient(ChildProcess node) => _node = node;

    /// <summary>An <c>InvokeCommand</c> call; <paramref name="parameters"/> as the SDK takes them, Payload as text.</summary>
    public static JsonObject Invoke(JsonObject parameters) => new() { ["op"] = "invoke", ["params"] = parameters };

    /// <summary>An <c>InvokeWithResponseStreamCommand</c> call.</summary>
    public static JsonObject Stream(JsonObject parameters) => new() { ["op"] = "stream", ["params"] = parameters };

    /// <summary>Starts the calls against the Invoke API on <paramref name="port"/>; read their results with <see cref="NextAsync"/>.</summary>
    public static SdkClient Start(int port, params JsonObject[] calls)
    {
        string script = s_installed.Value;
        string callsJson = new JsonArray(calls.Select(c => (JsonNode)c).ToArray()).ToJsonString();
        return new SdkClient(ChildProcess.Start("node", [script, $"http://127.0.0.1:{port}", callsJson], workingDirectory: Folder));
    }

    /// <summary>Runs the calls to the end and gives every line the client printed.</summary>
    public static async Task<IReadOnlyList<JsonElement>> RunAsync(int port, params JsonObject[] calls)
    {
        using var client = Start(port, calls);
        var lines = new List<JsonElement>();
        while (await client.NextOrEndAsync() is { } line)
            lines.Add(line);
        return lines;
    }

    /// <summary>The next line the client printed (a result, or an event of a response stream).</summary>
    public async Task<JsonElement> NextAsync() =>
        await NextOrEndAsync() ?? throw new InvalidOperationException($"the SDK client ended early: {string.Join("\n", _node.Output.Stderr)}");

    /// <summary>The next line on stdout once it has come, or null when the client has exited without printing another.</summary>
    private async Task<JsonElement?> NextOrEndAsync()
    {
        var line = _node.Output.WaitForLinesAsync(_ => true, _read + 1, FakeRuntime.Patience, stdoutOnly: true);
        await Task.WhenAny(line, _node.Exited).WaitAsync(FakeRuntime.Patience);
        if (!line.IsCompleted || line.IsFaulted)
        {
            int code = await _node.Exited;
            if (_node.Output.Stdout.Count <= _read)
            {
                if (code != 0)
                    throw new InvalidOperationException($"the SDK client failed ({code}): {string.Join("\n", _node.Output.Stderr)}");
                return null;
            }
        }
        return JsonDocument.Parse(_node.Output.Stdout[_read++]).RootElement.Clone();
    }

    /// <summary>The script, with the SDK installed from the committed lock file (npm ci) if it is not yet.</summary>
    private static string Install()
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "@aws-sdk", "client-lambda"))
            || !Directory.Exists(Path.Combine(Folder, "node_modules", "@aws-sdk", "client-apigatewaymanagementapi")))
        {
            var (exitCode, output) = Commands.Run("npm", ["ci", "--no-audit", "--no-fund"], Folder);
            if (exitCode != 0)
                throw new InvalidOperationException($"`npm ci` in {Folder} failed:\n{output}");
        }
        return Path.Combine(Folder, "client.mjs");
    }

    public void Dispose() => _node.Dispose();
}
