using System.Text;
using System.Text.Json;
using LambdaBootstrap.Runtime.Json;

namespace LambdaBootstrap.Events.Tests;

/// <summary>SQS, SNS, Kinesis and DynamoDB Streams against AWS's sample events.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class QueueAndStreamEventTests
{
    [Fact]
    public void Sqs_sample_round_trips_with_its_fields_and_epoch_timestamps()
    {
        var e = SampleEvents.AssertRoundTrips("sqs.json", SqsJson.Default.SQSEvent);
        Assert.Equal(2, e.Records!.Count);
        var first = e.Records[0];
        Assert.Equal("059f36b4-87a3-44ab-83d2-661975830a7d", first.MessageId);
        Assert.Equal("Test message.", first.Body);
        Assert.Equal("arn:aws:sqs:us-east-2:123456789012:my-queue", first.EventSourceArn);
        Assert.Equal("1", first.Attributes!["ApproximateReceiveCount"]);
        Assert.Equal("myValue", first.MessageAttributes!["myAttribute"].StringValue);
        Assert.Equal("String", first.MessageAttributes["myAttribute"].DataType);
        Assert.Null(first.MessageAttributes["myAttribute"].BinaryValue);
        Assert.Null(first.Md5OfMessageAttributes);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1545082649183), first.SentTime);
        Assert.Equal(new DateTimeOffset(2018, 12, 17, 21, 37, 29, 185, TimeSpan.Zero), first.ApproximateFirstReceiveTime);
        Assert.Empty(e.Records[1].MessageAttributes!);
    }

    [Fact]
    public void Sqs_batch_response_sample_round_trips_and_writes_the_documented_shape()
    {
        var response = SampleEvents.AssertRoundTrips("sqs-batch-response.json", SqsJson.Default.SQSBatchResponse);
        Assert.Equal(["id2", "id4"], response.BatchItemFailures.Select(f => f.ItemIdentifier));

        var written = JsonSerializer.Serialize(new SQSBatchResponse { BatchItemFailures = [new() { ItemIdentifier = "m1" }] }, SqsJson.Default.SQSBatchResponse);
        Assert.Equal("{\"batchItemFailures\":[{\"itemIdentifier\":\"m1\"}]}", written);
        Assert.Equal("{\"batchItemFailures\":[]}", JsonSerializer.Serialize(new SQSBatchResponse(), SqsJson.Default.SQSBatchResponse));
    }

    [Theory]
    [InlineData("sqs.json")]
    [InlineData("sqs-message-attributes.json")]
    public void Sqs_generated_reader_reads_what_the_context_reads(string sample)
    {
        byte[] json = SampleEvents.Bytes(sample);
        var generated = LambdaJsonSerializer.Deserialize<SQSEvent>(json);
        var context = JsonSerializer.Deserialize(json, SqsJson.Default.SQSEvent);
        Assert.NotEmpty(generated!.Records!);
        Assert.Equal(JsonSerializer.Serialize(context, SqsJson.Default.SQSEvent), JsonSerializer.Serialize(generated, SqsJson.Default.SQSEvent));
    }

    [Fact]
    public void Sqs_batch_response_generated_writer_writes_what_the_context_writes()
    {
        var response = new SQSBatchResponse { BatchItemFailures = [new() { ItemIdentifier = "m1" }, new()] };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        LambdaJsonSerializer.Serialize(buffer, response);
        Assert.Equal(JsonSerializer.Serialize(response, SqsJson.Default.SQSBatchResponse), Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Sqs_binary_attribute_is_decoded_from_base64()
    {
        var e = JsonSerializer.Deserialize("""{"Records":[{"messageAttributes":{"b":{"binaryValue":"AAEC/w==","dataType":"Binary"}}}]}""", SqsJson.Default.SQSEvent)!;
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, e.Records![0].MessageAttributes!["b"].BinaryValue);
        Assert.Null(e.Records[0].SentTime);
    }

    [Fact]
    public void Sns_sample_round_trips_with_its_fields_and_timestamp()
    {
        var e = SampleEvents.AssertRoundTrips("sns.json", SnsJson.Default.SNSEvent);
        var record = Assert.Single(e.Records!);
        Assert.Equal("aws:sns", record.EventSource);
        var sns = record.Sns!;
        Assert.Equal("Hello from SNS!", sns.Message);
        Assert.Equal("TestInvoke", sns.Subject);
        Assert.Equal("arn:aws:sns:us-east-1:123456789012:sns-lambda", sns.TopicArn);
        Assert.Equal(new DateTimeOffset(2019, 1, 2, 12, 45, 7, TimeSpan.Zero), sns.Timestamp);
        Assert.Equal("Binary", sns.MessageAttributes!["TestBinary"].Type);
        Assert.Contains("&amp;SubscriptionArn=", sns.UnsubscribeUrl);
    }

    [Fact]
    public void Sns_reads_the_signing_certificate_url_in_either_spelling()
    {
        var e = JsonSerializer.Deserialize("""{"Records":[{"Sns":{"SigningCertURL":"https://example.com/c.pem"}}]}""", SnsJson.Default.SNSEvent)!;
        Assert.Equal("https://example.com/c.pem", e.Records![0].Sns!.SigningCertUrl);
        Assert.Null(e.Records[0].Sns!.Subject);
    }

    [Fact]
    public void Kinesis_sample_round_trips_with_base64_data_and_arrival_time()
    {
        var e = SampleEvents.AssertRoundTrips("kinesis.json", KinesisJson.Default.KinesisEvent);
        Assert.Equal(2, e.Records!.Count);
        var record = e.Records[0].Kinesis!;
        Assert.Equal("Hello, this is a test.", Encoding.UTF8.GetString(record.Data!));
        Assert.Equal("This is only a test.", Encoding.UTF8.GetString(e.Records[1].Kinesis!.Data!));
        Assert.Equal("49590338271490256608559692538361571095921575989136588898", record.SequenceNumber);
        Assert.Equal(new DateTimeOffset(2018, 12, 17, 22, 10, 50, 987, TimeSpan.Zero), record.ApproximateArrivalTime);
        Assert.Null(record.EncryptionType);
        Assert.Equal("arn:aws:iam::123456789012:role/lambda-role", e.Records[0].InvokeIdentityArn);
    }

    [Fact]
    public void Kinesis_data_that_is_not_base64_is_a_json_error()
    {
        Assert.ThrowsAny<JsonException>(() =>
            JsonSerializer.Deserialize("""{"Records":[{"kinesis":{"data":"not base64!"}}]}""", KinesisJson.Default.KinesisEvent));
    }

    [Fact]
    public void DynamoDB_sample_round_trips_with_typed_attribute_values()
    {
        var e = SampleEvents.AssertRoundTrips("dynamodb-stream.json", DynamoDBJson.Default.DynamoDBEvent);
        Assert.Equal(["INSERT", "MODIFY", "REMOVE"], e.Records!.Select(r => r.EventName!));

        var insert = e.Records![0].Dynamodb!;
        Assert.Equal("101", insert.Keys!["Id"].N);
        Assert.Equal("New item!", insert.NewImage!["Message"].S);
        Assert.Null(insert.OldImage);
        Assert.Equal(26, insert.SizeBytes);
        Assert.Equal(new DateTimeOffset(2015, 4, 9, 0, 0, 0, TimeSpan.Zero), insert.ApproximateCreationTime);

        var modify = e.Records[1].Dynamodb!;
        Assert.Equal(insert.ApproximateCreationTime, modify.ApproximateCreationTime); // 1.4285376E9, exponent form
        var image = modify.NewImage!;
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, image["Payload"].B);
        Assert.True(image["Active"].BOOL);
        Assert.True(image["Nothing"].NULL);
        Assert.Equal(["a", "b"], image["Tags"].SS!);
        Assert.Equal(["1", "2.5"], image["Scores"].NS!);
        Assert.Equal([new byte[] { 1 }, new byte[] { 2 }], image["Blobs"].BS!);
        Assert.Equal("Paris", image["Address"].M!["City"].S);
        Assert.False(image["History"].L![2].L![0].BOOL);
        Assert.Null(image["Message"].N);
        Assert.Equal("This item has changed", image["Message"].S);

        var remove = e.Records[2];
        Assert.Equal("dynamodb.amazonaws.com", remove.UserIdentity!.PrincipalId);
        Assert.Null(remove.Dynamodb!.NewImage);
        Assert.Equal(TimeSpan.FromMilliseconds(500), remove.Dynamodb.ApproximateCreationTime - insert.ApproximateCreationTime);
        Assert.Null(e.Records[0].UserIdentity);
    }
}
