using System.Text;
using System.Text.Json;

namespace LambdaBootstrap.Emulator.HttpFrontDoor;

/// <summary>
/// A function's answer read as its front door reads it: status, headers (each with all its values), and the body
/// decoded. <see cref="Read"/> says why an answer is not a valid response for that front door, as API Gateway
/// would refuse it with 502.
/// </summary>
internal sealed record HttpAnswer(int StatusCode, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body)
{
    /// <summary>The answer, or the reason it is not one (<paramref name="problem"/>).</summary>
    public static HttpAnswer? Read(FrontDoorEventFormat format, byte[] payload, out string? problem)
    {
        problem = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException e)
        {
            problem = $"the answer is not JSON: {e.Message}";
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            // Payload 2.0 takes any JSON without a statusCode as a 200 whose body is that JSON.
            if (format.IsPayloadV2() && (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("statusCode", out _)))
                return new HttpAnswer(200, [("Content-Type", "application/json")], payload);
            try
            {
                return ReadObject(format, root);
            }
            catch (InvalidAnswerException e)
            {
                problem = e.Message;
                return null;
            }
        }
    }

    private static HttpAnswer ReadObject(FrontDoorEventFormat format, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new InvalidAnswerException($"the answer is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object with statusCode");
        if (!root.TryGetProperty("statusCode", out var status))
            throw new InvalidAnswerException("the answer has no statusCode");
        int code = 0;
        if (!(status.ValueKind == JsonValueKind.Number && status.TryGetInt32(out code)) && !(status.ValueKind == JsonValueKind.String && int.TryParse(status.GetString(), out code)))
            throw new InvalidAnswerException($"statusCode is not a number: {status.GetRawText()}");
        if (code is < 100 or > 599)
            throw new InvalidAnswerException($"statusCode {code} is not an HTTP status");

        var headers = new List<(string, string)>();
        if (root.TryGetProperty("headers", out var single) && single.ValueKind != JsonValueKind.Null)
        {
            foreach (var header in Members(single, "headers"))
                headers.Add((header.Name, Scalar(header.Value, $"headers.{header.Name}")));
        }
        if (root.TryGetProperty("multiValueHeaders", out var multi) && multi.ValueKind != JsonValueKind.Null)
        {
            if (format.IsPayloadV2())
                throw new InvalidAnswerException("multiValueHeaders is not part of a payload 2.0 response");
            foreach (var header in Members(multi, "multiValueHeaders"))
            {
                if (header.Value.ValueKind != JsonValueKind.Array)
                    throw new InvalidAnswerException($"multiValueHeaders.{header.Name} is not a list");
                // Multi-value headers win over single ones of the same name, as on API Gateway.
                headers.RemoveAll(h => h.Item1.Equals(header.Name, StringComparison.OrdinalIgnoreCase));
                foreach (var value in header.Value.EnumerateArray())
                    headers.Add((header.Name, Scalar(value, $"multiValueHeaders.{header.Name}")));
            }
        }
        if (root.TryGetProperty("cookies", out var cookies) && cookies.ValueKind != JsonValueKind.Null)
        {
            if (!format.IsPayloadV2())
                throw new InvalidAnswerException("cookies is a payload 2.0 field; use multiValueHeaders Set-Cookie");
            if (cookies.ValueKind != JsonValueKind.Array)
                throw new InvalidAnswerException("cookies is not a list");
            foreach (var cookie in cookies.EnumerateArray())
                headers.Add(("Set-Cookie", Scalar(cookie, "cookies")));
        }
        foreach (var (name, value) in headers)
        {
            if (name.Length == 0 || name.AsSpan().IndexOfAny("\r\n: ") >= 0 || value.AsSpan().IndexOfAny('\r', '\n') >= 0)
                throw new InvalidAnswerException($"header '{name}' has a name or value that cannot go out (empty, CR, LF or colon)");
        }

        byte[] body = [];
        if (root.TryGetProperty("body", out var text) && text.ValueKind != JsonValueKind.Null)
        {
            if (text.ValueKind != JsonValueKind.String)
                throw new InvalidAnswerException($"body is a JSON {text.ValueKind.ToString().ToLowerInvariant()}, not a string");
            bool base64 = root.TryGetProperty("isBase64Encoded", out var flag) && flag.ValueKind == JsonValueKind.True;
            try
            {
                body = base64 ? Convert.FromBase64String(text.GetString()!) : Encoding.UTF8.GetBytes(text.GetString()!);
            }
            catch (FormatException)
            {
                throw new InvalidAnswerException("isBase64Encoded is true but body is not base64");
            }
        }
        return new HttpAnswer(code, headers, body);
    }

    private static JsonElement.ObjectEnumerator Members(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object ? element.EnumerateObject() : throw new InvalidAnswerException($"{name} is not an object");

    private static string Scalar(JsonElement value, string where) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => throw new InvalidAnswerException($"{where} is a JSON {value.ValueKind.ToString().ToLowerInvariant()}, not a string"),
    };

    private sealed class InvalidAnswerException(string message) : Exception(message);
}
