using System.Text.Json;

namespace LambdaBootstrap.Emulator.WebSocketApi;

/// <summary>
/// A WebSocket API's route selection expression, as API Gateway evaluates it on each message:
/// <c>$request.body.a.b</c> is the string (or number) at <c>a.b</c> of the message's JSON; a message that is not JSON,
/// or has nothing there, selects no key (and goes to <c>$default</c>).
/// </summary>
internal static class RouteSelection
{
    private const string BodyPrefix = "$request.body.";

    public static string? Select(string expression, byte[] message)
    {
        if (!expression.StartsWith(BodyPrefix, StringComparison.Ordinal))
            return null;
        try
        {
            using var document = JsonDocument.Parse(message);
            var element = document.RootElement;
            foreach (string name in expression[BodyPrefix.Length..].Split('.'))
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                    return null;
            }
            return element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
