namespace LambdaBootstrap.Emulator.XRay;

/// <summary>
/// An X-Ray trace header as Lambda passes it (<c>Root=1-…;Parent=…;Sampled=1</c>): the trace, the segment the
/// function's own subsegments hang under, and whether the invocation is traced at all.
/// </summary>
internal readonly record struct TraceHeader(string Root, string? Parent, bool Sampled)
{
    /// <summary>The header's parts; null when it has no <c>Root</c>.</summary>
    public static TraceHeader? Parse(string? header)
    {
        string? root = null, parent = null;
        bool sampled = false;
        foreach (string part in (header ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = part.IndexOf('=');
            if (equals <= 0)
                continue;
            string value = part[(equals + 1)..];
            switch (part[..equals])
            {
                case "Root": root = value; break;
                case "Parent": parent = value; break;
                case "Sampled": sampled = value == "1"; break;
            }
        }
        return root is { Length: > 0 } ? new TraceHeader(root, parent, sampled) : null;
    }
}
