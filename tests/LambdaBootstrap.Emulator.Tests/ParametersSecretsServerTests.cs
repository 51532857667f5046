using System.Net;
using System.Text.Json;
using LambdaBootstrap.Emulator.Hosting;
using LambdaBootstrap.Emulator.Parameters;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>The Parameters and Secrets extension's API, served from a --parameters file.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class ParametersSecretsServerTests : IAsyncLifetime
{
    private const string Token = "the-functions-session-token";
    private readonly string _directory = Directory.CreateTempSubdirectory("parameters-").FullName;
    private ParametersSecretsServer _server = null!;
    private HttpClient _http = null!;

    private const string Yaml = """
        parameters:
          /app/greeting: hello
          /app/hosts: { type: StringList, value: "a,b", version: 3, labels: [live] }
          /app/regions: { type: StringList, value: [eu-west-1, us-east-1] }
          /app/password: { type: SecureString, value: hunter2 }
        secrets:
          app-secret: s3cr3t
          db:
            username: admin
            port: 5432
            tls: true
            note: "007"
        """;

    public async Task InitializeAsync()
    {
        string file = Path.Combine(_directory, "parameters.yaml");
        await File.WriteAllTextAsync(file, Yaml);
        _server = await ParametersSecretsServer.StartAsync(ParametersFile.Load(file), 0, token => token == Token, (_, _) => { });
        _http = new HttpClient { BaseAddress = new Uri($"http://localhost:{_server.Port}") };
        _http.DefaultRequestHeaders.Add(ParametersSecretsServer.TokenHeader, Token);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(string path)
    {
        var response = await _http.GetAsync(path);
        string text = await response.Content.ReadAsStringAsync();
        var body = response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return (response.StatusCode, body, response);
    }

    [Fact]
    public async Task A_plain_value_is_a_String_parameter_at_version_1()
    {
        var (status, body, _) = await GetAsync("/systemsmanager/parameters/get?name=%2Fapp%2Fgreeting");
        Assert.Equal(HttpStatusCode.OK, status);
        var parameter = body.GetProperty("Parameter");
        Assert.Equal("/app/greeting", parameter.GetProperty("Name").GetString());
        Assert.Equal("String", parameter.GetProperty("Type").GetString());
        Assert.Equal("hello", parameter.GetProperty("Value").GetString());
        Assert.Equal(1, parameter.GetProperty("Version").GetInt64());
        Assert.Equal("arn:aws:ssm:us-east-1:012345678912:parameter/app/greeting", parameter.GetProperty("ARN").GetString());
        Assert.Equal("text", parameter.GetProperty("DataType").GetString());
    }

    [Fact]
    public async Task The_long_form_gives_type_version_and_labels_which_a_request_may_select()
    {
        var (_, body, _) = await GetAsync("/systemsmanager/parameters/get?name=/app/hosts&version=3");
        Assert.Equal("StringList", body.GetProperty("Parameter").GetProperty("Type").GetString());
        Assert.Equal("a,b", body.GetProperty("Parameter").GetProperty("Value").GetString());
        Assert.Equal(3, body.GetProperty("Parameter").GetProperty("Version").GetInt64());

        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/systemsmanager/parameters/get?name=/app/hosts&label=live")).Status);
        var (_, selected, _) = await GetAsync("/systemsmanager/parameters/get?name=/app/hosts:3");
        Assert.Equal(":3", selected.GetProperty("Parameter").GetProperty("Selector").GetString());
        Assert.Equal("eu-west-1,us-east-1", (await GetAsync("/systemsmanager/parameters/get?name=/app/regions")).Body.GetProperty("Parameter").GetProperty("Value").GetString());

        var (status, error, response) = await GetAsync("/systemsmanager/parameters/get?name=/app/hosts&version=2");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ParameterVersionNotFound", error.GetProperty("__type").GetString());
        Assert.Equal("ParameterVersionNotFound", Assert.Single(response.Headers.GetValues("X-Amzn-ErrorType")));
    }

    [Fact]
    public async Task A_SecureString_is_decrypted_only_when_asked()
    {
        Assert.Equal("hunter2", (await GetAsync("/systemsmanager/parameters/get?name=/app/password&withDecryption=true")).Body.GetProperty("Parameter").GetProperty("Value").GetString());
        Assert.NotEqual("hunter2", (await GetAsync("/systemsmanager/parameters/get?name=/app/password")).Body.GetProperty("Parameter").GetProperty("Value").GetString());
    }

    [Fact]
    public async Task An_unknown_name_is_400_with_the_services_error()
    {
        var (status, body, _) = await GetAsync("/systemsmanager/parameters/get?name=/app/missing");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ParameterNotFound", body.GetProperty("__type").GetString());

        var (secretStatus, secretBody, _) = await GetAsync("/secretsmanager/get?secretId=missing");
        Assert.Equal(HttpStatusCode.BadRequest, secretStatus);
        Assert.Equal("ResourceNotFoundException", secretBody.GetProperty("__type").GetString());
    }

    [Fact]
    public async Task A_secret_is_its_string_or_its_YAML_as_JSON_at_AWSCURRENT()
    {
        var (status, body, _) = await GetAsync("/secretsmanager/get?secretId=app-secret");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("s3cr3t", body.GetProperty("SecretString").GetString());
        Assert.Equal("app-secret", body.GetProperty("Name").GetString());
        Assert.Equal(["AWSCURRENT"], body.GetProperty("VersionStages").EnumerateArray().Select(s => s.GetString()));
        string arn = body.GetProperty("ARN").GetString()!;
        Assert.Matches("^arn:aws:secretsmanager:us-east-1:012345678912:secret:app-secret-[A-Za-z]{6}$", arn);
        Assert.Equal("s3cr3t", (await GetAsync($"/secretsmanager/get?secretId={Uri.EscapeDataString(arn)}")).Body.GetProperty("SecretString").GetString());

        var db = JsonDocument.Parse((await GetAsync("/secretsmanager/get?secretId=db&versionStage=AWSCURRENT")).Body.GetProperty("SecretString").GetString()!).RootElement;
        Assert.Equal("admin", db.GetProperty("username").GetString());
        Assert.Equal(5432, db.GetProperty("port").GetInt32());
        Assert.True(db.GetProperty("tls").GetBoolean());
        Assert.Equal("007", db.GetProperty("note").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync("/secretsmanager/get?secretId=db&versionStage=AWSPREVIOUS")).Status);
    }

    [Fact]
    public async Task A_request_without_the_functions_session_token_is_401()
    {
        using var bare = new HttpClient { BaseAddress = _http.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await bare.GetAsync("/secretsmanager/get?secretId=app-secret")).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/systemsmanager/parameters/get?name=/app/greeting");
        wrong.Headers.Add(ParametersSecretsServer.TokenHeader, "someone-elses");
        Assert.Equal(HttpStatusCode.Unauthorized, (await bare.SendAsync(wrong)).StatusCode);
    }

    [Fact]
    public void The_file_may_be_JSON_and_a_wrong_one_is_one_line()
    {
        string json = Path.Combine(_directory, "parameters.json");
        File.WriteAllText(json, """{"parameters": {"/a": "1", "/b": {"type": "SecureString", "value": "x", "version": 2}}, "secrets": {"s": {"k": "v"}}}""");
        var file = ParametersFile.Load(json);
        var b = file.Parameters["/b"];
        Assert.Equal(("SecureString", "x", 2L), (b.Type, b.Value, b.Version));
        Assert.Equal("1", file.Parameters["/a"].Value);
        Assert.Equal("""{"k":"v"}""", file.Secrets["s"].Value);

        string wrong = Path.Combine(_directory, "wrong.yaml");
        File.WriteAllText(wrong, "parameters:\n  /a: { type: Number, value: 1 }\n");
        var e = Assert.Throws<EmulatorException>(() => ParametersFile.Load(wrong));
        Assert.Contains("String, StringList or SecureString, not Number", e.Message);
    }
}
