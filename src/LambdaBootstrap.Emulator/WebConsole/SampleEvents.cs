using LambdaBootstrap.Emulator.InvokeApi;

namespace LambdaBootstrap.Emulator.WebConsole;

/// <summary>
/// The events the console's editor offers: a sample of each trigger the events library reads (the project's
/// <c>events/triggers/</c>, which the library's tests check it against, embedded in this assembly), and the JSON files
/// of the project's <c>events/</c> folders, read when asked for, so a file added while the emulator runs shows up.
/// </summary>
internal sealed class SampleEvents(IReadOnlyList<string> eventFolders)
{
    public const string TriggerGroup = "Trigger samples";
    private const string TriggerPrefix = "trigger:";
    private const string FilePrefix = "file:";
    private const int MaxFiles = 200;
    private const long MaxFileBytes = InvokeServer.MaxSyncPayloadBytes;

    private const string ResourcePrefix = "samples/";

    /// <summary>What each embedded sample (resource samples/FILE) is, in the order the console lists them.</summary>
    private static readonly (string File, string Name)[] Names =
    [
        ("apigateway-rest-request.json", "API Gateway REST API (payload 1.0)"),
        ("apigateway-websocket-connect.json", "API Gateway WebSocket ($connect)"),
        ("apigateway-websocket-message.json", "API Gateway WebSocket (message)"),
        ("apigateway-websocket-disconnect.json", "API Gateway WebSocket ($disconnect)"),
        ("httpapi-v2-request.json", "API Gateway HTTP API (payload 2.0)"),
        ("function-url-request.json", "Function URL"),
        ("alb-request.json", "Application Load Balancer"),
        ("sqs.json", "SQS"),
        ("sns.json", "SNS"),
        ("s3-put.json", "S3 (ObjectCreated:Put)"),
        ("s3-event-types.json", "S3 (restore, replication, lifecycle, tiering)"),
        ("dynamodb-stream.json", "DynamoDB Streams"),
        ("kinesis.json", "Kinesis"),
        ("eventbridge-ec2-state-change.json", "EventBridge (EC2 state change)"),
        ("eventbridge-scheduled.json", "EventBridge schedule"),
        ("cloudwatch-logs.json", "CloudWatch Logs"),
        ("codepipeline-job.json", "CodePipeline job"),
        ("apigateway-authorizer-token-request.json", "API Gateway Lambda authorizer (TOKEN)"),
        ("apigateway-authorizer-request-request.json", "API Gateway Lambda authorizer (REQUEST)"),
        ("apigateway-authorizer-websocket-request.json", "API Gateway WebSocket authorizer ($connect)"),
        ("httpapi-authorizer-v2-request.json", "HTTP API Lambda authorizer (payload 2.0)"),
        ("cognito-pre-signup.json", "Cognito pre sign-up"),
        ("cognito-post-confirmation.json", "Cognito post confirmation"),
        ("cognito-pre-authentication.json", "Cognito pre authentication"),
        ("cognito-post-authentication.json", "Cognito post authentication"),
        ("cognito-custom-message.json", "Cognito custom message"),
        ("cognito-define-auth-challenge.json", "Cognito define auth challenge"),
        ("cognito-create-auth-challenge.json", "Cognito create auth challenge"),
        ("cognito-verify-auth-challenge.json", "Cognito verify auth challenge"),
        ("cognito-migrate-user.json", "Cognito migrate user"),
        ("cognito-pre-token-generation.json", "Cognito pre token generation"),
        ("cognito-pre-token-generation-v2.json", "Cognito pre token generation (V2)"),
        ("cognito-custom-email-sender.json", "Cognito custom email sender"),
        ("cognito-custom-sms-sender.json", "Cognito custom SMS sender"),
        ("codedeploy-lifecycle-hook.json", "CodeDeploy lifecycle hook"),
        ("bedrock-agent-api.json", "Bedrock agent action group (API)"),
        ("bedrock-agent-function.json", "Bedrock agent action group (function)"),
        ("clientvpn-connection.json", "Client VPN client connect handler"),
        ("transfer-family-authorizer.json", "Transfer Family identity provider"),
        ("firehose-transformation.json", "Kinesis Firehose transformation"),
        ("kafka-msk.json", "Amazon MSK"),
        ("kafka-self-managed.json", "Self-managed Apache Kafka"),
        ("activemq.json", "Amazon MQ (ActiveMQ)"),
        ("rabbitmq.json", "Amazon MQ (RabbitMQ)"),
        ("ses.json", "SES email receiving"),
        ("s3-batch-job.json", "S3 Batch Operations"),
        ("s3-object-lambda-get.json", "S3 Object Lambda (GetObject)"),
        ("secretsmanager-rotation.json", "Secrets Manager rotation"),
        ("appsync-resolver.json", "AppSync resolver"),
        ("appsync-authorizer.json", "AppSync authorizer"),
        ("config-rule.json", "AWS Config rule"),
        ("connect-contact-flow.json", "Amazon Connect flow"),
        ("lexv2-dialog.json", "Lex V2 code hook"),
        ("iot-custom-authorizer.json", "IoT Core custom authorizer"),
        ("iot-pre-provisioning-hook.json", "IoT fleet provisioning hook"),
        ("codecommit.json", "CodeCommit trigger"),
        ("cloudformation-create.json", "CloudFormation custom resource (Create)"),
        ("kinesis-time-window.json", "Kinesis tumbling window"),
        ("dynamodb-time-window.json", "DynamoDB Streams tumbling window"),
        ("cloudwatch-alarm-action.json", "CloudWatch alarm action"),
        ("eventbridge-s3-object-created.json", "EventBridge (S3 Object Created)"),
        ("eventbridge-codebuild.json", "EventBridge (CodeBuild build state)"),
        ("eventbridge-codedeploy.json", "EventBridge (CodeDeploy deployment state)"),
        ("eventbridge-ecs-task-state-change.json", "EventBridge (ECS task state)"),
        ("eventbridge-autoscaling-lifecycle.json", "EventBridge (Auto Scaling lifecycle action)"),
        ("eventbridge-ecr-push.json", "EventBridge (ECR image push)"),
        ("eventbridge-ecr-scan.json", "EventBridge (ECR image scan)"),
        ("eventbridge-cloudwatch-alarm.json", "EventBridge (CloudWatch alarm state)"),
        ("apigateway-rest-cognito-request.json", "API Gateway REST API (Cognito authorizer)"),
        ("alb-multivalue-request.json", "Application Load Balancer (multi-value headers)"),
        ("httpapi-v2-lambda-authorizer-request.json", "API Gateway HTTP API (Lambda authorizer context)"),
        ("vpc-lattice-v1.json", "VPC Lattice (event structure 1.0)"),
        ("vpc-lattice-v2.json", "VPC Lattice (event structure 2.0)"),
        ("cloudfront-viewer-request.json", "CloudFront Lambda@Edge (viewer request)"),
        ("cloudfront-origin-request.json", "CloudFront Lambda@Edge (origin request)"),
        ("cloudfront-origin-request-s3.json", "CloudFront Lambda@Edge (origin request, S3 origin)"),
        ("cloudfront-origin-response-trigger.json", "CloudFront Lambda@Edge (origin response)"),
        ("sqs-message-attributes.json", "SQS (message attributes of every type)"),
        ("sns-message-attributes.json", "SNS (message attributes)"),
        ("s3-encoded-key.json", "S3 (URL-encoded key)"),
        ("s3-batch-job-v1.json", "S3 Batch Operations (schema 1.0)"),
        ("s3-object-lambda-list.json", "S3 Object Lambda (ListObjects)"),
        ("documentdb.json", "DocumentDB change stream"),
        ("kinesis-analytics-streams-preprocessing.json", "Kinesis Data Analytics (stream preprocessing)"),
        ("kinesis-analytics-firehose-preprocessing.json", "Kinesis Data Analytics (Firehose preprocessing)"),
        ("kinesis-analytics-output-delivery.json", "Kinesis Data Analytics (output delivery)"),
        ("cognito-inbound-federation-oidc.json", "Cognito inbound federation (OIDC)"),
        ("cognito-inbound-federation-saml.json", "Cognito inbound federation (SAML)"),
        ("cognito-sync.json", "Cognito Sync trigger"),
        ("lex-dialog.json", "Lex V1 code hook"),
        ("appsync-events-publish.json", "AppSync Events (publish)"),
        ("appsync-events-subscribe.json", "AppSync Events (subscribe)"),
        ("iot-button.json", "IoT Button"),
        ("cloudformation-update.json", "CloudFormation custom resource (Update)"),
        ("cloudwatch-alarm-action-composite.json", "CloudWatch alarm action (composite alarm)"),
        ("eventbridge-codepipeline-pipeline.json", "EventBridge (CodePipeline pipeline state)"),
        ("eventbridge-codepipeline-stage.json", "EventBridge (CodePipeline stage state)"),
        ("eventbridge-codepipeline-action.json", "EventBridge (CodePipeline action state)"),
        ("eventbridge-stepfunctions-status.json", "EventBridge (Step Functions execution status)"),
        ("eventbridge-ecs-container-instance.json", "EventBridge (ECS container instance state)"),
        ("eventbridge-cloudtrail-api-call.json", "EventBridge (AWS API call via CloudTrail)"),
        ("eventbridge-health.json", "EventBridge (AWS Health)"),
        ("eventbridge-batch-job.json", "EventBridge (Batch job state)"),
        ("eventbridge-transcribe-job.json", "EventBridge (Transcribe job state)"),
        ("eventbridge-translate-job.json", "EventBridge (Translate job state)"),
        ("eventbridge-glue-job.json", "EventBridge (Glue job state)"),
        ("eventbridge-ssm-command.json", "EventBridge (SSM Run Command status)"),
        ("eventbridge-kms-rotation.json", "EventBridge (KMS key event)"),
    ];

