using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.HttpFrontDoor;

/// <summary>
/// Turns one HTTP request into the event its front door sends, with the request context AWS fills in: request id,
/// stage, source IP, time, domain name, method, path and protocol. Bodies of text content types go as they are,
/// any other body base64-encoded with <c>isBase64Encoded</c>.
/// </summary>
internal static class HttpEventBuilder
{
    private const string AccountId = "123456789012";

    public static byte[] Build(FrontDoorEventFormat format, HttpRequest request, byte[] body, string requestId, DateTimeOffset now) =>
        Build(format, request, body, requestId, now, EventRoute.CatchAll(format, request));

    public static byte[] Build(FrontDoorEventFormat format, HttpRequest request, byte[] body, string requestId, DateTimeOffset now, EventRoute route)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            switch (format)
            {
                case FrontDoorEventFormat.ApiGatewayV1: WriteRestApi(json, request, requestId, now, route); break;
                case FrontDoorEventFormat.Alb: WriteAlb(json, request); break;
                default: WritePayloadV2(json, format, request, requestId, now, route); break;
            }
            WriteBody(json, request, body);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteRestApi(Utf8JsonWriter json, HttpRequest request, string requestId, DateTimeOffset now, EventRoute route)
    {
        string path = route.Path;
        json.WriteString("resource", route.Resource);
        json.WriteString("path", path);
        json.WriteString("httpMethod", request.Method);
        WriteSingleValues(json, "headers", request.Headers.Select(h => (h.Key, (IEnumerable<string?>)h.Value)), lowerCase: false, lastOnly: true);
        WriteMultiValues(json, "multiValueHeaders", request.Headers.Select(h => (h.Key, (IEnumerable<string?>)h.Value)), lowerCase: false);
        var query = request.Query.Select(q => (q.Key, (IEnumerable<string?>)q.Value)).ToList();
        WriteSingleValues(json, "queryStringParameters", query, lowerCase: false, lastOnly: true);
        WriteMultiValues(json, "multiValueQueryStringParameters", query, lowerCase: false);
        WriteMap(json, "pathParameters", route.PathParameters);
        WriteMap(json, "stageVariables", route.StageVariables);
        json.WriteStartObject("requestContext");
        json.WriteString("accountId", AccountId);
        json.WriteString("apiId", route.ApiId);
        if (route.Authorizer is { } authorizer)
        {
            // A REST API flattens the authorizer's context beside its principal.
            json.WriteStartObject("authorizer");
            if (authorizer.PrincipalId is { } principal)
                json.WriteString("principalId", principal);
            if (authorizer.Context is { ValueKind: JsonValueKind.Object } context)
            {
                foreach (var member in context.EnumerateObject())
                    member.WriteTo(json);
            }
            json.WriteNumber("integrationLatency", 0);
            json.WriteEndObject();
        }
        json.WriteString("resourceId", ResourceId(route.Resource));
        json.WriteString("resourcePath", route.Resource);
        json.WriteString("httpMethod", request.Method);
        json.WriteString("extendedRequestId", requestId);
        json.WriteString("requestId", requestId);
        json.WriteString("requestTime", ClfTime(now));
        json.WriteNumber("requestTimeEpoch", now.ToUnixTimeMilliseconds());
        json.WriteString("path", "/" + route.Stage + path);
        json.WriteString("protocol", request.Protocol);
        json.WriteString("stage", route.Stage);
        WriteDomain(json, request, route);
        json.WriteStartObject("identity");
        json.WriteString("sourceIp", "127.0.0.1");
        json.WriteString("userAgent", request.Headers.UserAgent.ToString());
        json.WriteNull("clientCert");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WritePayloadV2(Utf8JsonWriter json, FrontDoorEventFormat format, HttpRequest request, string requestId, DateTimeOffset now, EventRoute route)
    {
        json.WriteString("version", "2.0");
        json.WriteString("routeKey", route.RouteKey);
        json.WriteString("rawPath", route.RawPath);
        json.WriteString("rawQueryString", request.QueryString.HasValue ? request.QueryString.Value![1..] : "");
        // Cookies travel in their own list; the Cookie header is not among the headers.
        var cookies = request.Headers.Cookie.SelectMany(c => (c ?? "").Split(';')).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        if (cookies.Count > 0)
        {
            json.WriteStartArray("cookies");
            foreach (string cookie in cookies)
                json.WriteStringValue(cookie);
            json.WriteEndArray();
        }
        WriteSingleValues(json, "headers", request.Headers.Where(h => !h.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
            .Select(h => (h.Key, (IEnumerable<string?>)h.Value)), lowerCase: true);
        if (request.Query.Count > 0)
            WriteSingleValues(json, "queryStringParameters", request.Query.Select(q => (q.Key, (IEnumerable<string?>)q.Value)), lowerCase: false);
        if (route.PathParameters is not null)
            WriteMap(json, "pathParameters", route.PathParameters);
        if (route.StageVariables is { Count: > 0 })
            WriteMap(json, "stageVariables", route.StageVariables);
        json.WriteStartObject("requestContext");
        json.WriteString("accountId", format == FrontDoorEventFormat.FunctionUrl ? "anonymous" : AccountId);
        json.WriteString("apiId", route.ApiId);
        if (route.Authorizer is { } authorizer)
        {
            // Payload 2.0 keeps a Lambda authorizer's context under "lambda".
            json.WriteStartObject("authorizer");
            json.WritePropertyName("lambda");
            if (authorizer.Context is { ValueKind: JsonValueKind.Object } context)
                context.WriteTo(json);
            else
                json.WriteNullValue();
            json.WriteEndObject();
        }
        WriteDomain(json, request, route);
        json.WriteStartObject("http");
        json.WriteString("method", request.Method);
        json.WriteString("path", route.RawPath);
        json.WriteString("protocol", request.Protocol);
        json.WriteString("sourceIp", "127.0.0.1");
        json.WriteString("userAgent", request.Headers.UserAgent.ToString());
        json.WriteEndObject();
        json.WriteString("requestId", requestId);
        json.WriteString("routeKey", route.RouteKey);
        json.WriteString("stage", route.Stage);
        json.WriteString("time", ClfTime(now));
        json.WriteNumber("timeEpoch", now.ToUnixTimeMilliseconds());
        json.WriteEndObject();
    }

    private static void WriteAlb(Utf8JsonWriter json, HttpRequest request)
    {
        json.WriteStartObject("requestContext");
        json.WriteStartObject("elb");
        json.WriteString("targetGroupArn", $"arn:aws:elasticloadbalancing:us-east-1:{AccountId}:targetgroup/local/0123456789abcdef");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("httpMethod", request.Method);
        json.WriteString("path", request.Path.Value ?? "/");
        // A load balancer passes the query as it came, still URL-encoded.
        var query = (request.QueryString.Value ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)).GroupBy(pair => pair[0], StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(pair => pair.Length > 1 ? pair[1] : "")));
        WriteMultiValues(json, "multiValueQueryStringParameters", query!, lowerCase: false, emptyAsObject: true);
        WriteMultiValues(json, "multiValueHeaders", request.Headers.Select(h => (h.Key, (IEnumerable<string?>)h.Value)), lowerCase: true, emptyAsObject: true);
    }

