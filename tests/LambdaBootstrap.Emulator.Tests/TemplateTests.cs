using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using LambdaBootstrap.Emulator.Templates;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>--template: the functions of a SAM or CloudFormation template, each run on its own.</summary>
public sealed class TemplateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("template-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private const string SeveralFunctions = """
        AWSTemplateFormatVersion: "2010-09-09"
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            MemorySize: 256
            Timeout: 7
            Environment:
              Variables:
                SHARED: from-globals
        Resources:
          Describer:
            Type: AWS::Serverless::Function
            Properties:
              FunctionName: describer
              Runtime: provided.al2023
              Handler: context
              CodeUri: describer/
              Tracing: Active
              Events:
                Api:
                  Type: Api
                  Properties: { Path: /describe, Method: get }
              Environment:
                Variables:
                  OWN: mine
                  FROM_PARAMETER: !Ref Stage
          Greeter:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: provided.al2
              Handler: greet
              Code: greeter.zip
              Timeout: 5
              Layers:
                - !Ref RuntimeLayer
          RuntimeLayer:
            Type: AWS::Serverless::LayerVersion
            Properties:
              ContentUri: runtime-layer.zip
          Python:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: python/
        """;

    /// <summary>The template above with its code: the default bootstrap in a folder, and in a layer zip behind a code zip without one.</summary>
    private string WriteSeveralFunctions()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "describer"));
        File.Copy(BootstrapBinaries.Host, Path.Combine(_directory, "describer", "bootstrap"));
        using (var code = ZipFile.Open(Path.Combine(_directory, "greeter.zip"), ZipArchiveMode.Create))
            code.CreateEntry("README.md");
        using (var layer = ZipFile.Open(Path.Combine(_directory, "runtime-layer.zip"), ZipArchiveMode.Create))
            layer.CreateEntryFromFile(BootstrapBinaries.Host, "bootstrap");
        string path = Path.Combine(_directory, "template.yaml");
        File.WriteAllText(path, SeveralFunctions);
        return path;
    }

    [Fact]
    public void A_template_gives_each_runnable_function_with_its_settings_and_names_what_it_leaves_out()
    {
        using var template = SamTemplate.Load(WriteSeveralFunctions());

        Assert.Equal(["Describer", "Greeter"], template.Functions.Select(f => f.LogicalId));
        var describer = template.Functions[0];
        Assert.Equal("describer", describer.Name);
        Assert.Equal(Path.Combine(_directory, "describer", "bootstrap"), describer.BootstrapPath);
        Assert.Equal(("context", 256, 7.0), (describer.Handler, describer.MemoryMb, describer.TimeoutSeconds));
        Assert.Equal(new Dictionary<string, string> { ["SHARED"] = "from-globals", ["OWN"] = "mine" }, describer.Environment);

        var greeter = template.Functions[1];
        Assert.Equal("Greeter", greeter.Name);
        Assert.Equal(("greet", 128, 5.0), (greeter.Handler, greeter.MemoryMb, greeter.TimeoutSeconds)); // Globals are SAM's alone
        Assert.True(File.Exists(greeter.BootstrapPath));
        Assert.NotEqual(Path.Combine(_directory, "bootstrap"), greeter.BootstrapPath); // unpacked from the layer zip

        Assert.Equal([
            "Describer: not emulated: Tracing",
            "Describer: environment variable FROM_PARAMETER is not a plain value: not set",
            "Python: not run: Runtime python3.12 is not provided.al2023 or provided.al2",
        ], template.Warnings);
    }

    [Fact]
    public async Task Several_functions_run_each_with_its_own_process_REPORT_lines_and_names()
    {
        using var emulator = await CliUnderTest.StartAsync($"--template {WriteSeveralFunctions()} --port 0 --env FROM_FLAG=1");
        await emulator.WaitForLinesAsync(l => l == "emulator: template: Describer: not emulated: Tracing", 1);

        using var described = await emulator.Http.PostAsync("/2015-03-31/functions/describer/invocations", new StringContent("{}"));
        using var json = JsonDocument.Parse(await described.Content.ReadAsStringAsync());
        Assert.Equal("describer", json.RootElement.GetProperty("functionName").GetString());
        Assert.Equal(256, json.RootElement.GetProperty("memoryLimitInMB").GetInt32());
        using var byLogicalId = await emulator.Http.PostAsync("/2015-03-31/functions/Describer/invocations", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.OK, byLogicalId.StatusCode);
        using var greeted = await emulator.Http.PostAsync("/2015-03-31/functions/Greeter/invocations", new StringContent("{\"name\":\"Ada\"}"));
        Assert.Equal("{\"message\":\"Hello, Ada!\"}", await greeted.Content.ReadAsStringAsync());
        using var python = await emulator.Http.PostAsync("/2015-03-31/functions/Python/invocations", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NotFound, python.StatusCode);

        var reports = await emulator.WaitForLinesAsync(l => l.Contains("REPORT RequestId"), 3);
        Assert.Equal(2, reports.Count(l => l.StartsWith("[describer] REPORT") && l.Contains("Memory Size: 256 MB")));
        Assert.Single(reports, l => l.StartsWith("[Greeter] REPORT") && l.Contains("Memory Size: 128 MB") && l.Contains("Init Duration"));
        Assert.Single(reports, l => l.StartsWith("[describer] REPORT") && l.Contains("Init Duration")); // one cold start each
    }

    [Fact]
    public void Parameter_defaults_and_conditions_choose_the_resources_and_the_layer_long_form_or_short()
    {
        using (var layer = ZipFile.Open(Path.Combine(_directory, "chosen.zip"), ZipArchiveMode.Create))
            layer.CreateEntryFromFile(BootstrapBinaries.Host, "bootstrap");
        string path = Path.Combine(_directory, "conditions.yaml");
        File.WriteAllText(path, """
            Parameters:
              Flavour: { Type: String, Default: chosen }
              Size: { Type: Number, Default: 512 }
            Conditions:
              IsChosen: !Equals [!Ref Flavour, chosen]
              IsOther:
                Fn::Not: [{ Condition: IsChosen }]
            Resources:
              Chosen:
                Type: AWS::Serverless::LayerVersion
                Condition: IsChosen
                Properties: { ContentUri: chosen.zip }
              Other:
                Type: AWS::Serverless::LayerVersion
                Condition: IsOther
                Properties: { ContentUri: missing.zip }
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: provided.al2023
                  Handler: !If [IsChosen, echo, greet]
                  MemorySize: { Ref: Size }
                  Environment:
                    Variables:
                      REGION: !Ref AWS::Region
                      GONE: { Ref: AWS::NoValue }
                  Layers:
                    - Fn::If: [IsOther, { Ref: Other }, !Ref Chosen]
              Skipped:
                Type: AWS::Serverless::Function
                Condition: IsOther
                Properties: { Runtime: provided.al2023, CodeUri: missing/ }
            """);
        using var template = SamTemplate.Load(path);
        var function = Assert.Single(template.Functions);
        Assert.Equal(("echo", 512), (function.Handler, function.MemoryMb));
        Assert.Equal(new Dictionary<string, string> { ["REGION"] = "us-east-1" }, function.Environment);
        Assert.EndsWith("bootstrap", function.BootstrapPath);
        Assert.Empty(template.Warnings); // AWS::NoValue removes GONE, as CloudFormation does
    }

    [Fact]
    public void The_executables_of_the_layers_extensions_folders_are_the_functions_extensions_a_later_layers_winning()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "code"));
        File.WriteAllText(Path.Combine(_directory, "code", "bootstrap"), "#!/bin/sh\n");
        string Extension(string layer, string name, bool executable = true)
        {
            string folder = Path.Combine(_directory, layer, "extensions");
            Directory.CreateDirectory(folder);
            string path = Path.Combine(folder, name);
            File.WriteAllText(path, "#!/bin/sh\n");
            if (!OperatingSystem.IsLinux())
                throw new PlatformNotSupportedException("extensions are Linux executables, as on Lambda");
            File.SetUnixFileMode(path, executable ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute : UnixFileMode.UserRead | UnixFileMode.UserWrite);
            return path;
        }
        Extension("first", "shared");
        string firstOnly = Extension("first", "first-only");
        Extension("first", "notes.txt", executable: false);
        string shared = Extension("second", "shared");
        string path = Path.Combine(_directory, "extensions.yaml");
        File.WriteAllText(path, """
            Resources:
              First: { Type: AWS::Serverless::LayerVersion, Properties: { ContentUri: first/ } }
              Second: { Type: AWS::Serverless::LayerVersion, Properties: { ContentUri: second/ } }
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: provided.al2023
                  CodeUri: code/
                  Layers: [!Ref First, !Ref Second]
            """);
        using var template = SamTemplate.Load(path);
        var function = Assert.Single(template.Functions);
        Assert.Equal([shared, firstOnly], function.Extensions.OrderByDescending(Path.GetFileName).Select(Path.GetFullPath));
    }

    [Fact]
    public async Task The_repositorys_layer_template_runs_as_it_is()
    {
        _ = BootstrapBinaries.Layer;
        string path = Path.Combine(BootstrapBinaries.RepoRoot, "layer", "template.yaml");
        using (var template = SamTemplate.Load(path))
        {
            Assert.Empty(template.Warnings);
            var greet = Assert.Single(template.Functions);
            Assert.Equal(("GreetFunction", "greet", 128, 10.0), (greet.Name, greet.Handler, greet.MemoryMb, greet.TimeoutSeconds));
        }

        using var emulator = await CliUnderTest.StartAsync($"--template {path} --port 0");
        using var response = await emulator.Http.PostAsync("/2015-03-31/functions/GreetFunction/invocations", new StringContent("{\"name\":\"Ada\"}"));
        Assert.Equal("{\"message\":\"Hello, Ada!\"}", await response.Content.ReadAsStringAsync());
        Assert.Empty(emulator.Errors);
    }

    [Theory]
    [InlineData("Resources: {}\n", "has no function the emulator can run")]
    [InlineData("Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: { Runtime: nodejs22.x, Handler: x }\n",
        "has no function the emulator can run (AWS::Serverless::Function or AWS::Lambda::Function on provided.al2023 or provided.al2): F: not run: Runtime nodejs22.x")]
    [InlineData("Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: { Runtime: provided.al2023, CodeUri: missing/ }\n",
        "F: not run: its code missing/ is not there (relative to the template)")]
    [InlineData("Description: x\n", "has no Resources")]
    [InlineData("Resources: [unclosed\n", "line ")]
    public async Task A_template_it_cannot_run_is_refused_in_one_line(string yaml, string message)
    {
        string path = Path.Combine(_directory, "bad.yaml");
        File.WriteAllText(path, yaml);
        var (code, stdout, stderr) = await CliUnderTest.RunAsync($"--template {path}");
        Assert.Equal(2, code);
        Assert.Empty(stdout.Trim());
        string line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith($"bootstrap-emulator: template {path}", line);
        Assert.Contains(message, line);
    }

    [Fact]
    public async Task Per_function_options_do_not_go_with_a_template()
    {
        string path = Path.Combine(_directory, "any.yaml");
        File.WriteAllText(path, "Resources: {}\n");
        var (code, _, stderr) = await CliUnderTest.RunAsync($"--template {path} --handler echo");
        Assert.Equal(2, code);
        Assert.Equal("bootstrap-emulator: --handler does not go with --template: the template sets it per function", stderr.Trim());
    }
}
