using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LambdaBootstrap.Emulator.Function;
using LambdaBootstrap.Emulator.Templates;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.HttpFrontDoor;

/// <summary>
/// Runs a route's Lambda authorizer before the route's function, as API Gateway does: a request without all its
/// identity sources is 401 without invoking it; otherwise the authorizer gets its event (REST TOKEN or REQUEST, HTTP
/// API payload 1.0 or 2.0), and its answer (an IAM policy, or <c>isAuthorized</c> for simple responses) lets the
/// request through with its context or refuses it with 403. An answer is cached per identity for the authorizer's TTL,
/// on the emulator's clock.
/// </summary>
internal sealed class LambdaAuthorizers(IReadOnlyDictionary<string, LocalFunction> functions, TimeProvider time, Action<string, bool> output,
    string region, string accountId)
{
    private static readonly AuthorizerVerdict Unauthorized = AuthorizerVerdict.Refuse(401, """{"message":"Unauthorized"}""");
    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, JsonElement Answer)> _cache = new(StringComparer.Ordinal);

    /// <param name="buildEvent">The route's event in a format, without authorizer output: the REQUEST events are made from it.</param>
    public async Task<AuthorizerVerdict> AuthorizeAsync(AuthorizerDefinition authorizer, RouteMatch match, HttpRequest request,
        Func<FrontDoorEventFormat, byte[]> buildEvent)
    {
        var api = match.Route.Api;
        var identity = new List<string>();
        foreach (var source in authorizer.IdentitySources)
        {
            string? value = source.IsHeader ? request.Headers[source.Name].ToString() : request.Query[source.Name].ToString();
            if (string.IsNullOrEmpty(value))
                return Unauthorized;
            identity.Add(value);
        }
        string arn = $"arn:aws:execute-api:{region}:{accountId}:{api.LogicalId}/{api.StageName}/{request.Method}{match.Path}";
        string key = $"{api.LogicalId}\0{authorizer.Name}\0{string.Join('\0', identity)}";
        bool cacheable = authorizer.Ttl > TimeSpan.Zero && identity.Count > 0;
        JsonElement answer;
        if (cacheable && _cache.TryGetValue(key, out var cached) && cached.Expires > time.GetUtcNow())
            answer = cached.Answer;
        else
        {
            var (fresh, refusal) = await InvokeAsync(authorizer, api, Event(authorizer, arn, identity, buildEvent), request);
            if (refusal is not null)
                return refusal;
            answer = fresh;
            if (cacheable)
                _cache[key] = (time.GetUtcNow() + authorizer.Ttl, answer);
        }
        return Decide(authorizer, api, answer, arn, request);
    }

    private AuthorizerVerdict Decide(AuthorizerDefinition authorizer, ApiDefinition api, JsonElement answer, string arn, HttpRequest request)
    {
        if (answer.ValueKind != JsonValueKind.Object)
            return Failed(api, authorizer, "its answer is not a JSON object", request);
        JsonElement? context = answer.TryGetProperty("context", out var c) && c.ValueKind == JsonValueKind.Object ? c : null;
        bool allowed;
        string? principal = null;
        if (authorizer.SimpleResponses)
        {
            if (!answer.TryGetProperty("isAuthorized", out var flag) || flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                return Failed(api, authorizer, "its simple response has no isAuthorized boolean", request);
            allowed = flag.ValueKind == JsonValueKind.True;
        }
        else
        {
            if (!answer.TryGetProperty("policyDocument", out var policy) || IamPolicy.Allows(policy, arn) is not { } verdict)
                return Failed(api, authorizer, "its answer has no valid policyDocument", request);
            allowed = verdict;
            principal = answer.TryGetProperty("principalId", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        }
        if (!allowed)
        {
            return api.IsRest
                ? AuthorizerVerdict.Refuse(403, """{"Message":"User is not authorized to access this resource with an explicit deny"}""")
                : AuthorizerVerdict.Refuse(403, """{"message":"Forbidden"}""");
        }
        return AuthorizerVerdict.Allow(new AuthorizerOutput(principal, context));
    }

    /// <summary>The authorizer's event: REST TOKEN's three fields, or the route's event with the authorizer's fields added.</summary>
    private static byte[] Event(AuthorizerDefinition authorizer, string arn, List<string> identity, Func<FrontDoorEventFormat, byte[]> buildEvent)
    {
        if (authorizer.Kind == AuthorizerKind.RestToken)
        {
            var token = new JsonObject { ["type"] = "TOKEN", ["authorizationToken"] = identity[0], ["methodArn"] = arn };
            return Encoding.UTF8.GetBytes(token.ToJsonString());
        }
        bool v2 = authorizer.Kind == AuthorizerKind.HttpApiV2;
        var json = JsonNode.Parse(buildEvent(v2 ? FrontDoorEventFormat.ApiGatewayV2 : FrontDoorEventFormat.ApiGatewayV1))!.AsObject();
        json.Remove("body");
        json.Remove("isBase64Encoded");
        json["type"] = "REQUEST";
        switch (authorizer.Kind)
        {
            case AuthorizerKind.HttpApiV2:
                json["routeArn"] = arn;
                json["identitySource"] = new JsonArray([.. identity.Select(v => (JsonNode)JsonValue.Create(v))]);
                break;
            case AuthorizerKind.HttpApiV1:
                json["version"] = "1.0";
                json["methodArn"] = arn;
                json["identitySource"] = string.Join(',', identity);
                json["authorizationToken"] = identity.FirstOrDefault();
                break;
            default:
                json["methodArn"] = arn;
                break;
        }
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    /// <summary>The authorizer's answer, or the refusal its failure is.</summary>
    private async Task<(JsonElement Answer, AuthorizerVerdict? Refusal)> InvokeAsync(AuthorizerDefinition authorizer, ApiDefinition api, byte[] payload,
        HttpRequest request)
    {
        InvokeResult result;
        try
        {
            result = await functions[authorizer.FunctionId].StartInvoke(payload).Result;
        }
        catch (QueueFullException e)
        {
            return (default, Failed(api, authorizer, e.Message, request));
        }
        if (result.Outcome.IsError)
        {
            // A REST authorizer refuses a token by failing with the message "Unauthorized".
            if (api.IsRest && result.Outcome.ErrorMessage == "Unauthorized")
                return (default, Unauthorized);
            return (default, Failed(api, authorizer, $"it failed: {result.Outcome.ErrorType}: {result.Outcome.ErrorMessage}", request));
        }
        try
        {
            using var document = JsonDocument.Parse(result.Outcome.Body);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            return (default, Failed(api, authorizer, "its answer is not JSON", request));
        }
    }

    private AuthorizerVerdict Failed(ApiDefinition api, AuthorizerDefinition authorizer, string why, HttpRequest request)
    {
        output($"emulator: http: {request.Method} {request.Path}: 500, authorizer {authorizer.Name}: {why}", true);
        return api.IsRest ? AuthorizerVerdict.Refuse(500, """{"message":null}""") : AuthorizerVerdict.Refuse(500, """{"message":"Internal Server Error"}""");
    }
}
