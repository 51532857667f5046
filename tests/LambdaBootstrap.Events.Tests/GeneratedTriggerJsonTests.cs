using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using LambdaBootstrap.Runtime.Json;

namespace LambdaBootstrap.Events.Tests;

/// <summary>
/// The triggers whose types are <c>[LambdaJson]</c> as well as in a context: on every sample of the trigger, the
/// generated reader reads what the context reads, and the generated writer writes the context's bytes.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class GeneratedTriggerJsonTests
{
    [Theory]
    [InlineData("dynamodb-stream.json")]
    public void DynamoDB_event_generated_code_matches_the_context(string sample) =>
        AssertGeneratedMatchesContext(sample, DynamoDBJson.Default.DynamoDBEvent);

    [Theory]
    [InlineData("streams-batch-response.json")]
    public void DynamoDB_batch_response_generated_code_matches_the_context(string sample) =>
        AssertGeneratedMatchesContext(sample, DynamoDBJson.Default.SQSBatchResponse);

    [Theory]
    [InlineData("kinesis.json")]
    public void Kinesis_event_generated_code_matches_the_context(string sample) =>
        AssertGeneratedMatchesContext(sample, KinesisJson.Default.KinesisEvent);

    [Theory]
    [InlineData("streams-batch-response.json")]
    public void Kinesis_batch_response_generated_code_matches_the_context(string sample) =>
        AssertGeneratedMatchesContext(sample, KinesisJson.Default.SQSBatchResponse);

    [Theory]
    [InlineData("firehose-transformation.json")]
    public void Firehose_event_generated_code_matches_the_context(string sample) =>
        AssertGeneratedMatchesContext(sample, KinesisFirehoseJson.Default.KinesisFirehoseEvent);

    [Theory]
    [InlineData("firehose-transformation-response.json")]
    public void Firehose_response_generated_code_matches_the_context(string sample) =>
        AssertGeneratedMatchesContext(sample, KinesisFirehoseJson.Default.KinesisFirehoseResponse);

    [Theory]
    [InlineData("ses.json")]
    public void Ses_event_generated_code_matches_the_context(string sample) =>
        AssertGeneratedMatchesContext(sample, SimpleEmailJson.Default.SimpleEmailEvent);

    [Theory]
    [InlineData("ses-disposition-response.json")]
    public void Ses_disposition_generated_code_matches_the_context(string sample) =>
        AssertGeneratedMatchesContext(sample, SimpleEmailJson.Default.SimpleEmailDisposition);

    /// <summary>
    /// Reads the sample both ways and compares the two values as the context writes them (which must also keep every
    /// value of the sample, so an empty read cannot pass); then writes the context's value both ways, byte for byte.
    /// </summary>
    private static void AssertGeneratedMatchesContext<T>(string sample, JsonTypeInfo<T> context) where T : ILambdaJson<T>
    {
        byte[] json = SampleEvents.Bytes(sample);
        var throughContext = JsonSerializer.Deserialize(json, context)!;
        var throughGenerated = LambdaJsonSerializer.Deserialize<T>(json)!;

        string expected = JsonSerializer.Serialize(throughContext, context);
        string actual = JsonSerializer.Serialize(throughGenerated, context);
        SampleEvents.AssertCovers(JsonNode.Parse(json), JsonNode.Parse(actual), "$");
        Assert.Equal(expected, actual);

        var written = new ArrayBufferWriter<byte>();
        LambdaJsonSerializer.Serialize(written, throughContext);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(throughContext, context), written.WrittenSpan.ToArray());
    }
}
