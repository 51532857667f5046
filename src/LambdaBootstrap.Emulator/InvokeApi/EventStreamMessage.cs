using System.Buffers.Binary;
using System.Text;

namespace LambdaBootstrap.Emulator.InvokeApi;

/// <summary>
/// One message of the <c>application/vnd.amazon.eventstream</c> encoding: a prelude (total length, headers length,
/// and the prelude's CRC-32), the headers (string-valued here), the payload, and the whole message's CRC-32.
/// </summary>
internal static class EventStreamMessage
{
    private const byte StringValue = 7;
    private const int PreludeBytes = 12;
    private const int CrcBytes = 4;

    /// <summary>An event message: <c>:message-type</c> event, with its <c>:event-type</c> and <c>:content-type</c>.</summary>
    public static byte[] Event(string eventType, string contentType, ReadOnlySpan<byte> payload) =>
        Encode([(":event-type", eventType), (":content-type", contentType), (":message-type", "event")], payload);

    public static byte[] Encode(IReadOnlyList<(string Name, string Value)> headers, ReadOnlySpan<byte> payload)
    {
        int headersLength = 0;
        foreach (var (name, value) in headers)
            headersLength += 1 + Encoding.UTF8.GetByteCount(name) + 1 + 2 + Encoding.UTF8.GetByteCount(value);
        int total = PreludeBytes + headersLength + payload.Length + CrcBytes;
        var message = new byte[total];
        var span = message.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)total);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], (uint)headersLength);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], Crc32.Compute(span[..8]));
        int at = PreludeBytes;
        foreach (var (name, value) in headers)
        {
            int nameLength = Encoding.UTF8.GetBytes(name, span[(at + 1)..]);
            if (nameLength > byte.MaxValue)
                throw new ArgumentException($"header name {name} is too long", nameof(headers));
            span[at] = (byte)nameLength;
            at += 1 + nameLength;
            span[at++] = StringValue;
            int valueLength = Encoding.UTF8.GetBytes(value, span[(at + 2)..]);
            if (valueLength > ushort.MaxValue)
                throw new ArgumentException($"header {name} is too long", nameof(headers));
            BinaryPrimitives.WriteUInt16BigEndian(span[at..], (ushort)valueLength);
            at += 2 + valueLength;
        }
        payload.CopyTo(span[at..]);
        at += payload.Length;
        BinaryPrimitives.WriteUInt32BigEndian(span[at..], Crc32.Compute(span[..at]));
        return message;
    }
}
