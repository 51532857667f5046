using Xunit;

namespace LambdaBootstrap.Testing;

/// <summary>
/// An xunit v3 class fixture for end-to-end tests of a function project: xunit publishes it before the first test
/// of the class (<see cref="LambdaFunctionProject.PublishAsync"/>) and stops the functions it started after the last.
/// Derive from it, naming the project:
/// <code>
/// public sealed class HelloFunction() : LambdaFunctionFixture(FindUpwards("src/Hello/Hello.csproj"));
/// public sealed class EndToEndTests(HelloFunction function) : IClassFixture&lt;HelloFunction&gt; { ... }
/// </code>
/// </summary>
public abstract class LambdaFunctionFixture : LambdaFunctionProject, IAsyncLifetime
{
    /// <param name="projectPath">The function's .csproj, or its folder.</param>
    /// <param name="publishArguments">More arguments for <c>dotnet publish</c>, e.g. <c>-r linux-arm64</c>.</param>
    protected LambdaFunctionFixture(string projectPath, params string[] publishArguments)
        : base(projectPath, publishArguments)
    {
    }

    // Disposal is LambdaFunctionProject's own DisposeAsync: xunit v3's IAsyncLifetime is an IAsyncDisposable.
    ValueTask IAsyncLifetime.InitializeAsync() => new(PublishAsync());
}
