using System.Text;
using System.Text.Json;
using Bootstrap.TestSupport.Emulator;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.Parameters;
using LambdaBootstrap.Emulator.Processes;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>
/// The AOT test function reads a parameter and a secret through the emulator's Parameters and Secrets extension with
/// the runtime's client: the values arrive, and a read within the cache's time to live makes no request.
/// </summary>
public sealed class ParametersSecretsFunctionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("parameters-function-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteParameters()
    {
        string file = Path.Combine(_directory, "parameters.yaml");
        File.WriteAllText(file, """
            parameters:
              /app/greeting: hello
              /app/hosts: { type: StringList, value: "a,b", version: 3 }
            secrets:
              app-secret: s3cr3t
              db: { username: admin, port: 5432 }
            """);
        return file;
    }

    private const string Event = """{"parameter": "/app/hosts", "secret": "db"}""";

    [Fact]
    public async Task Each_value_is_requested_once_then_served_from_the_functions_cache()
    {
        var file = ParametersFile.Load(WriteParameters());
        LocalFunction? function = null;
        await using var server = await ParametersSecretsServer.StartAsync(file, 0,
            token => function is not null && token == LambdaEnvironment.SessionToken(function.Options), (_, _) => { });
        function = await LocalFunction.StartAsync(new FunctionOptions
        {
            BootstrapPath = BootstrapBinaries.TestFunction,
            Handler = "configuration",
            Environment = new Dictionary<string, string> { [ParametersSecretsServer.PortVariable] = server.Port.ToString() },
        }, (_, _) => { });
        await using var _ = function;

        var first = await function.InvokeAsync(Encoding.UTF8.GetBytes(Event));
        Assert.False(first.Outcome.IsError, first.Outcome.BodyText);
        var answer = JsonDocument.Parse(first.Outcome.Body).RootElement;
        Assert.Equal("a,b", answer.GetProperty("parameter").GetString());
        Assert.Equal("""{"username":"admin","port":5432}""", answer.GetProperty("secret").GetString());
        Assert.True(answer.GetProperty("readTwiceAlike").GetBoolean());
        Assert.Equal(2, server.Requests); // one each: the second reads came from the cache

        var second = await function.InvokeAsync(Encoding.UTF8.GetBytes(Event));
        Assert.False(second.Outcome.IsError, second.Outcome.BodyText);
        Assert.Equal(2, server.Requests); // the warm process still has both
    }

    [Fact]
    public async Task The_command_line_serves_the_file_to_the_function_on_the_port_it_is_given()
    {
        string template = Path.Combine(_directory, "template.yaml");
        Directory.CreateDirectory(Path.Combine(_directory, "code"));
        File.Copy(BootstrapBinaries.TestFunction, Path.Combine(_directory, "code", "bootstrap"));
        File.WriteAllText(template, """
            Resources:
              Reader:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: provided.al2023
                  Handler: configuration
                  CodeUri: code/
            """);
        using var emulator = await CliUnderTest.StartAsync(
            $"--template {template} --port 0 --parameters {WriteParameters()} --env {ParametersSecretsServer.PortVariable}=0");

        using var response = await emulator.Http.PostAsync("/2015-03-31/functions/Reader/invocations",
            new StringContent("""{"parameter": "/app/greeting", "secret": "app-secret"}"""));
        string body = await response.Content.ReadAsStringAsync();
        Assert.False(response.Headers.Contains("X-Amz-Function-Error"), body);
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.Equal("hello", answer.GetProperty("parameter").GetString());
        Assert.Equal("s3cr3t", answer.GetProperty("secret").GetString());
        Assert.Contains(emulator.Lines, l => l.StartsWith("emulator: Parameters and Secrets extension on http://localhost:", StringComparison.Ordinal));
    }
}
