using System.Text.Json;
using LambdaBootstrap.Runtime;
using LambdaBootstrap.Runtime.Handlers;
using LambdaBootstrap.Runtime.Tracing;

namespace RuntimeTests.Tracing;

/// <summary>
/// Subsegments reach a UDP listener standing in for the X-Ray daemon, with the invocation's trace id and the header's
/// parent, only when the trace header says Sampled=1.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class XRaySegmentTests : IAsyncDisposable
{
    private const string FunctionSegment = "53995c3f42cd8ad8";
    private readonly XRayDaemonListener _daemon = XRayDaemonListener.Shared;
    private readonly ClientUnderTest _runtime = new();

    public ValueTask DisposeAsync() => _runtime.DisposeAsync();

    private static string Header(string traceId, bool sampled) => $"Root={traceId};Parent={FunctionSegment};Sampled={(sampled ? 1 : 0)};Lineage=a87bd80c:0";

    private async Task Invoke(string traceHeader, Func<ReadOnlyMemory<byte>, ILambdaContext, ReadOnlyMemory<byte>> handler)
    {
        var loop = _runtime.Loop(LambdaHandler.Bytes(handler));
        _runtime.Api.Enqueue("{}", ("Lambda-Runtime-Trace-Id", traceHeader));
        await _runtime.RunOnceAsync(loop);
    }

    private static double Seconds(JsonElement document, string name) => document.GetProperty(name).GetDouble();

    [Fact]
    public async Task A_sampled_invocation_s_subsegments_reach_the_daemon_under_the_function_s_segment()
    {
        string traceId = XRayDaemonListener.NewTraceId();
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        await Invoke(Header(traceId, sampled: true), (e, context) =>
        {
            using var charge = context.Trace("charge card");
            Assert.True(charge.IsSampled);
            charge.AddAnnotation("customer", "42");
            charge.AddAnnotation("attempt", 2);
            charge.AddAnnotation("retried", true);
            charge.AddMetadata("card", "visa");
            using (var call = charge.Trace("payments.example.com"))
            {
                call.SetHttpRequest("POST", "https://payments.example.com/charges");
                call.SetHttpResponse(503, 17);
            }
            return e;
        });
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

        // The inner subsegment ends first, so it is sent first.
        var call = _daemon.Next(traceId);
        var charge = _daemon.Next(traceId);
        Assert.Empty(_daemon.BadDatagrams);

        Assert.Equal("charge card", charge.GetProperty("name").GetString());
        Assert.Equal("subsegment", charge.GetProperty("type").GetString());
        Assert.Equal(traceId, charge.GetProperty("trace_id").GetString());
        Assert.Equal(FunctionSegment, charge.GetProperty("parent_id").GetString());
        Assert.Matches("^[0-9a-f]{16}$", charge.GetProperty("id").GetString());
        Assert.InRange(Seconds(charge, "start_time"), before - 0.001, Seconds(charge, "end_time"));
        Assert.InRange(Seconds(charge, "end_time"), Seconds(charge, "start_time"), after + 0.001);
        var annotations = charge.GetProperty("annotations");
        Assert.Equal("42", annotations.GetProperty("customer").GetString());
        Assert.Equal(2, annotations.GetProperty("attempt").GetInt64());
        Assert.True(annotations.GetProperty("retried").GetBoolean());
        Assert.Equal("visa", charge.GetProperty("metadata").GetProperty("default").GetProperty("card").GetString());
        Assert.False(charge.TryGetProperty("fault", out _));

        Assert.Equal(charge.GetProperty("id").GetString(), call.GetProperty("parent_id").GetString());
        Assert.Equal("remote", call.GetProperty("namespace").GetString());
        var http = call.GetProperty("http");
        Assert.Equal("POST", http.GetProperty("request").GetProperty("method").GetString());
        Assert.Equal("https://payments.example.com/charges", http.GetProperty("request").GetProperty("url").GetString());
        Assert.Equal(503, http.GetProperty("response").GetProperty("status").GetInt32());
        Assert.Equal(17, http.GetProperty("response").GetProperty("content_length").GetInt64());
        Assert.True(call.GetProperty("fault").GetBoolean());
    }

    [Fact]
    public async Task A_call_to_an_aws_service_is_in_the_aws_namespace_with_its_operation_table_and_region()
    {
        string traceId = XRayDaemonListener.NewTraceId();
        await Invoke(Header(traceId, sampled: true), (e, context) =>
        {
            using var call = context.Trace("DynamoDB");
            call.SetAwsRequest("GetItem", "items", "eu-west-1");
            call.SetHttpResponse(200);
            return e;
        });

        var document = _daemon.Next(traceId);
        Assert.Equal("DynamoDB", document.GetProperty("name").GetString());
        Assert.Equal(FunctionSegment, document.GetProperty("parent_id").GetString());
        Assert.Equal("aws", document.GetProperty("namespace").GetString());
        var aws = document.GetProperty("aws");
        Assert.Equal("GetItem", aws.GetProperty("operation").GetString());
        Assert.Equal("items", aws.GetProperty("table_name").GetString());
        Assert.Equal("eu-west-1", aws.GetProperty("region").GetString());
        Assert.Equal(200, document.GetProperty("http").GetProperty("response").GetProperty("status").GetInt32());
        Assert.False(document.TryGetProperty("fault", out _));
    }

    [Fact]
    public async Task An_exception_is_the_subsegment_s_cause()
    {
        string traceId = XRayDaemonListener.NewTraceId();
        await Invoke(Header(traceId, sampled: true), (e, context) =>
        {
            using var segment = context.Trace("charge card");
            try
            {
                throw new InvalidOperationException("card declined");
            }
            catch (InvalidOperationException ex)
            {
                segment.AddException(ex);
            }
            return e;
        });

        var document = _daemon.Next(traceId);
        Assert.True(document.GetProperty("fault").GetBoolean());
        var exception = document.GetProperty("cause").GetProperty("exceptions")[0];
        Assert.Equal("InvalidOperationException", exception.GetProperty("type").GetString());
        Assert.Equal("card declined", exception.GetProperty("message").GetString());
        Assert.Contains(exception.GetProperty("stack").EnumerateArray(), frame => frame.GetProperty("label").GetString()!.Contains(nameof(An_exception_is_the_subsegment_s_cause)));
    }

    [Fact]
    public async Task Nothing_is_sent_when_the_trace_is_unsampled_or_absent()
    {
        string traceId = XRayDaemonListener.NewTraceId();
        TraceSegment? unsampled = null, absent = null;
        await Invoke(Header(traceId, sampled: false), (e, context) =>
        {
            using (unsampled = context.Trace("not sampled"))
            using (var child = unsampled.Trace("child"))
                child.AddAnnotation("k", "v");
            return e;
        });
        var loop = _runtime.Loop(LambdaHandler.Bytes((e, context) =>
        {
            using (absent = context.Trace("no header"))
                absent.AddAnnotation("k", "v");
            return e;
        }));
        // The scripted API sends a sampled header unless told otherwise: an empty one is no header.
        _runtime.Api.Enqueue("{}", ("Lambda-Runtime-Trace-Id", ""));
        await _runtime.RunOnceAsync(loop);
        Assert.False(unsampled!.IsSampled);
        Assert.False(absent!.IsSampled);
        Assert.Null(unsampled.Id);

        // A sampled segment of the same trace id, sent after them from the same socket, arrives alone.
        using (TraceSegment.ForHeader(Header(traceId, sampled: true), "marker"))
        {
        }
        Assert.Equal("marker", _daemon.Next(traceId).GetProperty("name").GetString());
        Assert.Empty(_daemon.Received(traceId));
    }

    [Theory]
    [InlineData("udp:no-such-host.invalid:2000")]
    [InlineData("udp:[::1:2000")]
    [InlineData("127.0.0.1:1")]
    public void A_daemon_that_cannot_be_reached_loses_the_document_and_throws_nothing(string address)
    {
        var daemon = new XRayDaemon(address);
        Assert.True(daemon.IsConfigured);
        daemon.Send("{\"format\":\"json\",\"version\":1}\n{}"u8);
        daemon.Send(new byte[XRayDaemon.MaxDocumentBytes + 1]);
    }

    [Theory]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", "1-5759e988-bd862e3fe1be46a994272793", "53995c3f42cd8ad8", true)]
    [InlineData("Sampled=0;Root=1-5759e988-bd862e3fe1be46a994272793", "1-5759e988-bd862e3fe1be46a994272793", null, false)]
    [InlineData(" Root=1-a-b ; Parent=p ; Sampled=1 ", "1-a-b", "p", true)]
    public void The_trace_header_s_fields_are_read_in_any_order(string header, string root, string? parent, bool sampled) =>
        Assert.Equal(new TraceHeader(root, parent, sampled), TraceHeader.Parse(header));

    [Fact]
    public void A_header_without_a_root_is_no_trace()
    {
        Assert.Null(TraceHeader.Parse(null));
        Assert.Null(TraceHeader.Parse("Parent=53995c3f42cd8ad8;Sampled=1"));
    }

    [Theory]
    [InlineData("127.0.0.1:2000", "127.0.0.1", 2000)]
    [InlineData("tcp:127.0.0.1:2000 udp:169.254.79.129:2001", "169.254.79.129", 2001)]
    [InlineData("udp:localhost:2000 tcp:127.0.0.1:2001", "localhost", 2000)]
    public void The_daemon_address_s_UDP_endpoint_is_used(string value, string host, int port)
    {
        var endpoint = XRayDaemon.ParseUdpEndpoint(value)!;
        Assert.Equal((host, port), (endpoint.Host, endpoint.Port));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tcp:127.0.0.1:2000")]
    [InlineData("nonsense")]
    public void A_daemon_address_without_a_UDP_endpoint_is_none(string value) => Assert.Null(XRayDaemon.ParseUdpEndpoint(value));
}
