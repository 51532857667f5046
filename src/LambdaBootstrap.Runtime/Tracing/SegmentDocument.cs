using System.Buffers;

namespace LambdaBootstrap.Runtime.Tracing;

/// <summary>
/// A subsegment as the X-Ray daemon takes it: the header line <c>{"format":"json","version":1}</c>, then one JSON
/// object: <c>name</c>, <c>id</c>, <c>trace_id</c>, <c>parent_id</c>, <c>start_time</c> and <c>end_time</c> (seconds
/// since the epoch), <c>type</c> <c>subsegment</c>, and what was recorded: <c>namespace</c> <c>aws</c> and
/// <c>aws</c>, or <c>remote</c>, <c>http</c>, <c>annotations</c>, <c>metadata</c> (under <c>default</c>), <c>error</c>, <c>throttle</c>,
/// <c>fault</c>, <c>cause</c>. Written by hand: no serializer, no number formatting beyond whole numbers.
/// </summary>
internal static class SegmentDocument
{
    public static void Write(ArrayBufferWriter<byte> output, TraceSegment segment, long endTicks)
    {
        output.Append("{\"format\":\"json\",\"version\":1}\n{"u8);
        JsonText.Property(output, "name"u8, first: true);
        JsonText.String(output, segment.Name);
        JsonText.Property(output, "id"u8);
        JsonText.String(output, segment.Id);
        JsonText.Property(output, "trace_id"u8);
        JsonText.String(output, segment.TraceId);
        JsonText.Property(output, "parent_id"u8);
        JsonText.String(output, segment.ParentId);
        JsonText.Property(output, "start_time"u8);
        Seconds(output, segment.StartTicks);
        JsonText.Property(output, "end_time"u8);
        Seconds(output, endTicks);
        JsonText.Property(output, "type"u8);
        output.Append("\"subsegment\""u8);
        if (segment.AwsOperation is not null)
            WriteAws(output, segment);
        else if (segment.HttpMethod is not null)
        {
            JsonText.Property(output, "namespace"u8);
            output.Append("\"remote\""u8);
        }
        if (segment.HttpMethod is not null || segment.HttpStatus != 0)
            WriteHttp(output, segment);
        if (segment.Annotations is { } annotations)
        {
            JsonText.Property(output, "annotations"u8);
            output.Append("{"u8);
            for (int i = 0; i < annotations.Count; i++)
            {
                JsonText.Property(output, System.Text.Encoding.ASCII.GetBytes(annotations[i].Key), first: i == 0);
                switch (annotations[i].Value)
                {
                    case string text: JsonText.String(output, text); break;
                    case bool flag: output.Append(flag ? "true"u8 : "false"u8); break;
                    case long number: Whole(output, number); break;
                }
            }
            output.Append("}"u8);
        }
        if (segment.Metadata is { } metadata)
        {
            JsonText.Property(output, "metadata"u8);
            output.Append("{\"default\":{"u8);
            for (int i = 0; i < metadata.Count; i++)
            {
                if (i > 0)
                    output.Append(","u8);
                JsonText.String(output, metadata[i].Key);
                output.Append(":"u8);
                JsonText.String(output, metadata[i].Value);
            }
            output.Append("}}"u8);
        }
        if (segment.Error)
            output.Append(",\"error\":true"u8);
        if (segment.Throttle)
            output.Append(",\"throttle\":true"u8);
        if (segment.Fault)
            output.Append(",\"fault\":true"u8);
        if (segment.Cause is { } cause)
        {
            JsonText.Property(output, "cause"u8);
            output.Append(System.Text.Encoding.ASCII.GetBytes(cause));
        }
        output.Append("}"u8);
    }

    private static void WriteAws(ArrayBufferWriter<byte> output, TraceSegment segment)
    {
        JsonText.Property(output, "namespace"u8);
        output.Append("\"aws\""u8);
        JsonText.Property(output, "aws"u8);
        output.Append("{\"operation\":"u8);
        JsonText.String(output, segment.AwsOperation);
        if (segment.AwsTableName is { } table)
        {
            output.Append(",\"table_name\":"u8);
            JsonText.String(output, table);
        }
        if (segment.AwsRegion is { } region)
        {
            output.Append(",\"region\":"u8);
            JsonText.String(output, region);
        }
        output.Append("}"u8);
    }

    private static void WriteHttp(ArrayBufferWriter<byte> output, TraceSegment segment)
    {
        JsonText.Property(output, "http"u8);
        output.Append("{"u8);
        bool first = true;
        if (segment.HttpMethod is not null)
        {
            output.Append("\"request\":{\"method\":"u8);
            JsonText.String(output, segment.HttpMethod);
            output.Append(",\"url\":"u8);
            JsonText.String(output, segment.HttpUrl!);
            output.Append("}"u8);
            first = false;
        }
        if (segment.HttpStatus != 0)
        {
            JsonText.Property(output, "response"u8, first);
            output.Append("{\"status\":"u8);
            Whole(output, segment.HttpStatus);
            if (segment.HttpContentLength >= 0)
            {
                output.Append(",\"content_length\":"u8);
                Whole(output, segment.HttpContentLength);
            }
            output.Append("}"u8);
        }
        output.Append("}"u8);
    }

    // Seconds since the epoch with microseconds: 1767225600.123456.
    private static void Seconds(ArrayBufferWriter<byte> output, long ticks)
    {
        long sinceEpoch = ticks - DateTime.UnixEpoch.Ticks;
        Whole(output, sinceEpoch / TimeSpan.TicksPerSecond);
        long micros = sinceEpoch % TimeSpan.TicksPerSecond / 10;
        var span = output.GetSpan(7);
        span[0] = (byte)'.';
        for (int i = 6; i >= 1; i--)
        {
            span[i] = (byte)('0' + micros % 10);
            micros /= 10;
        }
        output.Advance(7);
    }

    private static void Whole(ArrayBufferWriter<byte> output, long value)
    {
        var span = output.GetSpan(20);
        System.Buffers.Text.Utf8Formatter.TryFormat(value, span, out int written);
        output.Advance(written);
    }
}
