using System.Buffers;
using System.Globalization;

namespace LambdaBootstrap.Runtime;

/// <summary>
/// The <c>Lambda-Runtime-Function-XRay-Error-Cause</c> header of an error report: one line of JSON,
/// <c>{"working_directory", "exceptions": [{"type", "message", "stack": [{"path", "line", "label"}]}], "paths"}</c>,
/// the exception first and its causes after it. Kept under 64 KiB by dropping stack frames, never types or messages.
/// </summary>
internal static class XRayErrorCause
{
    public const string HeaderName = "Lambda-Runtime-Function-XRay-Error-Cause";
    public const int MaxBytes = 64 * 1024;

    /// <summary>The header value, or null when even the types and messages alone do not fit.</summary>
    public static string? From(ErrorReport report, string workingDirectory)
    {
        var exceptions = new List<(ErrorReport Report, Frame[] Frames)>();
        Collect(report, exceptions);

        int mostFrames = 0;
        foreach (var (_, frames) in exceptions)
            mostFrames = Math.Max(mostFrames, frames.Length);
        var json = new ArrayBufferWriter<byte>(4096);
        Write(json, workingDirectory, exceptions, mostFrames);
        if (json.WrittenCount < MaxBytes)
            return System.Text.Encoding.ASCII.GetString(json.WrittenSpan);

        // Keep as many frames per exception as fit: the largest cap under the limit, by bisection.
        int low = 0, high = mostFrames - 1;
        while (low < high)
        {
            int cap = (low + high + 1) / 2;
            json.ResetWrittenCount();
            Write(json, workingDirectory, exceptions, cap);
            if (json.WrittenCount < MaxBytes)
                low = cap;
            else
                high = cap - 1;
        }
        json.ResetWrittenCount();
        Write(json, workingDirectory, exceptions, low);
        return json.WrittenCount < MaxBytes ? System.Text.Encoding.ASCII.GetString(json.WrittenSpan) : null;
    }

    private static void Collect(ErrorReport report, List<(ErrorReport, Frame[])> into)
    {
        var frames = new Frame[report.StackTrace.Count];
        for (int i = 0; i < frames.Length; i++)
            frames[i] = Frame.Parse(report.StackTrace[i]);
        into.Add((report, frames));
        if (report.Causes is { } causes)
        {
            foreach (var cause in causes)
                Collect(cause, into);
        }
        else if (report.Cause is { } cause)
        {
            Collect(cause, into);
        }
    }

    private static void Write(ArrayBufferWriter<byte> json, string workingDirectory, List<(ErrorReport Report, Frame[] Frames)> exceptions, int frameCap)
    {
        json.Append("{"u8);
        JsonText.Property(json, "working_directory"u8, first: true);
        JsonText.String(json, workingDirectory, asciiOnly: true);
        JsonText.Property(json, "exceptions"u8);
        json.Append("["u8);
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < exceptions.Count; i++)
        {
            var (report, frames) = exceptions[i];
            if (i > 0)
                json.Append(","u8);
            json.Append("{"u8);
            JsonText.Property(json, "type"u8, first: true);
            JsonText.String(json, report.ErrorType, asciiOnly: true);
            JsonText.Property(json, "message"u8);
            JsonText.String(json, report.ErrorMessage, asciiOnly: true);
            JsonText.Property(json, "stack"u8);
            json.Append("["u8);
            for (int f = 0; f < Math.Min(frameCap, frames.Length); f++)
            {
                var frame = frames[f];
                if (f > 0)
                    json.Append(","u8);
                json.Append("{"u8);
                JsonText.Property(json, "path"u8, first: true);
                JsonText.String(json, frame.Path, asciiOnly: true);
                JsonText.Property(json, "line"u8);
                json.Append(System.Text.Encoding.ASCII.GetBytes(frame.Line.ToString(CultureInfo.InvariantCulture)));
                JsonText.Property(json, "label"u8);
                JsonText.String(json, frame.Label, asciiOnly: true);
                json.Append("}"u8);
                if (frame.Path.Length > 0)
                    paths.Add(frame.Path);
            }
            json.Append("]}"u8);
        }
        json.Append("]"u8);
        JsonText.Property(json, "paths"u8);
        json.Append("["u8);
        bool firstPath = true;
        foreach (string path in paths)
        {
            if (!firstPath)
                json.Append(","u8);
            firstPath = false;
            JsonText.String(json, path, asciiOnly: true);
        }
        json.Append("]}"u8);
    }

    /// <summary>One stack trace line: <c>at Label(args) in path:line N</c>; without symbols only <c>at Label(args) + 0x1f</c>.</summary>
    internal readonly record struct Frame(string Path, int Line, string Label)
    {
        public static Frame Parse(string line)
        {
            var text = line.AsSpan().Trim();
            if (text.StartsWith("at "))
                text = text[3..];
            string path = "";
            int lineNumber = 0;
            int at = text.LastIndexOf(" in ");
            if (at >= 0)
            {
                var location = text[(at + 4)..];
                int colon = location.LastIndexOf(":line ");
                if (colon >= 0 && int.TryParse(location[(colon + 6)..], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
                {
                    path = location[..colon].ToString();
                    lineNumber = n;
                }
                else
                {
                    path = location.ToString();
                }
                text = text[..at];
            }
            int paren = text.IndexOf('(');
            var label = paren > 0 ? text[..paren] : text;
            int offset = label.IndexOf(" + 0x");
            return new Frame(path, lineNumber, (offset > 0 ? label[..offset] : label).ToString());
        }
    }
}
