using System.Collections.Concurrent;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.InvokeApi;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>
/// A local function behind the Invoke API whose bootstrap only sleeps: the test plays its runtime with a
/// <see cref="FakeRuntime"/>, so it can send what the real bootstrap does not (yet): streamed responses,
/// trailers, X-Ray causes, replies after the timeout.
/// </summary>
internal sealed class FakeFunction : IAsyncDisposable
{
    public const string InvokePath = "/2015-03-31/functions/function/invocations";
    public const string StreamingInvokePath = "/2015-03-31/functions/function/response-streaming-invocations";
    private readonly ConcurrentQueue<string> _lines = new();
    private string _directory = "";

    public LocalFunction Function { get; private set; } = null!;
    public InvokeServer Server { get; private set; } = null!;
    /// <summary>The invoker's client, on the Invoke API.</summary>
    public HttpClient Http { get; private set; } = null!;
    public FakeRuntime Runtime { get; private set; } = null!;
    public IReadOnlyList<string> Lines => _lines.ToArray();
    public IEnumerable<string> Reports => Lines.Where(l => l.StartsWith("REPORT ", StringComparison.Ordinal));

    public static async Task<FakeFunction> StartAsync(TimeSpan? timeout = null, bool debug = false, long maxStreamedResponseBytes = 209715200,
        int maxQueuedInvokes = FunctionOptions.DefaultMaxQueuedInvokes, TimeProvider? time = null)
    {
        var fake = new FakeFunction { _directory = Directory.CreateTempSubdirectory("fake-bootstrap-").FullName };
        string bootstrap = Path.Combine(fake._directory, "bootstrap");
        await File.WriteAllTextAsync(bootstrap, "#!/bin/sh\nexec sleep 600\n");
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("the fake bootstrap is a shell script: Linux only, like Lambda");
        File.SetUnixFileMode(bootstrap, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        fake.Function = await LocalFunction.StartAsync(new FunctionOptions
        {
            BootstrapPath = bootstrap,
            Debug = debug,
            MaxQueuedInvokes = maxQueuedInvokes,
            Api = new RuntimeApiOptions { Timeout = timeout ?? TimeSpan.FromSeconds(10), MaxStreamedResponseBytes = maxStreamedResponseBytes, TimeProvider = time ?? TimeProvider.System },
        }, (line, _) => fake._lines.Enqueue(line));
        fake.Server = await InvokeServer.StartAsync(fake.Function, 0, (line, _) => fake._lines.Enqueue(line));
        fake.Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{fake.Server.Port}"), Timeout = FakeRuntime.Patience };
        fake.Runtime = new FakeRuntime(fake.Function.Api.Address);
        return fake;
    }

    /// <summary>Invokes over HTTP/1.1; returns once the response headers are in, so its body can be read as it streams.</summary>
    public Task<HttpResponseMessage> InvokeAsync(string payload, string path = InvokePath, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(payload), Version = new Version(1, 1) };
        configure?.Invoke(request);
        return Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    public async ValueTask DisposeAsync()
    {
        Runtime.Dispose();
        Http.Dispose();
        await Server.DisposeAsync();
        await Function.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
