using System.Net.WebSockets;
using System.Text;
using Amazon.DynamoDBv2.Model;
using Bootstrap.TestSupport.Processes;

namespace Bootstrap.Samples.Tests;

/// <summary>
/// The Chat sample end to end: its SAM template under the emulator (the WebSocket API and the one function behind
/// its three routes, a real AOT bootstrap), DynamoDB as dynalite, and two .NET <see cref="ClientWebSocket"/> clients.
/// </summary>
public sealed class ChatTests
{
    private const string Table = "connections";
    private const string WebSocketLine = "emulator: WebSocket API ChatApi: ";
    private const string Report = "REPORT RequestId"; // the one function's lines have no [name] prefix

    [Fact]
    public async Task A_message_from_one_client_reaches_the_other_through_connections_and_a_disconnect_is_delivered()
    {
        using var dynamo = await Dynalite.StartAsync();
        await dynamo.CreateTableAsync(Table, "connectionId");
        _ = SampleArtifacts.ChatBootstrap; // says how to build it when it is missing
        // The emulator passes on none of the test's own AWS settings: the functions see only what is given here.
        string[] hidden = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION"];
        using var emulator = ChildProcess.Start("dotnet",
        [
            SampleArtifacts.Emulator, "--template", SampleArtifacts.ChatTemplate, "--port", "0", "--http-port", "0",
            "--env", $"TABLE_NAME={Table}",
            "--env", $"AWS_ENDPOINT_URL_DYNAMODB={dynamo.Endpoint}",
            "--env", $"AWS_ACCESS_KEY_ID={Dynalite.AccessKeyId}",
            "--env", $"AWS_SECRET_ACCESS_KEY={Dynalite.SecretAccessKey}",
            "--env", $"AWS_REGION={Dynalite.Region}",
        ], removeVariables: hidden.Contains);
        string line = await emulator.Output.WaitForAsync(l => l.StartsWith(WebSocketLine, StringComparison.Ordinal));
        var url = new Uri(line[WebSocketLine.Length..].Split(' ')[0]);

        using var ada = new ClientWebSocket();
        using var grace = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(Patience.Default);
        await ada.ConnectAsync(url, timeout.Token);
        await grace.ConnectAsync(url, timeout.Token);
        Assert.Equal(2, (await ScanAsync(dynamo)).Count);

        await ada.SendAsync(Encoding.UTF8.GetBytes("""{"action":"sendmessage","message":"hello, Grace"}"""), WebSocketMessageType.Text, true, timeout.Token);
        Assert.Equal("hello, Grace", await ReceiveAsync(grace, timeout.Token));

        await grace.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
        // Invocations so far: two $connect, one sendmessage, then the $disconnect.
        await emulator.Output.WaitForLinesAsync(l => l.StartsWith(Report, StringComparison.Ordinal), 4);
        Assert.Single(await ScanAsync(dynamo)); // the $disconnect route forgot Grace

        await ada.SendAsync(Encoding.UTF8.GetBytes("""{"action":"sendmessage","message":"anyone?"}"""), WebSocketMessageType.Text, true, timeout.Token);
        await emulator.Output.WaitForLinesAsync(l => l.StartsWith(Report, StringComparison.Ordinal), 5);
        Assert.DoesNotContain(emulator.Output.All, l => l.Contains("Unhandled", StringComparison.Ordinal) || l.Contains("\"errorType\"", StringComparison.Ordinal));
        await ada.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
    }

    private static async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(Dynalite dynamo)
    {
        using var client = dynamo.Client();
        return (await client.ScanAsync(new ScanRequest { TableName = Table, ConsistentRead = true })).Items ?? [];
    }

    private static async Task<string> ReceiveAsync(ClientWebSocket client, CancellationToken cancel)
    {
        var buffer = new byte[4096];
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await client.ReceiveAsync(buffer, cancel);
            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }
}
