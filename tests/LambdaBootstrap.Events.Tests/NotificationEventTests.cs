using System.Text.Json;

namespace LambdaBootstrap.Events.Tests;

/// <summary>S3, EventBridge, CloudWatch Logs and CodePipeline against AWS's sample events.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class NotificationEventTests
{
    [Fact]
    public void S3_sample_round_trips_with_its_fields_and_event_time()
    {
        var e = SampleEvents.AssertRoundTrips("s3-put.json", S3Json.Default.S3Event);
        var record = Assert.Single(e.Records!);
        Assert.Equal("ObjectCreated:Put", record.EventName);
        Assert.Equal(new DateTimeOffset(2019, 9, 3, 19, 37, 27, 192, TimeSpan.Zero), record.EventTime);
        Assert.Equal("DOC-EXAMPLE-BUCKET", record.S3!.Bucket!.Name);
        Assert.Equal("A3I5XTEXAMAI3E", record.S3.Bucket.OwnerIdentity!.PrincipalId);
        Assert.Equal(1305107, record.S3.Object!.Size);
        Assert.Equal("0C0F6F405D6ED209E1", record.S3.Object.Sequencer);
        Assert.Null(record.S3.Object.VersionId);
        Assert.Equal("D82B88E5F771F645", record.ResponseElements!.XAmzRequestId);
        Assert.Equal("205.255.255.255", record.RequestParameters!.SourceIPAddress);
    }

    [Fact]
    public void Scheduled_event_sample_round_trips_with_its_time_and_rule()
    {
        var e = SampleEvents.AssertRoundTrips("eventbridge-scheduled.json", EventBridgeJson.Default.ScheduledEvent);
        Assert.Equal("Scheduled Event", e.DetailType);
        Assert.Equal("aws.events", e.Source);
        Assert.Equal(new DateTimeOffset(2019, 3, 1, 1, 23, 45, TimeSpan.Zero), e.Time);
        Assert.Equal("arn:aws:events:us-east-2:123456789012:rule/my-schedule", Assert.Single(e.Resources!));
        Assert.Equal(JsonValueKind.Object, e.Detail.ValueKind);
        Assert.Empty(e.Detail.EnumerateObject());
    }

    [Fact]
    public void EventBridge_sample_round_trips_with_its_detail()
    {
        var e = SampleEvents.AssertRoundTrips("eventbridge-ec2-state-change.json", EventBridgeJson.Default.EventBridgeEventJsonElement);
        Assert.Equal("EC2 Instance State-change Notification", e.DetailType);
        Assert.Equal("terminated", e.Detail.GetProperty("state").GetString());
    }

    [Fact]
    public void EventBridge_event_with_a_detail_type_of_ones_own()
    {
        var e = JsonSerializer.Deserialize(SampleEvents.Bytes("eventbridge-ec2-state-change.json"), OwnDetailJson.Default.EventBridgeEventInstanceStateChange)!;
        Assert.Equal("i-1234567890abcdef0", e.Detail!.InstanceId);
        Assert.Equal("terminated", e.Detail.State);
    }

    [Fact]
    public void CloudWatch_Logs_sample_round_trips_and_decodes_its_gzip_payload()
    {
        var e = SampleEvents.AssertRoundTrips("cloudwatch-logs.json", CloudWatchLogsJson.Default.CloudWatchLogsEvent);
        var data = e.Decode();
        var expected = System.Text.Json.Nodes.JsonNode.Parse(SampleEvents.Bytes("cloudwatch-logs.decoded.json"));
        SampleEvents.AssertCovers(expected, JsonSerializer.SerializeToNode(data, CloudWatchLogsJson.Default.CloudWatchLogsData), "$");
        Assert.Equal("DATA_MESSAGE", data.MessageType);
        Assert.Equal("/aws/lambda/echo-nodejs", data.LogGroup);
        var log = Assert.Single(data.LogEvents!);
        Assert.StartsWith("REPORT RequestId: 6234bffe", log.Message);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1552518348220), log.Time);
    }

    [Theory]
    [InlineData("""{"awslogs":{}}""", "no awslogs.data")]
    [InlineData("""{"awslogs":{"data":"%%%"}}""", "not valid base64")]
    [InlineData("""{"awslogs":{"data":"aGVsbG8="}}""", "not gzip")]
    public void CloudWatch_Logs_decode_says_what_is_wrong(string json, string message)
    {
        var e = JsonSerializer.Deserialize(json, CloudWatchLogsJson.Default.CloudWatchLogsEvent)!;
        var error = Assert.Throws<FormatException>(e.Decode);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void CodePipeline_sample_round_trips_with_user_parameters_and_credentials()
    {
        var e = SampleEvents.AssertRoundTrips("codepipeline-job.json", CodePipelineJson.Default.CodePipelineJobEvent);
        var job = e.Job!;
        Assert.Equal("c0d76431-b0e7-xmpl-97e3-e8ee786eb6f6", job.Id);
        Assert.Equal("{\"KEY\": \"VALUE\"}", job.Data!.ActionConfiguration!.Configuration!.UserParameters);
        Assert.Equal("my-function", job.Data.ActionConfiguration.Configuration.FunctionName);
        Assert.Equal("AKIAIOSFODNN7EXAMPLE", job.Data.ArtifactCredentials!.AccessKeyId);
        Assert.Equal("IQoJb3JpZ2luX2VjEA...", job.Data.ArtifactCredentials.SessionToken);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1575493418000), job.Data.ArtifactCredentials.Expiration);
        Assert.Equal("my-pipeline/test-api-2/TdOSFRV", job.Data.InputArtifacts![0].Location!.S3Location!.ObjectKey);
        Assert.Null(job.Data.OutputArtifacts![0].Revision);
        Assert.Null(job.Data.ContinuationToken);
        Assert.Null(job.Data.EncryptionKey);
    }

    [Fact]
    public void Missing_optional_members_are_null()
    {
        Assert.Null(JsonSerializer.Deserialize("{}", S3Json.Default.S3Event)!.Records);
        var record = JsonSerializer.Deserialize("""{"Records":[{}]}""", SqsJson.Default.SQSEvent)!.Records![0];
        Assert.Null(record.Body);
        Assert.Null(record.Attributes);
        Assert.Null(record.SentTime);
        var scheduled = JsonSerializer.Deserialize("{}", EventBridgeJson.Default.ScheduledEvent)!;
        Assert.Null(scheduled.Time);
        Assert.Null(scheduled.Resources);
    }
}

