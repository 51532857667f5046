using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace LambdaBootstrap.Emulator.Async;

/// <summary>
/// A record or a dead-lettered payload in the shape its target would hand it on: an SQS message as a consumer
/// receives it, an SNS notification, an EventBridge event, an S3 object (its bucket, key and content).
/// </summary>
internal static class DestinationMessage
{
    /// <summary>A message attribute: its name, its SQS/SNS data type (String or Number), its value.</summary>
    public readonly record struct Attribute(string Name, string DataType, string Value);

    public static byte[] Sqs(DestinationArn target, byte[] body, IReadOnlyList<Attribute> attributes, DateTimeOffset now)
    {
        string text = Encoding.UTF8.GetString(body);
        string millis = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return Json(json =>
        {
            json.WriteString("messageId", Guid.NewGuid().ToString());
            json.WriteString("receiptHandle", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
            json.WriteString("body", text);
            json.WriteStartObject("attributes");
            json.WriteString("ApproximateReceiveCount", "1");
            json.WriteString("SentTimestamp", millis);
            json.WriteString("SenderId", "lambda");
            json.WriteString("ApproximateFirstReceiveTimestamp", millis);
            json.WriteEndObject();
            json.WriteStartObject("messageAttributes");
            foreach (var attribute in attributes)
            {
                json.WriteStartObject(attribute.Name);
                json.WriteString("stringValue", attribute.Value);
                json.WriteStartArray("stringListValues");
                json.WriteEndArray();
                json.WriteStartArray("binaryListValues");
                json.WriteEndArray();
                json.WriteString("dataType", attribute.DataType);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteString("md5OfBody", Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text))));
            json.WriteString("eventSource", "aws:sqs");
            json.WriteString("eventSourceARN", target.Arn);
            json.WriteString("awsRegion", target.Region);
        });
    }

    public static byte[] Sns(DestinationArn target, byte[] body, IReadOnlyList<Attribute> attributes, DateTimeOffset now) => Json(json =>
    {
        json.WriteString("Type", "Notification");
        json.WriteString("MessageId", Guid.NewGuid().ToString());
        json.WriteString("TopicArn", target.Arn);
        json.WriteNull("Subject");
        json.WriteString("Message", Encoding.UTF8.GetString(body));
        json.WriteString("Timestamp", Timestamp(now));
        json.WriteStartObject("MessageAttributes");
        foreach (var attribute in attributes)
        {
            json.WriteStartObject(attribute.Name);
            json.WriteString("Type", attribute.DataType);
            json.WriteString("Value", attribute.Value);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    });

    /// <summary>An EventBridge event from Lambda: the record is its <c>detail</c>.</summary>
    public static byte[] EventBridge(DestinationArn target, byte[] record, bool success, string functionArn, DateTimeOffset now) => Json(json =>
    {
        json.WriteString("version", "0");
        json.WriteString("id", Guid.NewGuid().ToString());
        json.WriteString("detail-type", success ? "Lambda Function Invocation Result - Success" : "Lambda Function Invocation Result - Failure");
        json.WriteString("source", "lambda");
        json.WriteString("account", target.Account);
        json.WriteString("time", now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        json.WriteString("region", target.Region);
        json.WriteStartArray("resources");
        json.WriteStringValue(target.Arn);
        json.WriteStringValue(functionArn);
        json.WriteEndArray();
        json.WritePropertyName("detail");
        InvocationRecord.WritePayload(json, record);
    });

    /// <summary>An object put in the bucket: its key (the function's name, then the request id) and its content, the record.</summary>
    public static byte[] S3(DestinationArn target, byte[] record, string functionName, string requestId) => Json(json =>
    {
        json.WriteString("bucket", target.Resource);
        json.WriteString("key", $"{functionName}/{requestId}.json");
        json.WritePropertyName("object");
        InvocationRecord.WritePayload(json, record);
    });

    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
