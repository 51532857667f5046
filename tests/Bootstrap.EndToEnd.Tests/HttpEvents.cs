using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>
/// HTTP requests as each front door sends them to a function (API Gateway REST 1.0, HTTP API 2.0, Function URL, ALB
/// with multi-value headers), and their responses read back into one shape.
/// </summary>
public static class HttpEvents
{
    public static readonly string[] Formats = ["apigateway-v1", "apigateway-v2", "function-url", "alb"];

    public static byte[] Request(string format, string method, string path, string? query = null,
        IReadOnlyList<(string Name, string Value)>? headers = null, IReadOnlyList<string>? cookies = null,
        byte[]? body = null, bool base64 = false, IReadOnlyDictionary<string, string>? pathParameters = null)
    {
        headers ??= [];
        cookies ??= [];
        string? bodyText = body is null ? null : base64 ? Convert.ToBase64String(body) : Encoding.UTF8.GetString(body);
        var pairs = (query ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Select(p => (Name: p[0], Value: p.Length > 1 ? p[1] : "")).ToList();
        var allHeaders = headers.ToList();
        if (cookies.Count > 0 && format != "apigateway-v2" && format != "function-url")
            allHeaders.Add(("cookie", string.Join("; ", cookies)));

        JsonObject e = format switch
        {
            "apigateway-v1" => new JsonObject
            {
                ["resource"] = path,
                ["path"] = path,
                ["httpMethod"] = method,
                ["headers"] = Single(allHeaders),
                ["multiValueHeaders"] = Multi(allHeaders),
                ["queryStringParameters"] = pairs.Count == 0 ? null : Single(pairs.Select(p => (p.Name, Uri.UnescapeDataString(p.Value)))),
                ["multiValueQueryStringParameters"] = pairs.Count == 0 ? null : Multi(pairs.Select(p => (p.Name, Uri.UnescapeDataString(p.Value)))),
                ["pathParameters"] = Map(pathParameters),
                ["stageVariables"] = null,
                ["requestContext"] = new JsonObject
                {
                    ["accountId"] = "123456789012",
                    ["apiId"] = "abcdef1234",
                    ["httpMethod"] = method,
                    ["identity"] = new JsonObject { ["sourceIp"] = "198.51.100.7", ["userAgent"] = "e2e" },
                    ["path"] = "/prod" + path,
                    ["protocol"] = "HTTP/1.1",
                    ["requestId"] = "rest-request-1",
                    ["requestTimeEpoch"] = 1700000000000,
                    ["stage"] = "prod",
                },
                ["body"] = bodyText,
                ["isBase64Encoded"] = base64,
            },
            "apigateway-v2" or "function-url" => new JsonObject
            {
                ["version"] = "2.0",
                ["routeKey"] = format == "function-url" ? "$default" : $"{method} {path}",
                ["rawPath"] = path,
                ["rawQueryString"] = query ?? "",
                ["cookies"] = cookies.Count == 0 ? null : new JsonArray(cookies.Select(c => (JsonNode?)c).ToArray()),
                ["headers"] = Joined(allHeaders),
                ["queryStringParameters"] = pairs.Count == 0 ? null : Joined(pairs.Select(p => (p.Name, Uri.UnescapeDataString(p.Value)))),
                ["pathParameters"] = format == "function-url" ? null : Map(pathParameters),
                ["requestContext"] = new JsonObject
                {
                    ["accountId"] = format == "function-url" ? "anonymous" : "123456789012",
                    ["apiId"] = "urlid123",
                    ["domainName"] = format == "function-url" ? "urlid123.lambda-url.us-east-1.on.aws" : "urlid123.execute-api.us-east-1.amazonaws.com",
                    ["domainPrefix"] = "urlid123",
                    ["http"] = new JsonObject { ["method"] = method, ["path"] = path, ["protocol"] = "HTTP/1.1", ["sourceIp"] = "198.51.100.7", ["userAgent"] = "e2e" },
                    ["requestId"] = "v2-request-1",
                    ["routeKey"] = "$default",
                    ["stage"] = "$default",
                    ["timeEpoch"] = 1700000000000,
                },
                ["body"] = bodyText,
                ["isBase64Encoded"] = base64,
            },
            "alb" => new JsonObject
            {
                ["requestContext"] = new JsonObject { ["elb"] = new JsonObject { ["targetGroupArn"] = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/e2e/0123456789abcdef" } },
                ["httpMethod"] = method,
                ["path"] = path,
                // An ALB passes the query on still percent-encoded.
                ["multiValueQueryStringParameters"] = Multi(pairs),
                ["multiValueHeaders"] = Multi(allHeaders.Append(("x-forwarded-for", "198.51.100.7"))),
                ["body"] = bodyText ?? "",
                ["isBase64Encoded"] = base64,
            },
            _ => throw new ArgumentException(format),
        };
        return Encoding.UTF8.GetBytes(e.ToJsonString());
    }

    private static JsonObject? Map(IReadOnlyDictionary<string, string>? values) =>
        values is null ? null : Single(values.Select(kv => (kv.Key, kv.Value)));

    private static JsonObject Single(IEnumerable<(string Name, string Value)> pairs)
    {
        var o = new JsonObject();
        foreach (var (name, value) in pairs)
            o[name] = value;
        return o;
    }

    private static JsonObject Joined(IEnumerable<(string Name, string Value)> pairs)
    {
        var o = new JsonObject();
        foreach (var group in pairs.GroupBy(p => p.Name.ToLowerInvariant()))
            o[group.Key] = string.Join(",", group.Select(p => p.Value));
        return o;
    }

    private static JsonObject Multi(IEnumerable<(string Name, string Value)> pairs)
    {
        var o = new JsonObject();
        foreach (var group in pairs.GroupBy(p => p.Name))
            o[group.Key] = new JsonArray(group.Select(p => (JsonNode?)p.Value).ToArray());
        return o;
    }

    /// <summary>A function's answer to a front door, read as that front door reads it.</summary>
    public static HttpAnswer Answer(string format, byte[] response)
    {
        using var json = JsonDocument.Parse(response);
        var root = json.RootElement;
        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var cookies = new List<string>();
        void Add(string name, string value)
        {
            if (name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase))
                cookies.Add(value);
            else if (!headers.TryGetValue(name, out var list))
                headers[name] = [value];
            else if (!list.Contains(value))
                list.Add(value);
        }

        if (format is "apigateway-v1" or "alb")
        {
            if (format == "alb")
                Assert.Equal($"{root.GetProperty("statusCode").GetInt32()}", root.GetProperty("statusDescription").GetString()!.Split(' ')[0]);
            foreach (var header in root.GetProperty("multiValueHeaders").EnumerateObject())
                foreach (var value in header.Value.EnumerateArray())
                    Add(header.Name, value.GetString()!);
            if (format == "alb")
                Assert.False(root.TryGetProperty("headers", out _), "an ALB in multi-value mode reads multiValueHeaders only");
            else
                foreach (var header in root.GetProperty("headers").EnumerateObject())
                    Assert.Contains(header.Value.GetString(), headers[header.Name]);
        }
        else
        {
            foreach (var header in root.GetProperty("headers").EnumerateObject())
                Add(header.Name, header.Value.GetString()!);
            foreach (var cookie in root.GetProperty("cookies").EnumerateArray())
                cookies.Add(cookie.GetString()!);
            Assert.False(root.TryGetProperty("multiValueHeaders", out _));
        }

        bool base64 = root.GetProperty("isBase64Encoded").GetBoolean();
        string body = root.GetProperty("body").GetString()!;
        return new HttpAnswer(root.GetProperty("statusCode").GetInt32(), headers, cookies,
            base64 ? Convert.FromBase64String(body) : Encoding.UTF8.GetBytes(body), base64);
    }
}

public sealed record HttpAnswer(int Status, Dictionary<string, List<string>> Headers, List<string> Cookies, byte[] Body, bool IsBase64Encoded)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;
}
