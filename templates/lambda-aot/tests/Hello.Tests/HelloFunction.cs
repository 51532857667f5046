using LambdaBootstrap.Testing;

namespace Hello.Tests;

/// <summary>
/// The function, published once per test run (Native AOT) and run under the local Lambda emulator by the end-to-end
/// tests. Native AOT links a Linux bootstrap only on Linux: elsewhere nothing is published, and those tests are skipped.
/// </summary>
public sealed class HelloFunction() : LambdaFunctionFixture(FindUpwards("src/Hello/Hello.csproj"))
{
    public override Task PublishAsync() => OperatingSystem.IsLinux() ? base.PublishAsync() : Task.CompletedTask;
}

/// <summary>An end-to-end test: it runs the published bootstrap, so only on Linux.</summary>
public sealed class EndToEndFactAttribute : FactAttribute
{
    public EndToEndFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
            Skip = "the end-to-end tests run the Native AOT bootstrap, which is built on Linux only (CI, WSL or a Linux container); the unit tests run here";
    }
}
