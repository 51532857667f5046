using System.Diagnostics.CodeAnalysis;

namespace LambdaBootstrap.Runtime;

/// <summary>
/// Whether the runtime runs in portable mode: .NET's managed sockets and standard streams instead of direct libc calls.
/// It is on wherever libc.so.6 is not (macOS, Windows: a function's tests and local runs under the JIT), and on Linux
/// when <c>BOOTSTRAP_PORTABLE=1</c>. An AOT build fixes it at build time (<c>BootstrapPortable</c>, false by default),
/// and the compiler then drops the other mode's code: a Lambda bootstrap carries no managed socket stack.
/// </summary>
internal static class Portable
{
    private const string Switch = "LambdaBootstrap.Runtime.Portable.IsEnabled";
    public const string Variable = "BOOTSTRAP_PORTABLE";

    [FeatureSwitchDefinition(Switch)]
    public static bool IsEnabled => AppContext.TryGetSwitch(Switch, out bool on) ? on : ByDefault.IsEnabled;

    // Read once, and only where no build fixed the mode (a JIT run): its own class, so an AOT build never runs it.
    private static class ByDefault
    {
        public static readonly bool IsEnabled =
            !OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(Variable) == "1";
    }
}
