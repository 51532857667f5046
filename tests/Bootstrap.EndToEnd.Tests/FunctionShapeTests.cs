using System.Text.Json;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>
/// Which projects the runtime package's build files treat as a Lambda function (build/package/LambdaBootstrap.Runtime.targets):
/// those that say so, or have the shape the README gave before LambdaFunction existed; never a test project, a library or
/// a console tool that merely sees the package. Evaluated by MSBuild in a scratch project that imports the files laid out
/// as the package lays them out (buildTransitive/ with build/ beneath), after the SDK's targets, where NuGet imports them.
/// </summary>
public sealed class FunctionShapeTests : IDisposable
{
    private const string Exe = "<OutputType>Exe</OutputType>";
    private const string Bootstrap = "<AssemblyName>bootstrap</AssemblyName>";
    private const string Aot = "<PublishAot>true</PublishAot>";

    private readonly LayerScratch _scratch = new();

    [Theory]
    [InlineData("the template's: it says so", $"<LambdaFunction>true</LambdaFunction>{Exe}{Aot}")]
    [InlineData("the README's five properties, from before LambdaFunction", $"{Exe}{Bootstrap}{Aot}")]
    public void A_function_gets_the_Native_AOT_settings(string shape, string properties)
    {
        var evaluated = Evaluate(properties);
        Assert.True(evaluated["LambdaFunction"] == "true", $"{shape}: not a function");
        Assert.Equal("true", evaluated["InvariantGlobalization"]);
        Assert.Equal("false", evaluated["EventSourceSupport"]);
    }

    [Theory]
    [InlineData("a console tool that uses the events package", $"{Exe}{Aot}<AssemblyName>tool</AssemblyName>")]
    [InlineData("a test project", $"{Exe}{Bootstrap}{Aot}<IsTestProject>true</IsTestProject>")]
    [InlineData("an executable without Native AOT", $"{Exe}{Bootstrap}")]
    [InlineData("a library", $"{Bootstrap}{Aot}")]
    [InlineData("today's shape that opts out", $"{Exe}{Bootstrap}{Aot}<LambdaFunction>false</LambdaFunction>")]
    public void Any_other_project_is_left_as_it_is(string shape, string properties)
    {
        var evaluated = Evaluate(properties);
        Assert.True(evaluated["LambdaFunction"] == "false", $"{shape}: taken for a function");
        Assert.Equal("", evaluated["InvariantGlobalization"]);
        Assert.Equal("", evaluated["EventSourceSupport"]);
    }

    [Fact]
    public void A_console_tool_that_sees_the_package_publishes_as_a_plain_dotnet_app()
    {
        // Before, the function checks refused this publish in one line ("PublishAot must be true").
        string project = WriteProject($"{Exe}<AssemblyName>tool</AssemblyName>");
        File.WriteAllText(_scratch["project/Program.cs"], "System.Console.WriteLine(\"tool\");\n");
        var (exitCode, output) = Commands.Run("dotnet", ["publish", project, "--nologo", "-v", "quiet", "-o", _scratch["out"]], _scratch.Path);
        Assert.True(exitCode == 0, output);
        Assert.True(File.Exists(_scratch["out/tool.dll"]), output);
    }

    private Dictionary<string, string> Evaluate(string properties)
    {
        string[] names = ["LambdaFunction", "InvariantGlobalization", "EventSourceSupport"];
        var (exitCode, output) = Commands.Run("dotnet",
            ["msbuild", WriteProject(properties), "-nologo", .. names.Select(n => "-getProperty:" + n)], _scratch.Path);
        Assert.True(exitCode == 0, output);
        using var json = JsonDocument.Parse(output);
        return names.ToDictionary(n => n, n => json.RootElement.GetProperty("Properties").GetProperty(n).GetString()!);
    }

    private string WriteProject(string properties)
    {
        string package = _scratch["package/buildTransitive"];
        Directory.CreateDirectory(Path.Combine(package, "build"));
        File.Copy(Path.Combine(LayerArtifacts.BuildDirectory, "package", "LambdaBootstrap.Runtime.targets"), Path.Combine(package, "LambdaBootstrap.Runtime.targets"), overwrite: true);
        foreach (string file in Directory.GetFiles(LayerArtifacts.BuildDirectory))
            File.Copy(file, Path.Combine(package, "build", Path.GetFileName(file)), overwrite: true);

        // Beside the project's folder, not in it: the package's files are not the project's sources.
        Directory.CreateDirectory(_scratch["project"]);
        string project = _scratch["project/Project.csproj"];
        File.WriteAllText(project, $"""
            <Project>
              <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" />
              <PropertyGroup><TargetFramework>net10.0</TargetFramework>{properties}</PropertyGroup>
              <Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk" />
              <Import Project="{package}/LambdaBootstrap.Runtime.targets" />
            </Project>
            """);
        return project;
    }

    public void Dispose() => _scratch.Dispose();
}
