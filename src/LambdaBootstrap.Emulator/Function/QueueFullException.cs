using LambdaBootstrap.Emulator.Hosting;

namespace LambdaBootstrap.Emulator.Function;

/// <summary>An invoke refused because <see cref="FunctionOptions.MaxQueuedInvokes"/> invokes already wait for the function.</summary>
internal sealed class QueueFullException(string functionName, int waiting)
    : EmulatorException($"Rate Exceeded: {waiting} invokes already wait for function '{functionName}' (the emulator's --max-queued)");
