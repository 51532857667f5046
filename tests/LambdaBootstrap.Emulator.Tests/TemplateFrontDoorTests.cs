using System.Net;
using System.Text.Json;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.HttpFrontDoor;
using LambdaBootstrap.Emulator.Templates;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>
/// <c>--template</c> with <c>--http-port</c>: a REST API and an HTTP API of two functions, each with a Lambda authorizer,
/// on one port, reached by a real HTTP client, with the test playing each function's runtime: which function gets
/// which request, the event it gets, and API Gateway's 401, 403 and 404.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class TemplateFrontDoorTests : IAsyncLifetime
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: provided.al2023
            CodeUri: code/
        Resources:
          ItemsApi:
            Type: AWS::Serverless::Api
            Properties:
              StageName: Prod
              Variables: { table: items }
              Auth:
                DefaultAuthorizer: TokenAuthorizer
                Authorizers:
                  TokenAuthorizer:
                    FunctionArn: !GetAtt Authorizer.Arn
                    Identity: { ReauthorizeEvery: 60 }
                  RequestAuthorizer:
                    FunctionArn: !GetAtt Authorizer.Arn
                    FunctionPayloadType: REQUEST
                    Identity: { QueryStrings: [ key ], ReauthorizeEvery: 0 }
          HelloApi:
            Type: AWS::Serverless::HttpApi
            Properties:
              StageName: v1
              Auth:
                Authorizers:
                  SimpleAuthorizer:
                    FunctionArn: !GetAtt Authorizer.Arn
                    AuthorizerPayloadFormatVersion: "2.0"
                    EnableSimpleResponses: true
                    Identity: { Headers: [Authorization], ReauthorizeEvery: 60 }
                  PolicyAuthorizer:
                    FunctionArn: !GetAtt Authorizer.Arn
                    AuthorizerPayloadFormatVersion: "1.0"
                    Identity: { Headers: [X-Key] }
          Items:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                GetItem: { Type: Api, Properties: { RestApiId: !Ref ItemsApi, Path: "/items/{id}", Method: get } }
                Health: { Type: Api, Properties: { RestApiId: !Ref ItemsApi, Path: /health, Method: any, Auth: { Authorizer: NONE } } }
                Orders: { Type: Api, Properties: { RestApiId: !Ref ItemsApi, Path: "/orders/{id}", Method: get, Auth: { Authorizer: RequestAuthorizer } } }
          Hello:
            Type: AWS::Serverless::Function
            Properties:
              FunctionUrlConfig:
                AuthType: NONE
                Cors: { AllowOrigins: [ "https://example.com" ], AllowMethods: [ GET ], MaxAge: 60 }
              Events:
                Hello: { Type: HttpApi, Properties: { ApiId: !Ref HelloApi, Path: "/hello/{name}", Method: GET, Auth: { Authorizer: SimpleAuthorizer } } }
                HelloAda: { Type: HttpApi, Properties: { ApiId: !Ref HelloApi, Path: /hello/ada, Method: GET } }
                Files: { Type: HttpApi, Properties: { ApiId: !Ref HelloApi, Path: "/files/{path+}", Method: ANY } }
                Legacy: { Type: HttpApi, Properties: { ApiId: !Ref HelloApi, Path: /legacy, Method: GET, Auth: { Authorizer: PolicyAuthorizer } } }
                Queue: { Type: SQS, Properties: { Queue: arn:aws:sqs:us-east-1:123456789012:q } }
          Authorizer:
            Type: AWS::Serverless::Function
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("template-door-").FullName;
    private readonly TestClock _clock = new();
    private readonly List<string> _lines = [];
    private SamTemplate _template = null!;
    private FakeFunction _items = null!, _hello = null!, _authorizer = null!;
    private TemplateFrontDoors _doors = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "code"));
        await File.WriteAllTextAsync(Path.Combine(_directory, "code", "bootstrap"), "#!/bin/sh\nexec sleep 600\n");
        await File.WriteAllTextAsync(Path.Combine(_directory, "template.yaml"), Template);
        _template = SamTemplate.Load(Path.Combine(_directory, "template.yaml"));
        _items = await FakeFunction.StartAsync(time: _clock);
        _hello = await FakeFunction.StartAsync(time: _clock);
        _authorizer = await FakeFunction.StartAsync(time: _clock);
        var functions = new Dictionary<string, LocalFunction> { ["Items"] = _items.Function, ["Hello"] = _hello.Function, ["Authorizer"] = _authorizer.Function };
        _doors = await TemplateFrontDoors.StartAsync(_template.Apis, functions, 0, _clock, (line, _) => { lock (_lines) _lines.Add(line); });
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_doors.Apis!.Port}"), Timeout = FakeRuntime.Patience };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _doors.DisposeAsync();
        await _items.DisposeAsync();
        await _hello.DisposeAsync();
        await _authorizer.DisposeAsync();
        _template.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void The_template_gives_each_route_its_api_stage_and_authorizer()
    {
        var routes = _template.Apis.Routes;
        Assert.Equal(["GET /items/{id}", "ANY /health", "GET /orders/{id}", "GET /hello/{name}", "GET /hello/ada", "ANY /files/{path+}", "GET /legacy"],
            routes.Select(r => r.RouteKey));
        Assert.Equal(["TokenAuthorizer", null, "RequestAuthorizer", "SimpleAuthorizer", null, null, "PolicyAuthorizer"], routes.Select(r => r.Authorizer?.Name));
        var token = routes[0].Authorizer!;
        Assert.Equal((AuthorizerKind.RestToken, "Authorizer", TimeSpan.FromSeconds(60)), (token.Kind, token.FunctionId, token.Ttl));
        Assert.Equal(("Prod", true), (routes[0].Api.StageName, routes[0].Api.IsRest));
        Assert.Equal(("v1", false), (routes[3].Api.StageName, routes[3].Api.IsRest));
        Assert.True(routes[3].Authorizer!.SimpleResponses);
        Assert.Equal((AuthorizerKind.RestRequest, TimeSpan.Zero), (routes[2].Authorizer!.Kind, routes[2].Authorizer!.Ttl));
        Assert.Equal(AuthorizerKind.HttpApiV1, routes[6].Authorizer!.Kind);
        var url = Assert.Single(_template.Apis.FunctionUrls);
        Assert.Equal(("Hello", "NONE", false), (url.FunctionId, url.AuthType, url.Streaming));
        Assert.Contains("Hello: event Queue (SQS) is not emulated: invoke the function with its event instead", _template.Warnings);
    }

    [Fact]
    public void Globals_give_the_implicit_apis_their_authorizers_and_stage()
    {
        string path = Path.Combine(_directory, "implicit.yaml");
        File.WriteAllText(path, """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function: { Runtime: provided.al2023, CodeUri: code/ }
              Api: { StageName: dev }
              HttpApi:
                Auth:
                  DefaultAuthorizer: Guard
                  Authorizers:
                    Guard: { FunctionArn: !GetAtt Guard.Arn, AuthorizerPayloadFormatVersion: "2.0", Identity: { Headers: [ Authorization ] } }
            Resources:
              Hello:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    Http: { Type: HttpApi, Properties: { Path: /x, Method: GET } }
                    Rest: { Type: Api, Properties: { Path: /y, Method: GET } }
              Guard:
                Type: AWS::Serverless::Function
            """);
        using var template = SamTemplate.Load(path);

        var routes = template.Apis.Routes;
        Assert.Equal(("ServerlessHttpApi", "$default", "Guard"), (routes[0].Api.LogicalId, routes[0].Api.StageName, routes[0].Authorizer?.Name));
        Assert.Equal(("ServerlessRestApi", "dev", null), (routes[1].Api.LogicalId, routes[1].Api.StageName, routes[1].Authorizer?.Name));
    }

    [Fact]
    public async Task An_http_api_route_runs_its_authorizer_then_its_function_with_the_authorizer_context()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/hello/Ada%20L?x=1");
        request.Headers.Add("Authorization", "secret");
        var answer = _http.SendAsync(request);

        var check = await _authorizer.Runtime.NextAsync();
        using (var json = JsonDocument.Parse(check.Body))
        {
            var root = json.RootElement;
            Assert.Equal(("2.0", "REQUEST"), (root.GetProperty("version").GetString(), root.GetProperty("type").GetString()));
            Assert.Equal("arn:aws:execute-api:us-east-1:012345678912:HelloApi/v1/GET/hello/Ada L", root.GetProperty("routeArn").GetString());
            Assert.Equal(["secret"], root.GetProperty("identitySource").EnumerateArray().Select(v => v.GetString()));
            Assert.Equal("GET /hello/{name}", root.GetProperty("routeKey").GetString());
            Assert.False(root.TryGetProperty("body", out _));
        }
        await _authorizer.Runtime.RespondAsync(check.RequestId, """{"isAuthorized":true,"context":{"user":"ada","level":3}}""");

        var next = await _hello.Runtime.NextAsync();
        using (var json = JsonDocument.Parse(next.Body))
        {
            var root = json.RootElement;
            Assert.Equal("GET /hello/{name}", root.GetProperty("routeKey").GetString());
            Assert.Equal("/v1/hello/Ada%20L", root.GetProperty("rawPath").GetString());
            Assert.Equal("Ada L", root.GetProperty("pathParameters").GetProperty("name").GetString());
            var context = root.GetProperty("requestContext");
            Assert.Equal(("v1", "HelloApi"), (context.GetProperty("stage").GetString(), context.GetProperty("apiId").GetString()));
            Assert.Equal("GET /hello/{name}", context.GetProperty("routeKey").GetString());
            var lambda = context.GetProperty("authorizer").GetProperty("lambda");
            Assert.Equal(("ada", 3), (lambda.GetProperty("user").GetString(), lambda.GetProperty("level").GetInt32()));
        }
        await _hello.Runtime.RespondAsync(next.RequestId, """{"statusCode":200,"body":"hi"}""");
        using var response = await answer;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hi", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_authorizer_answer_is_cached_per_identity_for_its_ttl()
    {
        async Task<HttpResponseMessage> HelloAsync(string token, bool authorizerRuns)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/hello/Ada");
            request.Headers.Add("Authorization", token);
            var answer = _http.SendAsync(request);
            if (authorizerRuns)
            {
                var check = await _authorizer.Runtime.NextAsync();
                await _authorizer.Runtime.RespondAsync(check.RequestId, """{"isAuthorized":true}""");
            }
            var next = await _hello.Runtime.NextAsync();
            await _hello.Runtime.RespondAsync(next.RequestId, """{"statusCode":204}""");
            return await answer;
        }

        (await HelloAsync("one", authorizerRuns: true)).Dispose();
        (await HelloAsync("one", authorizerRuns: false)).Dispose(); // cached: straight to the function
        (await HelloAsync("two", authorizerRuns: true)).Dispose(); // another identity
        _clock.Advance(TimeSpan.FromSeconds(61));
        using var expired = await HelloAsync("one", authorizerRuns: true);
        Assert.Equal(HttpStatusCode.NoContent, expired.StatusCode);
        Assert.Equal(3, _authorizer.Lines.Count(l => l.StartsWith("REPORT ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Without_its_identity_source_a_request_is_401_and_a_denial_403_as_an_http_api_answers()
    {
        using var missing = await _http.GetAsync("/hello/Ada");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("""{"message":"Unauthorized"}""", await missing.Content.ReadAsStringAsync());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/hello/Ada");
        request.Headers.Add("Authorization", "wrong");
        var answer = _http.SendAsync(request);
        var check = await _authorizer.Runtime.NextAsync();
        await _authorizer.Runtime.RespondAsync(check.RequestId, """{"isAuthorized":false}""");
        using var denied = await answer;
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("""{"message":"Forbidden"}""", await denied.Content.ReadAsStringAsync());
        Assert.Empty(_hello.Reports);
    }

    [Fact]
    public async Task A_rest_route_gets_a_token_authorizer_and_a_payload_1_event_with_resource_path_parameters_and_stage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Prod/items/7");
        request.Headers.Add("Authorization", "Bearer abc");
        var answer = _http.SendAsync(request);

        var check = await _authorizer.Runtime.NextAsync();
        using (var json = JsonDocument.Parse(check.Body))
        {
            var root = json.RootElement;
            Assert.Equal("TOKEN", root.GetProperty("type").GetString());
            Assert.Equal("Bearer abc", root.GetProperty("authorizationToken").GetString());
            Assert.Equal("arn:aws:execute-api:us-east-1:012345678912:ItemsApi/Prod/GET/items/7", root.GetProperty("methodArn").GetString());
        }
        await _authorizer.Runtime.RespondAsync(check.RequestId, """
            {"principalId":"user-1","context":{"tier":"gold"},
             "policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":"arn:aws:execute-api:us-east-1:012345678912:ItemsApi/Prod/GET/*"}]}}
            """);

        var next = await _items.Runtime.NextAsync();
        using (var json = JsonDocument.Parse(next.Body))
        {
            var root = json.RootElement;
            Assert.Equal(("/items/{id}", "/items/7"), (root.GetProperty("resource").GetString(), root.GetProperty("path").GetString()));
            Assert.Equal("7", root.GetProperty("pathParameters").GetProperty("id").GetString());
            Assert.Equal("items", root.GetProperty("stageVariables").GetProperty("table").GetString());
            var context = root.GetProperty("requestContext");
            Assert.Equal(("Prod", "/Prod/items/7", "/items/{id}"),
                (context.GetProperty("stage").GetString(), context.GetProperty("path").GetString(), context.GetProperty("resourcePath").GetString()));
            var authorizer = context.GetProperty("authorizer");
            Assert.Equal(("user-1", "gold"), (authorizer.GetProperty("principalId").GetString(), authorizer.GetProperty("tier").GetString()));
        }
        await _items.Runtime.RespondAsync(next.RequestId, """{"statusCode":200,"body":"item 7"}""");
        Assert.Equal("item 7", await (await answer).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_rest_policy_that_denies_is_403_and_a_route_without_authorizer_is_served_without_the_stage_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/items/8");
        request.Headers.Add("Authorization", "Bearer bad");
        var answer = _http.SendAsync(request);
        var check = await _authorizer.Runtime.NextAsync();
        await _authorizer.Runtime.RespondAsync(check.RequestId, """
            {"principalId":"x","policyDocument":{"Statement":[{"Action":"execute-api:Invoke","Effect":"Deny","Resource":"*"}]}}
            """);
        using var denied = await answer;
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("""{"Message":"User is not authorized to access this resource with an explicit deny"}""", await denied.Content.ReadAsStringAsync());

        using var noToken = await _http.GetAsync("/Prod/items/8");
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);

        var health = _http.PostAsync("/health", null);
        var next = await _items.Runtime.NextAsync();
        using (var json = JsonDocument.Parse(next.Body))
            Assert.Equal(("/health", JsonValueKind.Null), (json.RootElement.GetProperty("resource").GetString(), json.RootElement.GetProperty("pathParameters").ValueKind));
        await _items.Runtime.RespondAsync(next.RequestId, """{"statusCode":200,"body":"ok"}""");
        Assert.Equal(HttpStatusCode.OK, (await health).StatusCode);
    }

    [Fact]
    public async Task A_rest_request_authorizer_gets_the_routes_event_and_its_context_reaches_the_function()
    {
        using var missing = await _http.GetAsync("/orders/9");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);

        var answer = _http.GetAsync("/orders/9?key=k1");
        var check = await _authorizer.Runtime.NextAsync();
        using (var json = JsonDocument.Parse(check.Body))
        {
            var root = json.RootElement;
            Assert.Equal(("REQUEST", "/orders/{id}", "9"), (root.GetProperty("type").GetString(), root.GetProperty("resource").GetString(),
                root.GetProperty("pathParameters").GetProperty("id").GetString()));
            Assert.Equal("arn:aws:execute-api:us-east-1:012345678912:ItemsApi/Prod/GET/orders/9", root.GetProperty("methodArn").GetString());
            Assert.Equal("k1", root.GetProperty("queryStringParameters").GetProperty("key").GetString());
        }
        await _authorizer.Runtime.RespondAsync(check.RequestId, """
            {"principalId":"p","context":{"scope":"orders"},"policyDocument":{"Statement":[{"Action":"execute-api:*","Effect":"Allow","Resource":"arn:aws:execute-api:*:*:ItemsApi/*"}]}}
            """);
        var next = await _items.Runtime.NextAsync();
        using (var json = JsonDocument.Parse(next.Body))
            Assert.Equal("orders", json.RootElement.GetProperty("requestContext").GetProperty("authorizer").GetProperty("scope").GetString());
        await _items.Runtime.RespondAsync(next.RequestId, """{"statusCode":200}""");
        Assert.Equal(HttpStatusCode.OK, (await answer).StatusCode);
    }

    [Fact]
    public async Task An_http_api_payload_1_authorizer_gets_a_payload_1_event_and_answers_with_a_policy()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/legacy");
        request.Headers.Add("X-Key", "abc");
        var answer = _http.SendAsync(request);
        var check = await _authorizer.Runtime.NextAsync();
        using (var json = JsonDocument.Parse(check.Body))
        {
            var root = json.RootElement;
            Assert.Equal(("1.0", "REQUEST", "abc"), (root.GetProperty("version").GetString(), root.GetProperty("type").GetString(),
                root.GetProperty("identitySource").GetString()));
            Assert.Equal("GET", root.GetProperty("httpMethod").GetString());
            Assert.Equal("arn:aws:execute-api:us-east-1:012345678912:HelloApi/v1/GET/legacy", root.GetProperty("methodArn").GetString());
        }
        await _authorizer.Runtime.RespondAsync(check.RequestId, """
            {"principalId":"p","context":{"who":"abc"},"policyDocument":{"Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":"arn:aws:execute-api:us-east-1:012345678912:HelloApi/v1/GET/legacy"}]}}
            """);
        var next = await _hello.Runtime.NextAsync();
        using (var json = JsonDocument.Parse(next.Body))
            Assert.Equal("abc", json.RootElement.GetProperty("requestContext").GetProperty("authorizer").GetProperty("lambda").GetProperty("who").GetString());
        await _hello.Runtime.RespondAsync(next.RequestId, """{"statusCode":200}""");
        Assert.Equal(HttpStatusCode.OK, (await answer).StatusCode);
    }

    [Theory]
    [InlineData("GET", "/nothing", 404, """{"message":"Not Found"}""")]
    [InlineData("POST", "/hello/Ada", 404, """{"message":"Not Found"}""")]
    [InlineData("GET", "/v1/nothing", 404, """{"message":"Not Found"}""")]
    [InlineData("GET", "/Prod/nothing", 403, """{"message":"Missing Authentication Token"}""")]
    [InlineData("DELETE", "/Prod/items/7", 403, """{"message":"Missing Authentication Token"}""")]
    public async Task A_request_no_route_takes_is_answered_as_its_api_answers(string method, string path, int status, string body)
    {
        using var response = await _http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/hello/ada", "GET /hello/ada", null)] // an exact path before a variable, even without the authorizer's header
    [InlineData("/files/a/b%20c", "ANY /files/{path+}", "a/b c")]
    public async Task The_most_specific_route_wins(string path, string routeKey, string? greedy)
    {
        var answer = _http.GetAsync(path);
        var next = await _hello.Runtime.NextAsync();
        using (var json = JsonDocument.Parse(next.Body))
        {
            Assert.Equal(routeKey, json.RootElement.GetProperty("routeKey").GetString());
            if (greedy is not null)
                Assert.Equal(greedy, json.RootElement.GetProperty("pathParameters").GetProperty("path").GetString());
        }
        await _hello.Runtime.RespondAsync(next.RequestId, """{"ok":true}""");
        Assert.Equal("""{"ok":true}""", await (await answer).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_function_url_has_its_own_port_a_function_url_event_and_its_cors()
    {
        var server = _doors.FunctionUrls["Hello"];
        Assert.Contains(_doors.Addresses, l => l == $"emulator: function URL of Hello: http://127.0.0.1:{server.Port}/");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Port}"), Timeout = FakeRuntime.Patience };

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/any");
        preflight.Headers.Add("Origin", "https://example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var allowed = await http.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("https://example.com", Assert.Single(allowed.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("60", Assert.Single(allowed.Headers.GetValues("Access-Control-Max-Age")));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/path?q=1");
        request.Headers.Add("Origin", "https://example.com");
        var answer = http.SendAsync(request);
        var next = await _hello.Runtime.NextAsync();
        using (var json = JsonDocument.Parse(next.Body))
        {
            var context = json.RootElement.GetProperty("requestContext");
            string urlId = context.GetProperty("apiId").GetString()!;
            Assert.Equal($"{urlId}.lambda-url.us-east-1.on.aws", context.GetProperty("domainName").GetString());
            Assert.Equal(urlId, context.GetProperty("domainPrefix").GetString());
            Assert.Equal("$default", json.RootElement.GetProperty("routeKey").GetString());
        }
        await _hello.Runtime.RespondAsync(next.RequestId, """{"statusCode":200,"body":"url"}""");
        using var response = await answer;
        Assert.Equal("https://example.com", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }
}
