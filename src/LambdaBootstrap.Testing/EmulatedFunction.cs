using System.Text;
using LambdaBootstrap.Emulator;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.Hosting;

namespace LambdaBootstrap.Testing;

/// <summary>
/// A published bootstrap running under the local Lambda emulator, in the test process: started cold on the first
/// invoke with Lambda's environment, one invocation at a time, the timeout enforced, and Lambda's START, END and
/// REPORT lines kept in <see cref="Output"/> beside the function's own output. A bootstrap built for the other
/// architecture runs under qemu-user when it is installed.
/// </summary>
public sealed class EmulatedFunction : IAsyncDisposable
{
    private readonly LocalFunction _function;
    private readonly List<string> _output;
    private int _disposed;

    private EmulatedFunction(LocalFunction function, List<string> output)
    {
        _function = function;
        _output = output;
    }

    /// <summary>Every line so far: the function's stdout and stderr, and the platform's START, END and REPORT lines.</summary>
    public IReadOnlyList<string> Output
    {
        get { lock (_output) return _output.ToArray(); }
    }

    /// <summary>Starts the emulator for <paramref name="bootstrapPath"/> with <c>_HANDLER</c> set to <paramref name="handler"/>.</summary>
    /// <param name="bootstrapPath">The published <c>bootstrap</c> executable.</param>
    /// <param name="handler">The handler name (Lambda's Handler setting).</param>
    /// <param name="timeout">The function's timeout; 30 seconds when null.</param>
    /// <param name="environment">Extra environment variables for the function, over Lambda's own.</param>
    /// <exception cref="InvalidOperationException">The bootstrap is missing or cannot run on this machine.</exception>
    public static async Task<EmulatedFunction> StartAsync(string bootstrapPath, string handler, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var output = new List<string>();
        try
        {
            var function = await LocalFunction.StartAsync(new FunctionOptions
            {
                BootstrapPath = bootstrapPath,
                Handler = handler,
                Environment = environment ?? new Dictionary<string, string>(),
                Api = new() { Timeout = timeout ?? TimeSpan.FromSeconds(30) },
            }, (line, _) => { lock (output) output.Add(line); }).ConfigureAwait(false);
            return new EmulatedFunction(function, output);
        }
        catch (EmulatorException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }

    /// <summary>Invokes the function with a UTF-8 text (usually JSON) event.</summary>
    public Task<EmulatedInvocation> InvokeAsync(string @event) => InvokeAsync(Encoding.UTF8.GetBytes(@event));

    /// <summary>Invokes the function with raw event bytes and waits for its answer (or its error, timeout or crash).</summary>
    public async Task<EmulatedInvocation> InvokeAsync(byte[] @event)
    {
        var result = await _function.InvokeAsync(@event).ConfigureAwait(false);
        var outcome = result.Outcome;
        return new EmulatedInvocation(result.RequestId, outcome.IsError ? outcome.ErrorType ?? "Unhandled" : null, outcome.Body,
            result.DurationMs, result.InitDurationMs);
    }

    /// <summary>Stops the function as Lambda does (SIGTERM first when it registered an extension) and the emulator. Safe to call twice.</summary>
    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _disposed, 1) == 0 ? _function.DisposeAsync() : ValueTask.CompletedTask;
}
