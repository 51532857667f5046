namespace Bootstrap.Fuzz;

/// <summary>A read-only stream over bytes that hands them out in the given read sizes, round and round, then ends.</summary>
public sealed class SplitStream(byte[] data, int[] readSizes) : MemoryStream(data, writable: false)
{
    private int _next;

    // Span reads come here too, through Stream's own Read(Span).
    public override int Read(byte[] buffer, int offset, int count) =>
        base.Read(buffer, offset, Math.Min(count, readSizes[_next++ % readSizes.Length]));
}
