using System.Net;
using System.Text;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>
/// The command line with <c>--template</c> and <c>--http-port</c>: two functions on the host's real AOT <c>http</c>
/// sample, one behind SAM's implicit REST API and one behind an HTTP API, and a real AOT Lambda authorizer (the test
/// function's <c>authorizer</c>), served on one port to a real HTTP client.
/// </summary>
public sealed class TemplateFrontDoorCliTests : IDisposable
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: provided.al2023
            Handler: http
            CodeUri: code/
        Resources:
          HttpApi:
            Type: AWS::Serverless::HttpApi
            Properties:
              Auth:
                Authorizers:
                  TokenAuthorizer:
                    FunctionArn: !GetAtt Authorizer.Arn
                    AuthorizerPayloadFormatVersion: "2.0"
                    EnableSimpleResponses: true
                    Identity: { Headers: [ Authorization ] }
          Authorizer:
            Type: AWS::Serverless::Function
            Properties:
              Handler: authorizer
              CodeUri: authorizer/
          Rest:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Hello: { Type: Api, Properties: { Path: "/hello/{name}", Method: get } }
          Http:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Echo: { Type: HttpApi, Properties: { ApiId: !Ref HttpApi, Path: /echo, Method: post } }
                Cookies: { Type: HttpApi, Properties: { ApiId: !Ref HttpApi, Path: /cookies, Method: get, Auth: { Authorizer: TokenAuthorizer } } }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("template-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Both_apis_routes_are_served_on_one_port_each_by_its_function()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "code"));
        File.Copy(BootstrapBinaries.Host, Path.Combine(_directory, "code", "bootstrap"));
        Directory.CreateDirectory(Path.Combine(_directory, "authorizer"));
        File.Copy(BootstrapBinaries.TestFunction, Path.Combine(_directory, "authorizer", "bootstrap"));
        string path = Path.Combine(_directory, "template.yaml");
        await File.WriteAllTextAsync(path, Template);
        using var emulator = await CliUnderTest.StartAsync($"--template {path} --port 0 --http-port 0");
        string line = (await emulator.WaitForLinesAsync(l => l.StartsWith("emulator: REST API ServerlessRestApi: GET /hello/{name} -> Rest", StringComparison.Ordinal), 1))[0];
        await emulator.WaitForLinesAsync(l => l.StartsWith("emulator: HTTP API HttpApi: POST /echo -> Http", StringComparison.Ordinal), 1);
        int port = int.Parse(line.Split("http://127.0.0.1:")[1].Split('/')[0]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = CliUnderTest.Patience };

        using var hello = await http.GetAsync("/hello/Ada");
        Assert.Equal("""{"message":"Hello, Ada!"}""", await hello.Content.ReadAsStringAsync());
        using var staged = await http.GetAsync("/Prod/hello/Grace");
        Assert.Equal("""{"message":"Hello, Grace!"}""", await staged.Content.ReadAsStringAsync());
        using var echo = await http.PostAsync("/echo", new StringContent("ping", Encoding.UTF8, "text/plain"));
        Assert.Equal("ping", await echo.Content.ReadAsStringAsync());
        using var missing = await http.GetAsync("/nothing");
        Assert.Equal((HttpStatusCode.NotFound, """{"message":"Not Found"}"""), (missing.StatusCode, await missing.Content.ReadAsStringAsync()));
        using var restMissing = await http.GetAsync("/Prod/nothing");
        Assert.Equal((HttpStatusCode.Forbidden, """{"message":"Missing Authentication Token"}"""), (restMissing.StatusCode, await restMissing.Content.ReadAsStringAsync()));

        var reports = await emulator.WaitForLinesAsync(l => l.Contains("REPORT RequestId"), 3);
        Assert.Equal(2, reports.Count(l => l.StartsWith("[Rest] REPORT", StringComparison.Ordinal)));
        Assert.Single(reports, l => l.StartsWith("[Http] REPORT", StringComparison.Ordinal));

        // A route behind the Lambda authorizer: 401 without the header, 403 when refused, the route when allowed.
        using var anonymous = await http.GetAsync("/cookies");
        Assert.Equal((HttpStatusCode.Unauthorized, """{"message":"Unauthorized"}"""), (anonymous.StatusCode, await anonymous.Content.ReadAsStringAsync()));
        using var refused = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/cookies") { Headers = { { "Authorization", "let-me-in" } } });
        Assert.Equal((HttpStatusCode.Forbidden, """{"message":"Forbidden"}"""), (refused.StatusCode, await refused.Content.ReadAsStringAsync()));
        using var allowed = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/cookies") { Headers = { { "Authorization", "allow-ada" } } });
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("received", await allowed.Content.ReadAsStringAsync());
        Assert.Equal(2, (await emulator.WaitForLinesAsync(l => l.StartsWith("[Authorizer] REPORT", StringComparison.Ordinal), 2)).Count);
    }
}