    /// <summary>
    /// Every embedded sample, named: the build embeds every event of <c>events/triggers/</c>, and one without an entry in
    /// <see cref="Names"/> is still offered, under its file name.
    /// </summary>
    internal static readonly (string File, string Name)[] Triggers = ListEmbedded();

    private static (string File, string Name)[] ListEmbedded()
    {
        var embedded = typeof(SampleEvents).Assembly.GetManifestResourceNames()
            .Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(r => r[ResourcePrefix.Length..])
            .ToHashSet(StringComparer.Ordinal);
        var named = Names.Where(n => embedded.Contains(n.File));
        var unnamed = embedded.Where(f => !Names.Any(n => n.File == f)).Order(StringComparer.Ordinal).Select(f => (f, f));
        return [.. named, .. unnamed];
    }

    public IReadOnlyList<SampleView> List()
    {
        var samples = Triggers.Select(t => new SampleView(TriggerPrefix + t.File, TriggerGroup, t.Name)).ToList();
        foreach (string folder in eventFolders)
        {
            foreach (string file in FilesIn(folder))
                samples.Add(new SampleView($"{FilePrefix}{folder}{Path.DirectorySeparatorChar}{file}", FolderGroup(folder), file));
        }
        return samples;
    }

    /// <summary>The sample's text, or null when there is no such sample.</summary>
    public string? Read(string id)
    {
        if (id.StartsWith(TriggerPrefix, StringComparison.Ordinal))
        {
            string file = id[TriggerPrefix.Length..];
            if (!Triggers.Any(t => t.File == file))
                return null;
            using var stream = typeof(SampleEvents).Assembly.GetManifestResourceStream(ResourcePrefix + file)!;
            return new StreamReader(stream).ReadToEnd();
        }
        if (id.StartsWith(FilePrefix, StringComparison.Ordinal))
        {
            // Only a file the listing gives: no other path gets read.
            string path = id[FilePrefix.Length..];
            string folder = Path.GetDirectoryName(path) ?? "";
            string file = Path.GetFileName(path);
            if (!eventFolders.Contains(folder) || !FilesIn(folder).Contains(file))
                return null;
            return File.ReadAllText(Path.Combine(folder, file));
        }
        return null;
    }

    private static string FolderGroup(string folder) => $"Files in {folder}";

    private static IEnumerable<string> FilesIn(string folder)
    {
        if (!Directory.Exists(folder))
            return [];
        return new DirectoryInfo(folder).EnumerateFiles("*.json")
            .Where(f => f.Length <= MaxFileBytes)
            .Select(f => f.Name)
            .Order(StringComparer.Ordinal)
            .Take(MaxFiles)
            .ToList();
    }
}