public sealed record InstanceStateChange(
    [property: System.Text.Json.Serialization.JsonPropertyName("instance-id")] string InstanceId,
    [property: System.Text.Json.Serialization.JsonPropertyName("state")] string State);

[System.Text.Json.Serialization.JsonSerializable(typeof(EventBridgeEvent<InstanceStateChange>))]
internal sealed partial class OwnDetailJson : System.Text.Json.Serialization.JsonSerializerContext;

[Trait(Tier.Name, Tier.Unit)]
public sealed class EventBridgeWithoutDetailTests
{
    [Fact]
    public void An_event_without_detail_is_written_without_one()
    {
        var e = JsonSerializer.Deserialize("""{"id":"1","detail-type":"x"}""", EventBridgeJson.Default.EventBridgeEventJsonElement)!;
        Assert.Equal("""{"id":"1","detail-type":"x"}""", JsonSerializer.Serialize(e, EventBridgeJson.Default.EventBridgeEventJsonElement));
        var scheduled = JsonSerializer.Deserialize("{}", EventBridgeJson.Default.ScheduledEvent)!;
        Assert.Equal("{}", JsonSerializer.Serialize(scheduled, EventBridgeJson.Default.ScheduledEvent));
    }
}

[Trait(Tier.Name, Tier.Unit)]
public sealed class S3EventTypeTests
{
    [Fact]
    public void An_encoded_key_decodes_to_the_object_key()
    {
        var e = SampleEvents.Read("s3-encoded-key.json", S3Json.Default.S3Event);
        var obj = e.Records![0].S3!.Object!;
        Assert.Equal("my+photos/summer+%281%29%2B%C3%A9.jpg", obj.Key);
        Assert.Equal("my photos/summer (1)+é.jpg", obj.DecodedKey);
    }

    [Fact]
    public void Restore_replication_lifecycle_and_tiering_events_carry_their_data()
    {
        var records = SampleEvents.Read("s3-event-types.json", S3Json.Default.S3Event).Records!;
        Assert.Equal("GLACIER", records[0].GlacierEventData!.RestoreEventData!.LifecycleRestoreStorageClass);
        Assert.Equal("AssumeRoleNotPermitted", records[1].ReplicationEventData!.FailureReason);
        Assert.Equal("STANDARD_IA", records[2].LifecycleEventData!.TransitionEventData!.DestinationStorageClass);
        Assert.Equal("ARCHIVE_ACCESS", records[3].IntelligentTieringEventData!.DestinationAccessTier);
    }
}

[Trait(Tier.Name, Tier.Unit)]
public sealed class IsoTimeConverterTests
{
    [Theory]
    [InlineData("2019-03-01T01:23:45Z", "2019-03-01T01:23:45Z")]
    [InlineData("2019-03-01T01:23:45.120Z", "2019-03-01T01:23:45.12Z")]
    [InlineData("2019-03-01T01:23:45+00:00", "2019-03-01T01:23:45Z")]
    [InlineData("2019-03-01T01:23:45.000+0000", "2019-03-01T01:23:45Z")]
    [InlineData("2019-03-01T03:23:45+02:00", "2019-03-01T03:23:45+02:00")]
    public void Utc_times_are_written_with_Z_and_other_offsets_kept(string time, string written)
    {
        var e = JsonSerializer.Deserialize($$"""{"time":"{{time}}"}""", EventBridgeJson.Default.ScheduledEvent)!;
        Assert.Equal(DateTimeOffset.Parse(time.Replace("+0000", "+00:00"), System.Globalization.CultureInfo.InvariantCulture), e.Time);
        Assert.Equal($$"""{"time":"{{written}}"}""", JsonSerializer.Serialize(e, EventBridgeJson.Default.ScheduledEvent));
    }

    [Fact]
    public void A_null_time_is_null_and_a_malformed_one_is_an_error()
    {
        Assert.Null(JsonSerializer.Deserialize("""{"time":null}""", EventBridgeJson.Default.ScheduledEvent)!.Time);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"time":"yesterday"}""", EventBridgeJson.Default.ScheduledEvent));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"time":12}""", EventBridgeJson.Default.ScheduledEvent));
    }
}
