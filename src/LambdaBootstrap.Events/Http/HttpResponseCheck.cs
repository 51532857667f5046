namespace LambdaBootstrap.Events.Http;

/// <summary>Refuses what a front door would turn into broken or injected HTTP: CR, LF or NUL in header names, values and cookies.</summary>
internal static class HttpResponseCheck
{
    public static void Validate(HttpResponse response)
    {
        if (response.StatusCode is < 100 or > 599)
            throw new InvalidOperationException($"The response status {response.StatusCode} is not an HTTP status code (100-599).");
        foreach (var (name, values) in response.Headers)
        {
            if (name.Length == 0 || HasLineBreak(name) || name.Contains(':'))
                throw new InvalidOperationException($"The response header name \"{Printable(name)}\" is not a valid header name: refused.");
            foreach (var value in values)
            {
                if (HasLineBreak(value))
                    throw new InvalidOperationException($"The response header {name} has a CR, LF or NUL in its value: refused, it would inject headers.");
            }
        }
        foreach (var cookie in response.Cookies)
        {
            if (HasLineBreak(cookie))
                throw new InvalidOperationException("A response cookie has a CR, LF or NUL in it: refused, it would inject headers.");
        }
    }

    private static bool HasLineBreak(string text) => text.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0;

    private static string Printable(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\0", "\\0");
}
