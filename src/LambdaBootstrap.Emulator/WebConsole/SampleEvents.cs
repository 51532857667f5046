using LambdaBootstrap.Emulator.InvokeApi;

namespace LambdaBootstrap.Emulator.WebConsole;

/// <summary>
/// The events the console's editor offers: a sample of each trigger the events library reads (AWS's documented
/// examples, which its tests check it against, embedded in this assembly), and the JSON files of the project's
/// <c>events/</c> folders, read when asked for, so a file added while the emulator runs shows up.
/// </summary>
internal sealed class SampleEvents(IReadOnlyList<string> eventFolders)
{
    public const string TriggerGroup = "Trigger samples";
    private const string TriggerPrefix = "trigger:";
    private const string FilePrefix = "file:";
    private const int MaxFiles = 200;
    private const long MaxFileBytes = InvokeServer.MaxSyncPayloadBytes;

    /// <summary>Each embedded sample: its resource name (samples/NAME) and what it is.</summary>
    private static readonly (string File, string Name)[] Triggers =
    [
        ("apigateway-rest-request.json", "API Gateway REST API (payload 1.0)"),
        ("httpapi-v2-request.json", "API Gateway HTTP API (payload 2.0)"),
        ("function-url-request.json", "Function URL"),
        ("alb-request.json", "Application Load Balancer"),
        ("sqs.json", "SQS"),
        ("sns.json", "SNS"),
        ("s3-put.json", "S3 (ObjectCreated:Put)"),
        ("dynamodb-stream.json", "DynamoDB Streams"),
        ("kinesis.json", "Kinesis"),
        ("eventbridge-ec2-state-change.json", "EventBridge (EC2 state change)"),
        ("eventbridge-scheduled.json", "EventBridge schedule"),
        ("cloudwatch-logs.json", "CloudWatch Logs"),
        ("codepipeline-job.json", "CodePipeline job"),
    ];

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
            using var stream = typeof(SampleEvents).Assembly.GetManifestResourceStream("samples/" + file)!;
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
