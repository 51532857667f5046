using System.Buffers.Binary;
using System.Text;
using LambdaBootstrap.Emulator.InvokeApi;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>The event-stream encoding, byte by byte: prelude, headers, payload, and both CRC-32s.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class EventStreamMessageTests
{
    [Fact]
    public void Crc32_is_the_IEEE_checksum()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(0u, Crc32.Compute([]));
    }

    [Fact]
    public void An_event_has_its_prelude_string_headers_payload_and_checksums()
    {
        byte[] message = EventStreamMessage.Event("PayloadChunk", "application/octet-stream", "hi"u8);

        int headersLength = (1 + 11 + 1 + 2 + 12) + (1 + 13 + 1 + 2 + 24) + (1 + 13 + 1 + 2 + 5);
        Assert.Equal((uint)message.Length, BinaryPrimitives.ReadUInt32BigEndian(message));
        Assert.Equal(12 + headersLength + 2 + 4, message.Length);
        Assert.Equal((uint)headersLength, BinaryPrimitives.ReadUInt32BigEndian(message.AsSpan(4)));
        Assert.Equal(Crc32.Compute(message.AsSpan(0, 8)), BinaryPrimitives.ReadUInt32BigEndian(message.AsSpan(8)));
        Assert.Equal(Crc32.Compute(message.AsSpan(0, message.Length - 4)), BinaryPrimitives.ReadUInt32BigEndian(message.AsSpan(message.Length - 4)));

        var headers = message.AsSpan(12, headersLength);
        Assert.Equal(11, headers[0]);
        Assert.Equal(":event-type", Encoding.ASCII.GetString(headers.Slice(1, 11)));
        Assert.Equal(7, headers[12]); // a string value
        Assert.Equal(12, BinaryPrimitives.ReadUInt16BigEndian(headers[13..]));
        Assert.Equal("PayloadChunk", Encoding.ASCII.GetString(headers.Slice(15, 12)));
        Assert.Equal("hi", Encoding.ASCII.GetString(message.AsSpan(12 + headersLength, 2)));
    }
}
