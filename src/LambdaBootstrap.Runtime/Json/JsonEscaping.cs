using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace LambdaBootstrap.Runtime.Json;

/// <summary>
/// JSON string escaping as System.Text.Json's default encoder does it: printable ASCII stays as it is except
/// <c>" &amp; ' + &lt; &gt; \ `</c>; everything else, all non-ASCII included, becomes <c>\uXXXX</c> (upper-case hex,
/// astral characters as two surrogates), with the short forms <c>\b \t \n \f \r \\</c>. Invalid UTF-16 or UTF-8
/// becomes <c>\uFFFD</c>, one per maximal invalid subsequence.
/// </summary>
internal static class JsonEscaping
{
    /// <summary>The longest escape of one UTF-16 code unit: <c>\uXXXX</c>.</summary>
    public const int MaxExpansion = 6;

    public static int IndexOfFirstToEscape(ReadOnlySpan<byte> utf8)
    {
        int i = 0;
        if (Vector128.IsHardwareAccelerated && utf8.Length >= Vector128<byte>.Count)
        {
            ref byte start = ref MemoryMarshal.GetReference(utf8);
            for (; i <= utf8.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                uint mask = ToEscape(Vector128.LoadUnsafe(ref start, (nuint)i)).ExtractMostSignificantBits();
                if (mask != 0)
                    return i + BitOperations.TrailingZeroCount(mask);
            }
        }
        for (; i < utf8.Length; i++)
        {
            if (NeedsEscaping(utf8[i]))
                return i;
        }
        return -1;
    }

    public static int IndexOfFirstToEscape(ReadOnlySpan<char> utf16)
    {
        int i = 0;
        if (Vector128.IsHardwareAccelerated && utf16.Length >= Vector128<ushort>.Count)
        {
            ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(utf16));
            for (; i <= utf16.Length - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                var chars = Vector128.LoadUnsafe(ref start, (nuint)i);
                // Anything at or above 0x100 needs escaping; below it, the byte rules decide.
                var wide = Vector128.GreaterThan(chars, Vector128.Create((ushort)0xFF));
                uint mask = (ToEscape(Vector128.Narrow(chars, chars)).ExtractMostSignificantBits() & 0xFF)
                    | wide.ExtractMostSignificantBits();
                if (mask != 0)
                    return i + BitOperations.TrailingZeroCount(mask);
            }
        }
        for (; i < utf16.Length; i++)
        {
            if (NeedsEscaping(utf16[i]))
                return i;
        }
        return -1;
    }

    /// <summary>
    /// Writes <paramref name="utf8"/> escaped into <paramref name="destination"/>, which holds at least
    /// <see cref="MaxExpansion"/> bytes for each input byte from <paramref name="firstToEscape"/> on; returns the
    /// bytes written.
    /// </summary>
    public static int Escape(ReadOnlySpan<byte> utf8, int firstToEscape, Span<byte> destination)
    {
        utf8[..firstToEscape].CopyTo(destination);
        int written = firstToEscape;
        int at = firstToEscape;
        while (at < utf8.Length)
        {
            byte b = utf8[at];
            if (b < 0x80)
            {
                written += EscapeAscii(b, destination[written..]);
                at++;
            }
            else
            {
                // Invalid input gives the replacement character and the count of its maximal invalid subsequence.
                Rune.DecodeFromUtf8(utf8[at..], out Rune rune, out int consumed);
                written += EscapeRune(rune, destination[written..]);
                at += consumed;
            }

            var rest = utf8[at..];
            int plain = IndexOfFirstToEscape(rest);
            if (plain < 0)
                plain = rest.Length;
            rest[..plain].CopyTo(destination[written..]);
            written += plain;
            at += plain;
        }
        return written;
    }

    /// <summary>As <see cref="Escape(ReadOnlySpan{byte}, int, Span{byte})"/>, for UTF-16 text.</summary>
    public static int Escape(ReadOnlySpan<char> utf16, int firstToEscape, Span<byte> destination)
    {
        int written = Narrow(utf16[..firstToEscape], destination);
        int at = firstToEscape;
        while (at < utf16.Length)
        {
            char c = utf16[at];
            if (c < 0x80)
            {
                written += EscapeAscii((byte)c, destination[written..]);
                at++;
            }
            else
            {
                // A lone surrogate decodes to the replacement character, consuming one code unit.
                Rune.DecodeFromUtf16(utf16[at..], out Rune rune, out int consumed);
                written += EscapeRune(rune, destination[written..]);
                at += consumed;
            }

            var rest = utf16[at..];
            int plain = IndexOfFirstToEscape(rest);
            if (plain < 0)
                plain = rest.Length;
            written += Narrow(rest[..plain], destination[written..]);
            at += plain;
        }
        return written;
    }

    /// <summary>Copies characters known to be plain ASCII as bytes.</summary>
    public static int Narrow(ReadOnlySpan<char> ascii, Span<byte> destination)
    {
        System.Text.Ascii.FromUtf16(ascii, destination, out int written);
        return written;
    }

    private static Vector128<byte> ToEscape(Vector128<byte> bytes) =>
        // Below 0x20 or at or above 0x7F (the subtraction wraps the low ones round to the top).
        Vector128.GreaterThan(bytes - Vector128.Create((byte)0x20), Vector128.Create((byte)(0x7E - 0x20)))
        | Vector128.Equals(bytes, Vector128.Create((byte)'"'))
        | Vector128.Equals(bytes, Vector128.Create((byte)'&'))
        | Vector128.Equals(bytes, Vector128.Create((byte)'\''))
        | Vector128.Equals(bytes, Vector128.Create((byte)'+'))
        | Vector128.Equals(bytes, Vector128.Create((byte)'<'))
        | Vector128.Equals(bytes, Vector128.Create((byte)'>'))
        | Vector128.Equals(bytes, Vector128.Create((byte)'\\'))
        | Vector128.Equals(bytes, Vector128.Create((byte)'`'));

    private static bool NeedsEscaping(int c) =>
        c < 0x20 || c > 0x7E || c is '"' or '&' or '\'' or '+' or '<' or '>' or '\\' or '`';

    private static int EscapeAscii(byte b, Span<byte> destination)
    {
        byte shortForm = b switch
        {
            (byte)'\b' => (byte)'b',
            (byte)'\t' => (byte)'t',
            (byte)'\n' => (byte)'n',
            (byte)'\f' => (byte)'f',
            (byte)'\r' => (byte)'r',
            (byte)'\\' => (byte)'\\',
            _ => 0,
        };
        if (shortForm == 0)
            return EscapeCodeUnit(b, destination);
        destination[0] = (byte)'\\';
        destination[1] = shortForm;
        return 2;
    }

    private static int EscapeRune(Rune rune, Span<byte> destination)
    {
        if (rune.IsBmp)
            return EscapeCodeUnit(rune.Value, destination);
        Span<char> pair = stackalloc char[2];
        rune.EncodeToUtf16(pair);
        int written = EscapeCodeUnit(pair[0], destination);
        return written + EscapeCodeUnit(pair[1], destination[written..]);
    }

    private static int EscapeCodeUnit(int unit, Span<byte> destination)
    {
        var hex = "0123456789ABCDEF"u8;
        destination[5] = hex[unit & 0xF];
        destination[4] = hex[(unit >> 4) & 0xF];
        destination[3] = hex[(unit >> 8) & 0xF];
        destination[2] = hex[unit >> 12];
        destination[1] = (byte)'u';
        destination[0] = (byte)'\\';
        return 6;
    }
}
