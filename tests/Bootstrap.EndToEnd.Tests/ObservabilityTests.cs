using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LambdaBootstrap.Emulator.RuntimeApi;
using RuntimeTests.Metrics;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>
/// The AOT test function's <c>observed</c> handler: its JSON log line carries the appended key, the cold start and the
/// exception's fields; its EMF line passes the specification's rules; its X-Ray subsegment reaches a UDP listener
/// standing in for the daemon, under the trace header's parent.
/// </summary>
[Trait(Suite.Name, Suite.Conformance)]
public sealed class ObservabilityTests
{
    [Fact]
    public async Task Logs_metrics_and_an_X_Ray_subsegment_come_out_of_the_AOT_bootstrap()
    {
        using var daemon = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var options = new RuntimeApiOptions { FunctionName = "orders" };
        await using var function = await FunctionUnderTest.StartAsync("observed", options, new Dictionary<string, string>
        {
            ["AWS_LAMBDA_LOG_FORMAT"] = "JSON",
            ["AWS_XRAY_DAEMON_ADDRESS"] = $"127.0.0.1:{((IPEndPoint)daemon.Client.LocalEndPoint!).Port}",
        }, BootstrapBinaries.TestFunction);

        const string traceId = "1-5759e988-bd862e3fe1be46a994272793";
        var invocation = function.Api.Enqueue("{}"u8.ToArray(), new InvokeOptions { TraceId = $"Root={traceId};Parent=53995c3f42cd8ad8;Sampled=1" });
        Assert.False((await invocation.Outcome.WaitAsync(FunctionUnderTest.Patience)).IsError);

        using var received = new CancellationTokenSource(FunctionUnderTest.Patience);
        string datagram = Encoding.UTF8.GetString((await daemon.ReceiveAsync(received.Token)).Buffer);
        var lines = datagram.Split('\n', 2);
        Assert.Equal("{\"format\":\"json\",\"version\":1}", lines[0]);
        using (var segment = JsonDocument.Parse(lines[1]))
        {
            var root = segment.RootElement;
            Assert.Equal("charge card", root.GetProperty("name").GetString());
            Assert.Equal(traceId, root.GetProperty("trace_id").GetString());
            Assert.Equal("53995c3f42cd8ad8", root.GetProperty("parent_id").GetString());
            Assert.Equal("A-1", root.GetProperty("annotations").GetProperty("order").GetString());
        }

        static bool IsEmf(string line) => line.StartsWith("{\"_aws\"", StringComparison.Ordinal);
        await function.WaitForStdoutAsync(IsEmf);
        string emf = function.Stdout.Single(IsEmf);
        Assert.Empty(EmfValidator.Problems(emf));
        using (var metrics = JsonDocument.Parse(emf))
            Assert.Equal(1, metrics.RootElement.GetProperty("Orders").GetDouble());

        static bool IsFailure(string line) => line.Contains("charge failed", StringComparison.Ordinal);
        await function.WaitForStdoutAsync(IsFailure);
        string logLine = function.Stdout.Single(IsFailure);
        using var log = JsonDocument.Parse(logLine);
        var fields = log.RootElement;
        Assert.Equal(invocation.RequestId, fields.GetProperty("requestId").GetString());
        Assert.Equal("InvalidOperationException", fields.GetProperty("errorType").GetString());
        Assert.Equal("card declined", fields.GetProperty("errorMessage").GetString());
        Assert.Equal("A-1", fields.GetProperty("order").GetString());
        Assert.True(fields.GetProperty("cold_start").GetBoolean());
        Assert.Equal("orders", fields.GetProperty("function_name").GetString());
        Assert.Equal(options.FunctionArn, fields.GetProperty("function_arn").GetString());
    }
}
