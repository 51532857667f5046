using System.Buffers;

namespace LambdaBootstrap.Runtime;

/// <summary>
/// Appends bytes to a buffer writer. The runtime's own writers use this instead of System.Buffers' <c>Write</c>
/// extension, whose argument check throws through a helper that boxes an enum: one boxed enum makes enum names
/// reachable, and with them the reflection stack (~200 KB), in every bootstrap. BannedSymbols.txt keeps it out.
/// </summary>
internal static class BufferAppend
{
    public static void Append(this IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }
}
