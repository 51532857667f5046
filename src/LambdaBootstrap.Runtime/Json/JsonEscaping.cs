using System.Buffers;
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

    // The printable ASCII characters that are escaped all the same. For UTF-16 a prepared SearchValues set: it costs
    // 12 KB in a Native AOT binary, and without it strings of a few dozen characters, the most common kind, were
    // slower to write than with Utf8JsonWriter (the set-up of each search outweighed the search). Bytes are searched
    // for at most five values at vector speed with no set-up, so for UTF-8 they are two sets.
    private static readonly SearchValues<char> PrintableToEscape16 = SearchValues.Create("\"&'+<>\\`");
    private static ReadOnlySpan<byte> PrintableToEscapeFirst => "\"&'+<"u8;
    private static ReadOnlySpan<byte> PrintableToEscapeRest => ">\\`"u8;

    // Below this length a plain loop beats the setup of the vectorized searches (property names, short values).
    private const int ShortText = 32;

    // One bit per ASCII character, set for those written as they are.
    private const ulong PlainBelow64 = 0xAFFF_F73B_0000_0000;
    private const ulong PlainFrom64 = 0x7FFF_FFFE_EFFF_FFFF;

    public static int IndexOfFirstToEscape(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length < ShortText)
        {
            for (int i = 0; i < utf8.Length; i++)
            {
                if (!IsPlain(utf8[i]))
                    return i;
            }
            return -1;
        }
        var next = new NextStops();
        int stop = next.From(utf8, 0);
        return stop == utf8.Length ? -1 : stop;
    }

    public static int IndexOfFirstToEscape(ReadOnlySpan<char> utf16)
    {
        if (utf16.Length < ShortText)
        {
            for (int i = 0; i < utf16.Length; i++)
            {
                if (!IsPlain(utf16[i]))
                    return i;
            }
            return -1;
        }
        var next = new NextStops();
        int stop = next.From(utf16, 0);
        return stop == utf16.Length ? -1 : stop;
    }

    private static bool IsPlain(int c) =>
        c < 64 ? (PlainBelow64 >> c & 1) != 0 : c < 128 && (PlainFrom64 >> (c - 64) & 1) != 0;

    /// <summary>
    /// Where the next character to escape is, found with the framework's vectorized searches. Each kind of search
    /// remembers where it stopped and runs again only once the writer has passed that point, so a text with many
    /// escapes is still scanned once.
    /// </summary>
    private struct NextStops
    {
        private int _other;   // the next character outside printable ASCII, or the text's end
        private int _first;   // the next printable character to escape (of the first set in UTF-8), or where that search stopped
        private int _rest;    // in UTF-8, likewise for the second set

        public NextStops() => _other = _first = _rest = -1;

        public int From(ReadOnlySpan<byte> text, int at)
        {
            if (_other < at)
                _other = Found(at, text[at..].IndexOfAnyExceptInRange((byte)' ', (byte)'~'), text.Length);
            if (_first < at)
                _first = Found(at, text[at.._other].IndexOfAny(PrintableToEscapeFirst), _other);
            int bound = Math.Min(_other, _first);
            if (_rest < at)
                _rest = Found(at, text[at..bound].IndexOfAny(PrintableToEscapeRest), bound);
            return Math.Min(bound, _rest);
        }

        public int From(ReadOnlySpan<char> text, int at)
        {
            if (_other < at)
                _other = Found(at, text[at..].IndexOfAnyExceptInRange(' ', '~'), text.Length);
            if (_first < at)
                _first = Found(at, text[at.._other].IndexOfAny(PrintableToEscape16), _other);
            return Math.Min(_other, _first);
        }

        private static int Found(int at, int index, int notFound) => index < 0 ? notFound : at + index;
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
        var next = new NextStops();
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

            int stop = next.From(utf8, at);
            utf8[at..stop].CopyTo(destination[written..]);
            written += stop - at;
            at = stop;
        }
        return written;
    }

    /// <summary>As <see cref="Escape(ReadOnlySpan{byte}, int, Span{byte})"/>, for UTF-16 text.</summary>
    public static int Escape(ReadOnlySpan<char> utf16, int firstToEscape, Span<byte> destination)
    {
        int written = Narrow(utf16[..firstToEscape], destination);
        int at = firstToEscape;
        var next = new NextStops();
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

            int stop = next.From(utf16, at);
            written += Narrow(utf16[at..stop], destination[written..]);
            at = stop;
        }
        return written;
    }

    /// <summary>Copies characters known to be plain ASCII as bytes.</summary>
    public static int Narrow(ReadOnlySpan<char> ascii, Span<byte> destination)
    {
        Ascii.FromUtf16(ascii, destination, out int written);
        return written;
    }

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
