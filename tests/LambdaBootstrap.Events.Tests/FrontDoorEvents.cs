using System.Text;
using System.Text.Json;
using LambdaBootstrap.Events.Http;

namespace LambdaBootstrap.Events.Tests;

/// <summary>
/// The event each HTTP front door sends for one client request, in the shapes AWS documents: a REST API (payload 1.0,
/// `path` without the stage, `requestContext.path` with it), an HTTP API (payload 2.0, `rawPath` with the stage
/// unless it is `$default`), a Function URL, and an ALB (path and query as the client sent them, encoded).
/// </summary>
internal static class FrontDoorEvents
{
    /// <param name="encodedPath">The path the client sent after the stage, percent-encoded: <c>/items/a%20b</c>.</param>
    /// <param name="query">The client's query string, encoded: <c>q=a%20b&amp;n=1</c>.</param>
    /// <param name="stage">The API Gateway stage (REST and HTTP API only).</param>
    /// <param name="routeKey">API Gateway's matched route (<c>GET /items/{id}</c>), with <paramref name="pathParameters"/>.</param>
    public static byte[] For(HttpEventFormat format, string method, string encodedPath, string query = "", string stage = "$default",
        string? routeKey = null, Dictionary<string, string>? pathParameters = null, string? body = null)
    {
        // Only API Gateway has stages; a Function URL's is always $default.
        if (format is HttpEventFormat.FunctionUrl or HttpEventFormat.Alb)
            stage = "$default";
        string stagePrefix = stage == "$default" ? "" : "/" + stage;
        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToList();
        string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
        var decodedMulti = pairs.GroupBy(p => Decode(p[0])).ToDictionary(g => g.Key, g => g.Select(p => Decode(p.Length > 1 ? p[1] : "")).ToList());
        var encodedMulti = pairs.GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Select(p => p.Length > 1 ? p[1] : "").ToList());
        var headers = new Dictionary<string, string> { ["host"] = "example.com", ["content-type"] = "application/json" };

        object @event = format switch
        {
            HttpEventFormat.ApiGatewayV1 => new Dictionary<string, object?>
            {
                ["resource"] = routeKey?[(routeKey.IndexOf(' ') + 1)..] ?? "/{proxy+}",
                ["path"] = encodedPath,
                ["httpMethod"] = method,
                ["headers"] = headers,
                ["multiValueHeaders"] = headers.ToDictionary(h => h.Key, h => new List<string> { h.Value }),
                ["queryStringParameters"] = decodedMulti.Count == 0 ? null : decodedMulti.ToDictionary(p => p.Key, p => p.Value[^1]),
                ["multiValueQueryStringParameters"] = decodedMulti.Count == 0 ? null : decodedMulti,
                ["pathParameters"] = pathParameters ?? new Dictionary<string, string> { ["proxy"] = Decode(encodedPath.TrimStart('/')) },
                ["stageVariables"] = null,
                ["requestContext"] = new Dictionary<string, object?>
                {
                    ["resourcePath"] = routeKey?[(routeKey.IndexOf(' ') + 1)..] ?? "/{proxy+}",
                    ["httpMethod"] = method,
                    ["path"] = stagePrefix + encodedPath,
                    ["stage"] = stage,
                    ["requestId"] = "rest-1",
                    ["requestTimeEpoch"] = 1583349317135,
                    ["domainName"] = "abc123.execute-api.eu-west-1.amazonaws.com",
                    ["identity"] = new Dictionary<string, object?> { ["sourceIp"] = "192.0.2.10" },
                },
                ["body"] = body,
                ["isBase64Encoded"] = false,
            },
            HttpEventFormat.ApiGatewayV2 or HttpEventFormat.FunctionUrl => new Dictionary<string, object?>
            {
                ["version"] = "2.0",
                ["routeKey"] = format == HttpEventFormat.FunctionUrl ? "$default" : routeKey ?? "$default",
                ["rawPath"] = stagePrefix + encodedPath,
                ["rawQueryString"] = query,
                ["headers"] = headers,
                ["queryStringParameters"] = decodedMulti.Count == 0 ? null : decodedMulti.ToDictionary(p => p.Key, p => string.Join(',', p.Value)),
                ["pathParameters"] = pathParameters,
                ["requestContext"] = new Dictionary<string, object?>
                {
                    ["domainName"] = format == HttpEventFormat.FunctionUrl ? "abc123.lambda-url.eu-west-1.on.aws" : "abc123.execute-api.eu-west-1.amazonaws.com",
                    ["http"] = new Dictionary<string, object?> { ["method"] = method, ["path"] = stagePrefix + encodedPath, ["sourceIp"] = "192.0.2.10" },
                    ["requestId"] = "v2-1",
                    ["routeKey"] = format == HttpEventFormat.FunctionUrl ? "$default" : routeKey ?? "$default",
                    ["stage"] = format == HttpEventFormat.FunctionUrl ? "$default" : stage,
                    ["timeEpoch"] = 1583348638390,
                },
                ["body"] = body,
                ["isBase64Encoded"] = false,
            },
            _ => new Dictionary<string, object?>
            {
                ["requestContext"] = new Dictionary<string, object?> { ["elb"] = new Dictionary<string, string> { ["targetGroupArn"] = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/tg/1" } },
                ["httpMethod"] = method,
                ["path"] = encodedPath,
                ["multiValueQueryStringParameters"] = encodedMulti,
                ["multiValueHeaders"] = headers.ToDictionary(h => h.Key, h => new List<string> { h.Value }),
                ["body"] = body ?? "",
                ["isBase64Encoded"] = false,
            },
        };
        return JsonSerializer.SerializeToUtf8Bytes(@event, TestEventJson.Default.Object);
    }

    public static readonly HttpEventFormat[] All = [HttpEventFormat.ApiGatewayV1, HttpEventFormat.ApiGatewayV2, HttpEventFormat.FunctionUrl, HttpEventFormat.Alb];

    /// <summary>The status and body of a response written for the front door, read back from its JSON.</summary>
    public static (int Status, string Body, JsonElement Json) ReadResponse(ReadOnlyMemory<byte> written)
    {
        var json = JsonDocument.Parse(written).RootElement.Clone();
        string body = json.GetProperty("body").GetString()!;
        if (json.GetProperty("isBase64Encoded").GetBoolean())
            body = Encoding.UTF8.GetString(Convert.FromBase64String(body));
        return (json.GetProperty("statusCode").GetInt32(), body, json);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(object))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, object?>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, List<string>>))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
[System.Text.Json.Serialization.JsonSerializable(typeof(long))]
[System.Text.Json.Serialization.JsonSerializable(typeof(bool))]
internal sealed partial class TestEventJson : System.Text.Json.Serialization.JsonSerializerContext;
