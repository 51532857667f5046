using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaBootstrap.Events;

/// <summary>
/// The event a CloudWatch Logs subscription filter sends: the log events, gzip-compressed and base64-encoded in
/// <c>awslogs.data</c>. <see cref="Decode"/> gives them back.
/// </summary>
public sealed class CloudWatchLogsEvent
{
    /// <summary>The encoded payload.</summary>
    [JsonPropertyName("awslogs")]
    public CloudWatchLogsPayload? Awslogs { get; set; }

    /// <summary>Decodes the payload: base64, then gzip, then JSON.</summary>
    /// <exception cref="FormatException">The data is missing, not base64, not gzip, or not the documented JSON.</exception>
    public CloudWatchLogsData Decode()
    {
        string data = Awslogs?.Data ?? throw new FormatException("The CloudWatch Logs event has no awslogs.data.");
        byte[] compressed;
        try
        {
            compressed = Convert.FromBase64String(data);
        }
        catch (FormatException e)
        {
            throw new FormatException($"awslogs.data is not valid base64: {e.Message}", e);
        }
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
            return JsonSerializer.Deserialize(gzip, CloudWatchLogsJson.Default.CloudWatchLogsData)
                ?? throw new FormatException("awslogs.data decodes to JSON null.");
        }
        catch (Exception e) when (e is InvalidDataException or JsonException)
        {
            throw new FormatException($"awslogs.data is not gzip-compressed log data: {e.Message}", e);
        }
    }
}

/// <summary>The encoded part of a CloudWatch Logs event.</summary>
public sealed class CloudWatchLogsPayload
{
    /// <summary>The log data: gzip-compressed JSON, base64-encoded.</summary>
    [JsonPropertyName("data")]
    public string? Data { get; set; }
}
