using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LambdaBootstrap.Events.Tests;

/// <summary>
/// The manifest of <c>events/triggers/</c>: the type (and the source-generated metadata a function would use) that
/// reads each fixture. A fixture without an entry, or an entry without a fixture, fails the round-trip check.
/// </summary>
public static class TriggerFixtures
{
    public static readonly IReadOnlyDictionary<string, Action<string>> Types = new Dictionary<string, Action<string>>
    {
        ["alb-multivalue-request.json"] = Of(AlbJson.Default.ApplicationLoadBalancerRequest),
        ["alb-multivalue-response.json"] = Of(AlbJson.Default.ApplicationLoadBalancerResponse),
        ["alb-request.json"] = Of(AlbJson.Default.ApplicationLoadBalancerRequest),
        ["alb-response.json"] = Of(AlbJson.Default.ApplicationLoadBalancerResponse),
        ["apigateway-rest-cognito-request.json"] = Of(ApiGatewayJson.Default.APIGatewayProxyRequest),
        ["apigateway-rest-request.json"] = Of(ApiGatewayJson.Default.APIGatewayProxyRequest),
        ["apigateway-rest-response.json"] = Of(ApiGatewayJson.Default.APIGatewayProxyResponse),
        ["apigateway-websocket-connect.json"] = Of(ApiGatewayJson.Default.APIGatewayProxyRequest),
        ["apigateway-websocket-disconnect.json"] = Of(ApiGatewayJson.Default.APIGatewayProxyRequest),
        ["apigateway-websocket-message.json"] = Of(ApiGatewayJson.Default.APIGatewayProxyRequest),
        ["cloudwatch-logs.decoded.json"] = Of(CloudWatchLogsJson.Default.CloudWatchLogsData),
        ["cloudwatch-logs.json"] = Of(CloudWatchLogsJson.Default.CloudWatchLogsEvent),
        ["codepipeline-job.json"] = Of(CodePipelineJson.Default.CodePipelineJobEvent),
        ["dynamodb-stream.json"] = Of(DynamoDBJson.Default.DynamoDBEvent),
        ["eventbridge-ec2-state-change.json"] = Of(EventBridgeJson.Default.EventBridgeEventJsonElement),
        ["eventbridge-scheduled.json"] = Of(EventBridgeJson.Default.ScheduledEvent),
        ["function-url-request.json"] = Of(HttpApiJson.Default.LambdaFunctionUrlRequest),
        ["httpapi-v2-lambda-authorizer-request.json"] = Of(HttpApiJson.Default.APIGatewayHttpApiV2ProxyRequest),
        ["httpapi-v2-request.json"] = Of(HttpApiJson.Default.APIGatewayHttpApiV2ProxyRequest),
        ["httpapi-v2-response.json"] = Of(HttpApiJson.Default.APIGatewayHttpApiV2ProxyResponse),
        ["kinesis.json"] = Of(KinesisJson.Default.KinesisEvent),
        ["s3-encoded-key.json"] = Of(S3Json.Default.S3Event),
        ["s3-event-types.json"] = Of(S3Json.Default.S3Event),
        ["s3-put.json"] = Of(S3Json.Default.S3Event),
        ["sns-message-attributes.json"] = Of(SnsJson.Default.SNSEvent),
        ["sns.json"] = Of(SnsJson.Default.SNSEvent),
        ["sqs-batch-response.json"] = Of(SqsJson.Default.SQSBatchResponse),
        ["sqs-message-attributes.json"] = Of(SqsJson.Default.SQSEvent),
        ["sqs.json"] = Of(SqsJson.Default.SQSEvent),
    };

    private static Action<string> Of<T>(JsonTypeInfo<T> type) => name => SampleEvents.AssertRoundTrips(name, type);
}
