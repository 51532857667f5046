using System.Text;
using System.Text.Json;

namespace LambdaBootstrap.Emulator.RuntimeApi;

/// <summary>
/// The <c>Lambda-Runtime-Function-XRay-Error-Cause</c> header an error report may carry: one line of JSON under
/// 64 KiB, <c>{"working_directory": s, "exceptions": [{"type": s, "message": s, "stack": [{"path": s, "line": n,
/// "label": s}]}], "paths": [s]}</c>. Lambda drops a malformed one silently; the emulator says what is wrong with it.
/// </summary>
internal static class XRayErrorCauseFormat
{
    public const string HeaderName = "Lambda-Runtime-Function-XRay-Error-Cause";
    /// <summary>A cause must be smaller than this many bytes (UTF-8).</summary>
    public const int MaxBytes = 64 * 1024;
    private const int MaxMessageChars = 200;

    /// <summary>
    /// True with a one-line summary when <paramref name="value"/> is a valid cause; false with the reason when not.
    /// </summary>
    public static bool TryDescribe(string value, out string description)
    {
        int bytes = Encoding.UTF8.GetByteCount(value);
        if (bytes >= MaxBytes)
        {
            description = $"{bytes} bytes, must be under {MaxBytes}";
            return false;
        }
        if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            description = "must be one line";
            return false;
        }
        try
        {
            using var json = JsonDocument.Parse(value);
            description = Describe(json.RootElement);
            return true;
        }
        catch (JsonException e)
        {
            description = $"not valid JSON: {e.Message}";
            return false;
        }
        catch (FormatException e)
        {
            description = e.Message;
            return false;
        }
    }

    // Checks the shape while it summarises; a FormatException names the first field that is wrong.
    private static string Describe(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new FormatException($"must be a JSON object, not {Kind(root)}");
        string workingDirectory = String(root, "working_directory", "");
        var exceptions = Array(root, "exceptions", "");
        var paths = Array(root, "paths", "");
        for (int i = 0; i < paths.GetArrayLength(); i++)
        {
            if (paths[i].ValueKind != JsonValueKind.String)
                throw new FormatException($"\"paths[{i}]\" must be a string, not {Kind(paths[i])}");
        }

        string first = "no exceptions";
        int frames = 0;
        for (int i = 0; i < exceptions.GetArrayLength(); i++)
        {
            var exception = exceptions[i];
            string at = $"exceptions[{i}]";
            if (exception.ValueKind != JsonValueKind.Object)
                throw new FormatException($"\"{at}\" must be an object, not {Kind(exception)}");
            string type = String(exception, "type", at);
            string message = String(exception, "message", at);
            var stack = Array(exception, "stack", at);
            string? top = null;
            for (int f = 0; f < stack.GetArrayLength(); f++)
            {
                var frame = stack[f];
                string frameAt = $"{at}.stack[{f}]";
                if (frame.ValueKind != JsonValueKind.Object)
                    throw new FormatException($"\"{frameAt}\" must be an object, not {Kind(frame)}");
                string path = String(frame, "path", frameAt);
                if (!frame.TryGetProperty("line", out var line) || line.ValueKind != JsonValueKind.Number)
                    throw new FormatException($"\"{frameAt}.line\" must be a number");
                string label = String(frame, "label", frameAt);
                top ??= $" at {label} ({path}:{line.GetRawText()})";
            }
            frames += stack.GetArrayLength();
            if (i == 0)
                first = $"{type}: {OneLine(message)}{top}";
        }
        return $"{first}; {Count(exceptions.GetArrayLength(), "exception")}, {Count(frames, "frame")}, {Count(paths.GetArrayLength(), "path")}, working directory {workingDirectory}";
    }

    private static string String(JsonElement parent, string name, string at) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"\"{Field(at, name)}\" must be a string");

    private static JsonElement Array(JsonElement parent, string name, string at) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value
            : throw new FormatException($"\"{Field(at, name)}\" must be an array");

    private static string Field(string at, string name) => at.Length == 0 ? name : $"{at}.{name}";

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string OneLine(string text)
    {
        var line = new StringBuilder(Math.Min(text.Length, MaxMessageChars + 3));
        foreach (char c in text)
        {
            if (line.Length == MaxMessageChars)
                return line.Append("...").ToString();
            line.Append(char.IsControl(c) ? ' ' : c);
        }
        return line.ToString();
    }
}
