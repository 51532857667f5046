using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.HttpFrontDoor;
using LambdaBootstrap.Emulator.Templates;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>
/// A WebSocket API's <c>@connections</c> reached by the official AWS SDK for JavaScript's ApiGatewayManagementApi
/// client (sdk/connections.mjs under Node), as a function would reach it: PostToConnection, GetConnection,
/// DeleteConnection, and GoneException for a connection that is no more.
/// </summary>
public sealed class ConnectionsSdkTests : IAsyncLifetime
{
    private const string Template = """
        Resources:
          Api:
            Type: AWS::ApiGatewayV2::Api
            Properties: { ProtocolType: WEBSOCKET, RouteSelectionExpression: "$request.body.action" }
          Stage:
            Type: AWS::ApiGatewayV2::Stage
            Properties: { ApiId: !Ref Api, StageName: dev }
          DefaultRoute:
            Type: AWS::ApiGatewayV2::Route
            Properties: { ApiId: !Ref Api, RouteKey: $default, Target: !Join [ /, [ integrations, !Ref Integration ] ] }
          Integration:
            Type: AWS::ApiGatewayV2::Integration
            Properties: { ApiId: !Ref Api, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt OnMessage.Arn }
          OnMessage:
            Type: AWS::Serverless::Function
            Properties: { Runtime: provided.al2023, CodeUri: code/ }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("connections-sdk-").FullName;
    private SamTemplate _template = null!;
    private FakeFunction _message = null!;
    private TemplateFrontDoors _doors = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "code"));
        await File.WriteAllTextAsync(Path.Combine(_directory, "code", "bootstrap"), "#!/bin/sh\nexec sleep 600\n");
        await File.WriteAllTextAsync(Path.Combine(_directory, "template.yaml"), Template);
        _template = SamTemplate.Load(Path.Combine(_directory, "template.yaml"));
        _message = await FakeFunction.StartAsync();
        _doors = await TemplateFrontDoors.StartAsync(_template.Apis, new Dictionary<string, LocalFunction> { ["OnMessage"] = _message.Function }, 0,
            TimeProvider.System, (_, _) => { });
    }

    public async Task DisposeAsync()
    {
        await _doors.DisposeAsync();
        await _message.DisposeAsync();
        _template.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task The_sdk_posts_to_describes_and_deletes_a_connection_and_gets_gone_after()
    {
        var server = _doors.WebSocketApis["Api"];
        using var client = new ClientWebSocket();
        client.Options.SetRequestHeader("User-Agent", "sdk-test");
        await client.ConnectAsync(new Uri(server.Url), CancellationToken.None);
        await client.SendAsync(Encoding.UTF8.GetBytes("who am I"), WebSocketMessageType.Text, true, CancellationToken.None);
        var message = await _message.Runtime.NextAsync();
        string id;
        using (var json = JsonDocument.Parse(message.Body))
            id = json.RootElement.GetProperty("requestContext").GetProperty("connectionId").GetString()!;
        await _message.Runtime.RespondAsync(message.RequestId, "{}");
        var buffer = new byte[256];
        var received = client.ReceiveAsync(buffer, CancellationToken.None);

        string calls = $$"""
            [{"op":"post","id":"{{id}}","data":"hi from the sdk"},{"op":"get","id":"{{id}}"},{"op":"delete","id":"{{id}}"},{"op":"post","id":"{{id}}","data":"late"}]
            """;
        using var node = ChildProcess.Start("node", [Path.Combine(SdkClient.Installed, "connections.mjs"), server.ConnectionsEndpoint, calls.Trim()],
            workingDirectory: SdkClient.Installed);
        Assert.Equal(0, await node.Exited.WaitAsync(FakeRuntime.Patience));
        var results = node.Output.Stdout.Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.Equal(200, results[0].GetProperty("status").GetInt32());
        var first = await received.WaitAsync(FakeRuntime.Patience);
        Assert.Equal("hi from the sdk", Encoding.UTF8.GetString(buffer, 0, first.Count));
        Assert.Equal((200, "sdk-test"), (results[1].GetProperty("status").GetInt32(), results[1].GetProperty("userAgent").GetString()));
        Assert.True(DateTimeOffset.Parse(results[1].GetProperty("connectedAt").GetString()!) > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(204, results[2].GetProperty("status").GetInt32());
        Assert.Equal(("GoneException", 410), (results[3].GetProperty("error").GetString(), results[3].GetProperty("status").GetInt32()));
        var closed = await client.ReceiveAsync(buffer, CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Close, closed.MessageType);
    }
}
