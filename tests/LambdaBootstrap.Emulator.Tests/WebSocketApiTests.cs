using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.HttpFrontDoor;
using LambdaBootstrap.Emulator.Templates;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>
/// A template's WebSocket API served over Kestrel WebSockets to .NET's <see cref="ClientWebSocket"/>, with the test
/// playing the runtime of each route's function: <c>$connect</c> letting a client in or refusing it, messages routed by
/// the route selection expression, <c>$disconnect</c>, and the <c>@connections</c> management API.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class WebSocketApiTests : IAsyncLifetime
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: provided.al2023
            CodeUri: code/
        Resources:
          ChatApi:
            Type: AWS::ApiGatewayV2::Api
            Properties: { Name: chat, ProtocolType: WEBSOCKET, RouteSelectionExpression: "$request.body.action" }
          ChatStage:
            Type: AWS::ApiGatewayV2::Stage
            Properties: { ApiId: !Ref ChatApi, StageName: prod, AutoDeploy: true }
          ConnectRoute:
            Type: AWS::ApiGatewayV2::Route
            Properties: { ApiId: !Ref ChatApi, RouteKey: $connect, Target: !Join [ /, [ integrations, !Ref ConnectIntegration ] ] }
          ConnectIntegration:
            Type: AWS::ApiGatewayV2::Integration
            Properties:
              ApiId: !Ref ChatApi
              IntegrationType: AWS_PROXY
              IntegrationUri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${OnConnect.Arn}/invocations
          SendRoute:
            Type: AWS::ApiGatewayV2::Route
            Properties: { ApiId: !Ref ChatApi, RouteKey: sendmessage, Target: !Sub "integrations/${MessageIntegration}" }
          DefaultRoute:
            Type: AWS::ApiGatewayV2::Route
            Properties: { ApiId: !Ref ChatApi, RouteKey: $default, Target: !Sub "integrations/${MessageIntegration}" }
          MessageIntegration:
            Type: AWS::ApiGatewayV2::Integration
            Properties:
              ApiId: !Ref ChatApi
              IntegrationType: AWS_PROXY
              IntegrationUri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${OnMessage.Arn}/invocations
          DisconnectRoute:
            Type: AWS::ApiGatewayV2::Route
            Properties: { ApiId: !Ref ChatApi, RouteKey: $disconnect, Target: !Sub "integrations/${DisconnectIntegration}" }
          DisconnectIntegration:
            Type: AWS::ApiGatewayV2::Integration
            Properties:
              ApiId: !Ref ChatApi
              IntegrationType: AWS_PROXY
              IntegrationUri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${OnDisconnect.Arn}/invocations
          OnConnect: { Type: AWS::Serverless::Function }
          OnMessage: { Type: AWS::Serverless::Function }
          OnDisconnect: { Type: AWS::Serverless::Function }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("websocket-").FullName;
    private SamTemplate _template = null!;
    private FakeFunction _connect = null!, _message = null!, _disconnect = null!;
    private TemplateFrontDoors _doors = null!;
    private Uri _url = null!;
    private HttpClient _connections = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "code"));
        await File.WriteAllTextAsync(Path.Combine(_directory, "code", "bootstrap"), "#!/bin/sh\nexec sleep 600\n");
        await File.WriteAllTextAsync(Path.Combine(_directory, "template.yaml"), Template);
        _template = SamTemplate.Load(Path.Combine(_directory, "template.yaml"));
        _connect = await FakeFunction.StartAsync();
        _message = await FakeFunction.StartAsync();
        _disconnect = await FakeFunction.StartAsync();
        var functions = new Dictionary<string, LocalFunction> { ["OnConnect"] = _connect.Function, ["OnMessage"] = _message.Function, ["OnDisconnect"] = _disconnect.Function };
        _doors = await TemplateFrontDoors.StartAsync(_template.Apis, functions, 0, TimeProvider.System, (_, _) => { });
        var server = _doors.WebSocketApis["ChatApi"];
        _url = new Uri(server.Url);
        _connections = new HttpClient { BaseAddress = new Uri(server.ConnectionsEndpoint + "/"), Timeout = FakeRuntime.Patience };
    }

    public async Task DisposeAsync()
    {
        _connections.Dispose();
        await _doors.DisposeAsync();
        await _connect.DisposeAsync();
        await _message.DisposeAsync();
        await _disconnect.DisposeAsync();
        _template.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void The_template_gives_the_api_its_stage_selection_expression_and_each_routes_function()
    {
        var api = Assert.Single(_template.Apis.WebSocketApis);
        Assert.Equal(("ChatApi", "prod", "$request.body.action"), (api.LogicalId, api.StageName, api.RouteSelectionExpression));
        Assert.Equal(new Dictionary<string, string>
        {
            ["$connect"] = "OnConnect", ["sendmessage"] = "OnMessage", ["$default"] = "OnMessage", ["$disconnect"] = "OnDisconnect",
        }, api.Routes);
        Assert.Equal($"ws://127.0.0.1:{_doors.WebSocketApis["ChatApi"].Port}/prod", _url.ToString());
    }

    [Fact]
    public async Task A_connect_answered_with_a_non_2xx_status_refuses_the_client()
    {
        using var client = new ClientWebSocket();
        var connecting = client.ConnectAsync(_url, CancellationToken.None);
        var next = await _connect.Runtime.NextAsync();
        await _connect.Runtime.RespondAsync(next.RequestId, """{"statusCode":401}""");

        await Assert.ThrowsAsync<WebSocketException>(() => connecting);
        Assert.Empty(_disconnect.Reports);
    }

    [Fact]
    public async Task A_client_connects_its_messages_are_routed_a_function_answers_through_connections_and_its_close_is_a_disconnect()
    {
        using var client = new ClientWebSocket();
        client.Options.SetRequestHeader("User-Agent", "chat-test");
        var connecting = client.ConnectAsync(new Uri(_url + "?name=ada"), CancellationToken.None);
        var connect = await _connect.Runtime.NextAsync();
        string connectionId;
        using (var json = JsonDocument.Parse(connect.Body))
        {
            var context = json.RootElement.GetProperty("requestContext");
            Assert.Equal(("$connect", "CONNECT", "prod", "ChatApi"), (context.GetProperty("routeKey").GetString(), context.GetProperty("eventType").GetString(),
                context.GetProperty("stage").GetString(), context.GetProperty("apiId").GetString()));
            connectionId = context.GetProperty("connectionId").GetString()!;
            Assert.Equal("ada", json.RootElement.GetProperty("queryStringParameters").GetProperty("name").GetString());
            Assert.Equal("chat-test", context.GetProperty("identity").GetProperty("userAgent").GetString());
        }
        await _connect.Runtime.RespondAsync(connect.RequestId, """{"statusCode":200}""");
        await connecting;

        await client.SendAsync(Encoding.UTF8.GetBytes("""{"action":"sendmessage","text":"hi"}"""), WebSocketMessageType.Text, true, CancellationToken.None);
        var message = await _message.Runtime.NextAsync();
        using (var json = JsonDocument.Parse(message.Body))
        {
            var context = json.RootElement.GetProperty("requestContext");
            Assert.Equal(("sendmessage", "MESSAGE", connectionId), (context.GetProperty("routeKey").GetString(), context.GetProperty("eventType").GetString(),
                context.GetProperty("connectionId").GetString()));
            Assert.Equal("""{"action":"sendmessage","text":"hi"}""", json.RootElement.GetProperty("body").GetString());
            Assert.StartsWith("127.0.0.1:", context.GetProperty("domainName").GetString());
        }
        // The function answers the client through the management API while its invocation runs.
        using (var posted = await _connections.PostAsync($"@connections/{Uri.EscapeDataString(connectionId)}", new StringContent("hello back")))
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("hello back", await ReceiveTextAsync(client));
        using (var described = await _connections.GetAsync($"@connections/{Uri.EscapeDataString(connectionId)}"))
        using (var json = JsonDocument.Parse(await described.Content.ReadAsStringAsync()))
            Assert.Equal("chat-test", json.RootElement.GetProperty("identity").GetProperty("userAgent").GetString());
        await _message.Runtime.RespondAsync(message.RequestId, """{"statusCode":200}""");

        await client.SendAsync(Encoding.UTF8.GetBytes("""{"action":"unknown"}"""), WebSocketMessageType.Text, true, CancellationToken.None);
        var other = await _message.Runtime.NextAsync();
        using (var json = JsonDocument.Parse(other.Body))
            Assert.Equal("$default", json.RootElement.GetProperty("requestContext").GetProperty("routeKey").GetString());
        await _message.Runtime.RespondAsync(other.RequestId, """{"statusCode":200}""");

        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        var disconnect = await _disconnect.Runtime.NextAsync();
        using (var json = JsonDocument.Parse(disconnect.Body))
        {
            var context = json.RootElement.GetProperty("requestContext");
            Assert.Equal(("$disconnect", "DISCONNECT", connectionId, 1000), (context.GetProperty("routeKey").GetString(), context.GetProperty("eventType").GetString(),
                context.GetProperty("connectionId").GetString(), context.GetProperty("disconnectStatusCode").GetInt32()));
        }
        await _disconnect.Runtime.RespondAsync(disconnect.RequestId, """{"statusCode":200}""");
        using var gone = await _connections.PostAsync($"@connections/{Uri.EscapeDataString(connectionId)}", new StringContent("late"));
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal("GoneException", Assert.Single(gone.Headers.GetValues("x-amzn-ErrorType")));
    }

    [Fact]
    public async Task Deleting_a_connection_closes_it()
    {
        using var client = new ClientWebSocket();
        var connecting = client.ConnectAsync(_url, CancellationToken.None);
        var connect = await _connect.Runtime.NextAsync();
        string connectionId;
        using (var json = JsonDocument.Parse(connect.Body))
            connectionId = json.RootElement.GetProperty("requestContext").GetProperty("connectionId").GetString()!;
        await _connect.Runtime.RespondAsync(connect.RequestId, """{"statusCode":200}""");
        await connecting;

        using var deleted = await _connections.DeleteAsync($"@connections/{Uri.EscapeDataString(connectionId)}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var received = await client.ReceiveAsync(new byte[64], CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Close, received.MessageType);
        await client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        var disconnect = await _disconnect.Runtime.NextAsync();
        await _disconnect.Runtime.RespondAsync(disconnect.RequestId, """{"statusCode":200}""");
    }

    private static async Task<string> ReceiveTextAsync(ClientWebSocket client)
    {
        var buffer = new byte[4096];
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await client.ReceiveAsync(buffer, new CancellationTokenSource(FakeRuntime.Patience).Token);
            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);
        Assert.Equal(WebSocketMessageType.Text, received.MessageType);
        return Encoding.UTF8.GetString(message.ToArray());
    }
}
