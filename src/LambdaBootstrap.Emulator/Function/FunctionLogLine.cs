namespace LambdaBootstrap.Emulator.Function;

/// <summary>
/// One line a <see cref="LocalFunction"/> showed: the function's output or a platform line (START, END, REPORT).
/// </summary>
/// <param name="RequestId">The invocation it belongs to: the running one it names, or else the only one running;
/// null when none runs (a cold start's init output, say) or when several run and it names none.</param>
internal readonly record struct FunctionLogLine(string Text, bool IsError, string? RequestId);