    private static void WriteBody(Utf8JsonWriter json, HttpRequest request, byte[] body)
    {
        bool binary = body.Length > 0 && !IsText(request.ContentType);
        if (body.Length == 0)
            json.WriteNull("body");
        else if (binary)
            json.WriteBase64String("body", body);
        else
            json.WriteString("body", Encoding.UTF8.GetString(body));
        json.WriteBoolean("isBase64Encoded", binary);
    }

    /// <summary>Content types whose bodies front doors pass as text.</summary>
    internal static bool IsText(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
            return true;
        string type = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("json", StringComparison.Ordinal)
            || type.EndsWith("xml", StringComparison.Ordinal) || type is "application/javascript" or "application/x-www-form-urlencoded";
    }

    private static void WriteMap(Utf8JsonWriter json, string property, IReadOnlyDictionary<string, string>? map)
    {
        if (map is null || map.Count == 0)
        {
            json.WriteNull(property);
            return;
        }
        json.WriteStartObject(property);
        foreach (var (name, value) in map)
            json.WriteString(name, value);
        json.WriteEndObject();
    }

    /// <summary>A stable stand-in for API Gateway's generated resource id.</summary>
    private static string ResourceId(string resource) => resource == "/{proxy+}" ? "proxy" : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(resource)))[..6];

    private static void WriteDomain(Utf8JsonWriter json, HttpRequest request, EventRoute route)
    {
        string host = route.DomainName ?? (request.Host.HasValue ? request.Host.Value! : "127.0.0.1");
        json.WriteString("domainName", host);
        json.WriteString("domainPrefix", host.Split('.', ':')[0]);
    }

    /// <summary>API Gateway's request time: <c>01/Dec/2026:05:44:04 +0000</c>.</summary>
    private static string ClfTime(DateTimeOffset now) => now.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture);

    /// <summary>
    /// One value per name: a REST API keeps the last of repeated values, payload 2.0 joins them with commas. Null
    /// when there are none (as REST APIs send it).
    /// </summary>
    private static void WriteSingleValues(Utf8JsonWriter json, string property, IEnumerable<(string Name, IEnumerable<string?> Values)> values, bool lowerCase,
        bool lastOnly = false)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            json.WriteNull(property);
            return;
        }
        json.WriteStartObject(property);
        foreach (var (name, all) in list)
            json.WriteString(lowerCase ? name.ToLowerInvariant() : name, lastOnly ? all.LastOrDefault() : string.Join(",", all));
        json.WriteEndObject();
    }

    private static void WriteMultiValues(Utf8JsonWriter json, string property, IEnumerable<(string Name, IEnumerable<string?> Values)> values, bool lowerCase,
        bool emptyAsObject = false)
    {
        var list = values.ToList();
        if (list.Count == 0 && !emptyAsObject)
        {
            json.WriteNull(property);
            return;
        }
        json.WriteStartObject(property);
        foreach (var (name, all) in list)
        {
            json.WriteStartArray(lowerCase ? name.ToLowerInvariant() : name);
            foreach (string? value in all)
                json.WriteStringValue(value);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }
}
