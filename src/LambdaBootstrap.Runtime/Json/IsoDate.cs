namespace LambdaBootstrap.Runtime.Json;

/// <summary>
/// Reads the ISO 8601 extended forms System.Text.Json reads, with its rules: <c>yyyy-MM-dd</c>, then optionally
/// <c>THH:mm</c>, <c>:ss</c> and a fraction, then optionally <c>Z</c> or an offset <c>±HH</c> or <c>±HH:mm</c>;
/// writes the form it writes (round-trip "O" with the fraction's trailing zeros trimmed). The runtime's own, so that
/// a date member brings neither System.Text.Json's reader nor .NET's culture-aware date formatting.
/// </summary>
internal static class IsoDate
{
    // System.Text.Json reads at most this many digits of a fraction, and keeps the first seven (100 ns ticks).
    private const int MaxFractionDigits = 16;

    /// <summary>As System.Text.Json reads a <see cref="DateTime"/>: no offset is unspecified, Z is UTC, an offset is local time.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTime value)
    {
        value = default;
        if (!TryParseParts(text, out var local, out var offset, out char zone))
            return false;
        switch (zone)
        {
            case 'Z':
                value = DateTime.SpecifyKind(local, DateTimeKind.Utc);
                return true;
            case '\0':
                value = local;
                return true;
            default:
                if (!FitsOffset(local, offset))
                    return false;
                value = new DateTimeOffset(local.Ticks, offset).LocalDateTime;
                return true;
        }
    }

    /// <summary>As System.Text.Json reads a <see cref="DateTimeOffset"/>: no offset is the local time zone's.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (!TryParseParts(text, out var local, out var offset, out char zone))
            return false;
        if (zone == '\0')
            offset = TimeZoneInfo.Local.GetUtcOffset(local);
        if (!FitsOffset(local, offset))
            return false;
        // From ticks: the DateTime constructor checks a local kind against the local zone, which is no concern here.
        value = new DateTimeOffset(local.Ticks, offset);
        return true;
    }

    private static bool FitsOffset(DateTime local, TimeSpan offset)
    {
        long utc = local.Ticks - offset.Ticks;
        return utc >= DateTime.MinValue.Ticks && utc <= DateTime.MaxValue.Ticks;
    }

    // The date and time as written (unspecified kind), the offset, and the zone: '\0' none, 'Z', or '+' for an offset.
    private static bool TryParseParts(ReadOnlySpan<byte> s, out DateTime local, out TimeSpan offset, out char zone)
    {
        local = default;
        offset = default;
        zone = '\0';
        if (s.Length < 10 || !Digits(s, 0, 4, out int year) || s[4] != '-' || !Digits(s, 5, 2, out int month)
            || s[7] != '-' || !Digits(s, 8, 2, out int day))
            return false;
        int hour = 0, minute = 0, second = 0, fraction = 0;
        int i = 10;
        if (s.Length > 10)
        {
            if (s.Length < 16 || s[10] != 'T' || !Digits(s, 11, 2, out hour)
                || s[13] != ':' || !Digits(s, 14, 2, out minute))
                return false;
            i = 16;
            if (i < s.Length && s[i] == ':')
            {
                if (!Digits(s, 17, 2, out second))
                    return false;
                i = 19;
                if (i < s.Length && s[i] == '.')
                {
                    int start = ++i;
                    while (i < s.Length && char.IsAsciiDigit((char)s[i]))
                    {
                        if (i - start < 7)
                            fraction = fraction * 10 + (s[i] - '0');
                        i++;
                    }
                    int count = i - start;
                    if (count == 0 || count > MaxFractionDigits)
                        return false;
                    for (int d = count; d < 7; d++)
                        fraction *= 10;
                }
            }
            if (i < s.Length && !TryParseZone(s[i..], out offset, out zone))
                return false;
        }
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
            return false;
        local = new DateTime(year, month, day, hour, minute, second).AddTicks(fraction);
        return true;
    }

    private static bool TryParseZone(ReadOnlySpan<byte> s, out TimeSpan offset, out char zone)
    {
        offset = default;
        zone = '\0';
        if (s.Length == 1 && s[0] == 'Z')
        {
            zone = 'Z';
            return true;
        }
        if (s.Length < 3 || s[0] is not ((byte)'+' or (byte)'-') || !Digits(s, 1, 2, out int hours))
            return false;
        int minutes = 0;
        if (s.Length == 6 && s[3] == ':')
        {
            if (!Digits(s, 4, 2, out minutes))
                return false;
        }
        else if (s.Length != 3)
        {
            return false;
        }
        if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
            return false;
        offset = new TimeSpan(hours, minutes, 0);
        if (s[0] == '-')
            offset = -offset;
        zone = '+';
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
            return false;
        for (int i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit((char)s[i]))
                return false;
            value = value * 10 + (s[i] - '0');
        }
        return true;
    }

    /// <summary>
    /// Writes <c>yyyy-MM-ddTHH:mm:ss[.fffffff]</c> then, by the kind, <c>Z</c> (UTC), the local zone's offset (local)
    /// or nothing (unspecified); returns the length.
    /// </summary>
    public static int Format(DateTime value, Span<byte> destination)
    {
        int at = FormatClock(value, destination);
        if (value.Kind == DateTimeKind.Utc)
            destination[at++] = (byte)'Z';
        else if (value.Kind == DateTimeKind.Local)
            at += FormatOffset(TimeZoneInfo.Local.GetUtcOffset(value), destination[at..]);
        return at;
    }

    /// <summary>Writes the clock time as <see cref="Format(DateTime, Span{byte})"/> does, then its offset <c>±HH:mm</c>; returns the length.</summary>
    public static int Format(DateTimeOffset value, Span<byte> destination)
    {
        int at = FormatClock(value.DateTime, destination);
        return at + FormatOffset(value.Offset, destination[at..]);
    }

    private static int FormatClock(DateTime value, Span<byte> d)
    {
        Write(d, 0, 4, value.Year);
        d[4] = (byte)'-';
        Write(d, 5, 2, value.Month);
        d[7] = (byte)'-';
        Write(d, 8, 2, value.Day);
        d[10] = (byte)'T';
        Write(d, 11, 2, value.Hour);
        d[13] = (byte)':';
        Write(d, 14, 2, value.Minute);
        d[16] = (byte)':';
        Write(d, 17, 2, value.Second);
        int fraction = (int)(value.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0)
            return 19;
        int digits = 7;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }
        d[19] = (byte)'.';
        Write(d, 20, digits, fraction);
        return 20 + digits;
    }

    private static int FormatOffset(TimeSpan offset, Span<byte> d)
    {
        d[0] = offset < TimeSpan.Zero ? (byte)'-' : (byte)'+';
        Write(d, 1, 2, Math.Abs(offset.Hours));
        d[3] = (byte)':';
        Write(d, 4, 2, Math.Abs(offset.Minutes));
        return 6;
    }

    private static void Write(Span<byte> s, int start, int count, int value)
    {
        for (int i = start + count - 1; i >= start; i--)
        {
            s[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }
}
