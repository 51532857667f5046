using System.Collections.Concurrent;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.InvokeApi;
using LambdaBootstrap.Emulator.RuntimeApi;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>A local function behind the Invoke API on a free port, with every output line kept.</summary>
internal sealed class EmulatorUnderTest : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ConcurrentQueue<string> _lines = new();

    public LocalFunction Function { get; private set; } = null!;
    public InvokeServer Server { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public IReadOnlyList<string> Lines => _lines.ToArray();

    public const string InvokePath = "/2015-03-31/functions/function/invocations";

    public static async Task<EmulatorUnderTest> StartAsync(string handler, string? binary = null, TimeSpan? timeout = null, TimeProvider? time = null,
        Async.EventInvokeConfig? eventInvoke = null)
    {
        var emulator = new EmulatorUnderTest();
        emulator.Function = await LocalFunction.StartAsync(new FunctionOptions
        {
            EventInvoke = eventInvoke ?? Async.EventInvokeConfig.Default,
            BootstrapPath = binary ?? BootstrapBinaries.Host,
            Handler = handler,
            Api = new RuntimeApiOptions { Timeout = timeout ?? TimeSpan.FromSeconds(3), TimeProvider = time ?? TimeProvider.System },
        }, (line, _) => emulator._lines.Enqueue(line));
        emulator.Server = await InvokeServer.StartAsync(emulator.Function, 0, (line, _) => emulator._lines.Enqueue(line));
        emulator.Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{emulator.Server.Port}"), Timeout = Patience };
        return emulator;
    }

    public Task<HttpResponseMessage> InvokeAsync(string payload, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, InvokePath) { Content = new StringContent(payload) };
        configure?.Invoke(request);
        return Http.SendAsync(request);
    }

    public IEnumerable<string> Reports => Lines.Where(l => l.StartsWith("REPORT ", StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        await Function.DisposeAsync();
    }
}
