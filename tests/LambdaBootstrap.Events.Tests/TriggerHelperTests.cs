using System.Text;
using System.Text.Json;

namespace LambdaBootstrap.Events.Tests;

/// <summary>The helpers the newer triggers carry where AWS's format is awkward: decoding, builders, replies.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class TriggerHelperTests
{
    [Fact]
    public void Vpc_lattice_v2_reads_a_lone_header_string_as_one_value_and_writes_lists()
    {
        var e = JsonSerializer.Deserialize("""{"headers":{"accept":"*/*","x-tag":["a","b"]}}""", VpcLatticeJson.Default.VpcLatticeRequestV2)!;
        Assert.Equal(["*/*"], e.Headers!["accept"]);
        Assert.Equal(["a", "b"], e.Headers["x-tag"]);
        Assert.Equal("""{"headers":{"accept":["*/*"],"x-tag":["a","b"]},"isBase64Encoded":false}""",
            JsonSerializer.Serialize(e, VpcLatticeJson.Default.VpcLatticeRequestV2));
    }

    [Fact]
    public void Kafka_record_decodes_its_key_value_and_headers_in_order()
    {
        var e = SampleEvents.Read("kafka-msk.json", KafkaJson.Default.KafkaEvent);
        var record = e.Records!["orders-0"][0];
        Assert.Equal("order-1042", Encoding.UTF8.GetString(record.DecodeKey()!));
        Assert.Equal("""{"id":1042,"status":"paid"}""", record.DecodeValueText());
        Assert.Equal(["traceparent", "content-type", "retry", "retry"], record.DecodeHeaders().Select(h => h.Key));
        Assert.Equal("application/json", record.HeaderText("content-type"));
        Assert.Equal(new byte[] { 0, 0, 0, 4 }, record.DecodeHeaders().Last(h => h.Key == "retry").Value);
        Assert.Null(record.HeaderText("missing"));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1713169812360), record.Time);

        var tombstone = e.Records["orders-0"][1];
        Assert.Null(tombstone.DecodeKey());
        Assert.Empty(tombstone.DecodeValue());
        Assert.Empty(tombstone.DecodeHeaders());
    }

    [Fact]
    public void Firehose_records_decode_and_the_response_encodes()
    {
        var e = SampleEvents.Read("firehose-transformation.json", KinesisFirehoseJson.Default.KinesisFirehoseEvent);
        Assert.Equal("{\"page\":\"/home\",\"ms\":42}\n", Encoding.UTF8.GetString(e.Records![0].DecodeData()));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1713169812345), e.Records[0].ApproximateArrivalTime);

        var record = new KinesisFirehoseResponse.FirehoseRecord { RecordId = "r1", Result = KinesisFirehoseResponse.TRANSFORMED_STATE_OK };
        record.EncodeData("hi"u8);
        var written = JsonSerializer.Serialize(new KinesisFirehoseResponse { Records = [record] }, KinesisFirehoseJson.Default.KinesisFirehoseResponse);
        Assert.Equal("""{"records":[{"recordId":"r1","result":"Ok","data":"aGk="}]}""", written);
        Assert.Equal(("Dropped", "ProcessingFailed"), (KinesisFirehoseResponse.TRANSFORMED_STATE_DROPPED, KinesisFirehoseResponse.TRANSFORMED_STATE_PROCESSINGFAILED));
    }

    [Fact]
    public void Authorizer_policy_builder_writes_the_documented_policy()
    {
        var response = new APIGatewayCustomAuthorizerResponse
        {
            PrincipalId = "user-17",
            PolicyDocument = APIGatewayCustomAuthorizerPolicy.Allow("arn:aws:execute-api:eu-west-1:123456789012:abc/prod/GET/*"),
        };
        Assert.Equal(
            """{"principalId":"user-17","policyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"execute-api:Invoke","Resource":"arn:aws:execute-api:eu-west-1:123456789012:abc/prod/GET/*"}]}}""",
            JsonSerializer.Serialize(response, ApiGatewayAuthorizerJson.Default.APIGatewayCustomAuthorizerResponse));
        var deny = APIGatewayCustomAuthorizerPolicy.Deny("a", "b").Statement![0];
        Assert.Equal(("Deny", 2), (deny.Effect, deny.Resource!.Count));
    }

    [Theory]
    [InlineData("\"one\"", new[] { "one" })]
    [InlineData("[\"one\"]", new[] { "one" })]
    [InlineData("[\"one\",\"two\"]", new[] { "one", "two" })]
    public void Policy_elements_read_a_string_or_a_list(string json, string[] expected)
    {
        var response = JsonSerializer.Deserialize($$$"""{"policyDocument":{"Statement":[{"Effect":"Allow","Action":{{{json}}},"Resource":{{{json}}}}]}}""",
            ApiGatewayAuthorizerJson.Default.APIGatewayCustomAuthorizerResponse)!;
        var statement = response.PolicyDocument!.Statement![0];
        Assert.Equal(expected, statement.Action);
        Assert.Equal(expected, statement.Resource);
    }

    [Fact]
    public void Authorizer_requests_of_each_kind_carry_what_decides()
    {
        var token = SampleEvents.Read("apigateway-authorizer-token-request.json", ApiGatewayAuthorizerJson.Default.APIGatewayCustomAuthorizerRequest);
        Assert.Equal(("TOKEN", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"), (token.Type, token.AuthorizationToken));
        var websocket = SampleEvents.Read("apigateway-authorizer-websocket-request.json", ApiGatewayAuthorizerJson.Default.APIGatewayCustomAuthorizerRequest);
        Assert.Equal(("$connect", "abc"), (websocket.RequestContext!.RouteKey, websocket.QueryStringParameters!["token"]));
        var v2 = SampleEvents.Read("httpapi-authorizer-v2-request.json", ApiGatewayAuthorizerJson.Default.APIGatewayCustomAuthorizerV2Request);
        Assert.Equal(["Bearer abc", "queryValue1"], v2.IdentitySource);
        var simple = SampleEvents.Read("httpapi-authorizer-simple-response.json", ApiGatewayAuthorizerJson.Default.APIGatewayCustomAuthorizerV2SimpleResponse);
        Assert.True(simple.IsAuthorized);
        Assert.Equal(2, simple.Context!["tier"].GetInt32());
    }

    [Fact]
    public void Cognito_triggers_read_their_request_and_write_their_response()
    {
        var e = SampleEvents.Read("cognito-pre-signup.json", CognitoPreSignupJson.Default.CognitoPreSignupEvent);
        Assert.Equal(("PreSignUp_SignUp", "XK2-991"), (e.TriggerSource, e.Request!.ValidationData!["invite"]));
        e.Response = new() { AutoConfirmUser = true };
        var written = JsonSerializer.SerializeToNode(e, CognitoPreSignupJson.Default.CognitoPreSignupEvent)!;
        Assert.Equal("""{"autoConfirmUser":true}""", written["response"]!.ToJsonString());

        var define = SampleEvents.Read("cognito-define-auth-challenge.json", CognitoDefineAuthChallengeJson.Default.CognitoDefineAuthChallengeEvent);
        Assert.Equal([true, false], define.Request!.Session!.Select(s => s.ChallengeResult!.Value));
    }

    [Fact]
    public void CloudFormation_reply_copies_the_request_ids()
    {
        var request = SampleEvents.Read("cloudformation-update.json", CloudFormationJson.Default.CloudFormationCustomResourceRequest);
        var reply = request.Reply("SUCCESS", request.PhysicalResourceId!);
        Assert.Equal((request.StackId, request.RequestId, "Thing", "thing-demo"), (reply.StackId, reply.RequestId, reply.LogicalResourceId, reply.PhysicalResourceId));
        Assert.Equal("3", request.OldResourceProperties!["Size"].GetString());
    }

    [Fact]
    public void Lex_dialog_actions_write_their_type()
    {
        var response = new LexV2Response { SessionState = new() { DialogAction = LexV2DialogAction.ElicitSlot("CheckIn") } };
        Assert.Equal("""{"sessionState":{"dialogAction":{"type":"ElicitSlot","slotToElicit":"CheckIn"}}}""", JsonSerializer.Serialize(response, LexV2Json.Default.LexV2Response));
        var e = SampleEvents.Read("lexv2-dialog.json", LexV2Json.Default.LexV2Event);
        var slots = e.SessionState!.Intent!.Slots!;
        Assert.Null(slots["CheckIn"]);
        Assert.Equal(["Breakfast", "Parking"], slots["Extras"]!.Values!.Select(v => v.Value!.InterpretedValue));
    }

    [Fact]
    public void Tumbling_window_events_carry_window_and_state()
    {
        var e = SampleEvents.Read("kinesis-time-window.json", KinesisTimeWindowJson.Default.KinesisTimeWindowEvent);
        Assert.Equal(("2024-04-15T08:30:00Z", "4", false), (e.Window!.Start, e.State!["count"], e.IsFinalInvokeForWindow));
        Assert.Single(e.Records!);
        var d = SampleEvents.Read("dynamodb-time-window.json", DynamoDBTimeWindowJson.Default.DynamoDBTimeWindowEvent);
        Assert.True(d.IsFinalInvokeForWindow);
    }

    [Fact]
    public void EventBridge_detail_shapes_are_typed()
    {
        var s3 = SampleEvents.Read("eventbridge-s3-object-created.json", S3ObjectJson.Default.S3ObjectEvent);
        Assert.Equal(("my photos/cat (1).jpg", 48213L), (s3.Detail!.Object!.Key, s3.Detail.Object.Size!.Value));
        Assert.Equal(new DateTimeOffset(2024, 4, 15, 8, 30, 12, TimeSpan.Zero), s3.Time);
        var scan = SampleEvents.Read("eventbridge-ecr-scan.json", ECRImageScanJson.Default.ECRImageScanEvent);
        Assert.Equal(1, scan.Detail!.FindingSeverityCounts!["CRITICAL"]);
        var ecs = SampleEvents.Read("eventbridge-ecs-task-state-change.json", ECSTaskStateChangeJson.Default.ECSTaskStateChangeEvent);
        Assert.Equal(("STOPPED", 1), (ecs.Detail!.LastStatus, ecs.Detail.Containers![0].ExitCode!.Value));
        var alarm = SampleEvents.Read("eventbridge-cloudwatch-alarm.json", CloudWatchAlarmStateChangeJson.Default.CloudWatchAlarmStateChangeEvent);
        Assert.Equal("ALARM", alarm.Detail!.State!.Value);
    }

    [Fact]
    public void Mq_messages_decode_their_data()
    {
        var active = SampleEvents.Read("activemq.json", AmazonMQJson.Default.ActiveMQEvent);
        Assert.Equal("{\"id\":1042}", Encoding.UTF8.GetString(active.Messages![0].DecodeData()));
        var rabbit = SampleEvents.Read("rabbitmq.json", AmazonMQJson.Default.RabbitMQEvent);
        Assert.Equal("{\"id\":1042}", Encoding.UTF8.GetString(rabbit.RmqMessagesByQueue!["orders::/"][0].DecodeData()));
    }
}

[Trait(Tier.Name, Tier.Unit)]
public sealed class CloudFormationResponseSenderTests
{
    [Fact]
    public async Task The_response_is_put_to_the_response_url_without_a_content_type()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var request = new CloudFormationCustomResourceRequest
        {
            ResponseURL = $"http://127.0.0.1:{port}/bucket/key?X-Amz-Signature=sig",
            StackId = "stack", RequestId = "req", LogicalResourceId = "Thing",
        };
        var received = ReceiveOneAsync(listener);

        await CloudFormationResponseSender.SendAsync(request, request.Reply("SUCCESS", "thing-1"));

        var put = await received;
        Assert.Equal(("PUT", "/bucket/key?X-Amz-Signature=sig"), (put.Method, put.Path));
        Assert.Null(put.Header("Content-Type"));
        Assert.Equal("""{"Status":"SUCCESS","PhysicalResourceId":"thing-1","StackId":"stack","RequestId":"req","LogicalResourceId":"Thing"}""", put.BodyText);
    }

    [Fact]
    public async Task A_refused_response_throws()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var request = new CloudFormationCustomResourceRequest { ResponseURL = $"http://127.0.0.1:{port}/expired" };
        var received = ReceiveOneAsync(listener, "403 Forbidden");
        await Assert.ThrowsAsync<HttpRequestException>(() => CloudFormationResponseSender.SendAsync(request, request.Reply("FAILED", "x", "boom")));
        await received;
    }

    /// <summary>Reads one HTTP request and answers it with <paramref name="status"/>.</summary>
    private static async Task<RawRequest> ReceiveOneAsync(System.Net.Sockets.TcpListener listener, string status = "200 OK")
    {
        using var socket = await listener.AcceptTcpClientAsync();
        var stream = socket.GetStream();
        var request = await new RawHttpReader(stream).ReadRequestAsync();
        Assert.NotNull(request);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        return request;
    }
}
