using Bootstrap.Fuzz;
using LambdaBootstrap.Runtime.Http;
using CsCheck;

namespace Bootstrap.Reliability.Tests.Properties;

/// <summary>Properties of the response reader over generated responses: read sizes never matter, and bad bytes fail cleanly.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class ResponseReaderProperties
{
    private const int Iterations = 3000;

    // Whatever the input, the reader allocates no more than its limits allow (plus its own buffer and bookkeeping).
    private const long AllocationBound = HttpLimits.MaxBodyBytes + 2L * HttpLimits.MaxHeadBytes + 1024 * 1024;

    private static readonly Gen<int[]> ReadSizes = Gen.Int[1, 64].Array[1, 8];

    [Fact]
    public void Any_split_of_a_valid_response_reads_the_same_as_the_whole()
    {
        Gen.Select(GeneratedResponse.Any, GeneratedResponse.Any, ReadSizes).Sample((first, second, sizes) =>
        {
            // Two responses back to back on one keep-alive connection: leftovers of the first start the second.
            byte[] wire = [.. first.Bytes, .. second.Bytes];
            var whole = new HttpResponseReader(new MemoryStream(wire));
            var split = new HttpResponseReader(new SplitStream(wire, sizes));
            Assert.True(ParsedResponse.Read(whole).Matches(first));
            Assert.True(ParsedResponse.Read(whole).Matches(second));
            Assert.True(ParsedResponse.Read(split).Matches(first));
            Assert.True(ParsedResponse.Read(split).Matches(second));
            Assert.False(split.HasBufferedBytes);
        }, iter: Iterations);
    }

    /// <summary>One edit of the bytes: a byte replaced, inserted or removed, or the tail cut off.</summary>
    private static readonly Gen<Func<byte[], byte[]>> Mutation =
        from kind in Gen.Int[0, 3]
        from at in Gen.Double[0, 1]
        from value in Gen.OneOf(Gen.Byte, Gen.OneOf("\r\n:;0 -9aFx\t"u8.ToArray()))
        select (Func<byte[], byte[]>)(bytes =>
        {
            if (bytes.Length == 0)
                return bytes;
            int i = (int)(at * (bytes.Length - 1));
            return kind switch
            {
                0 => [.. bytes[..i], value, .. bytes[(i + 1)..]],
                1 => [.. bytes[..i], value, .. bytes[i..]],
                2 => [.. bytes[..i], .. bytes[(i + 1)..]],
                _ => bytes[..i],
            };
        });

    [Fact]
    public async Task Any_mutation_reads_validly_or_fails_with_the_readers_own_exceptions()
    {
        var property = Task.Run(() => Gen.Select(GeneratedResponse.Any, Mutation.Array[1, 4], ReadSizes).Sample((response, mutations, sizes) =>
        {
            byte[] wire = mutations.Aggregate(response.Bytes, (bytes, mutate) => mutate(bytes));
            var reader = new HttpResponseReader(new SplitStream(wire, sizes));
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                ParsedResponse.Read(reader);
            }
            catch (Exception e) when (e is InvalidHttpResponseException or HttpConnectionClosedException)
            {
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated <= AllocationBound, $"{allocated} bytes allocated for a {wire.Length}-byte input");
        }, iter: Iterations));
        // The input always ends, so a reader that never returns is looping.
        var finished = await Task.WhenAny(property, Task.Delay(TimeSpan.FromMinutes(2)));
        Assert.True(finished == property, "the reader did not finish: an endless loop on some input");
        await property;
    }
}
