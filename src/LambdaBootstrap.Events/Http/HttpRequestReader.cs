using System.Text.Json;
using LambdaBootstrap.Runtime;

namespace LambdaBootstrap.Events.Http;

/// <summary>
/// Reads an HTTP event of any of the four formats into the one <see cref="HttpRequest"/>. The format follows from a few
/// members: <c>requestContext.elb</c> is an ALB; <c>version</c> 2.0 with <c>requestContext.http</c> is payload 2.0, a
/// Function URL when its domain is a <c>lambda-url</c> one; <c>httpMethod</c> with a <c>requestContext</c> is a REST API.
/// </summary>
internal static class HttpRequestReader
{
    public const string FormatsTried = "API Gateway REST (payload 1.0: httpMethod and requestContext), HTTP API (payload 2.0: version \"2.0\" and requestContext.http), Function URL (payload 2.0 on a lambda-url domain), ALB (requestContext.elb)";

    /// <param name="event">The event; the request refers to it (<see cref="HttpRequest.RawEvent"/>) rather than copy it.</param>
    /// <param name="ignoreStageInPath">Leave the stage in the path where the format puts it (<c>AWS_LAMBDA_HTTP_IGNORE_STAGE_IN_PATH</c>).</param>
    public static HttpRequest Read(ReadOnlyMemory<byte> @event, bool ignoreStageInPath = false)
    {
        HttpEventFields fields;
        try
        {
            fields = HttpEventParser.Parse(@event.Span);
        }
        catch (FormatException e)
        {
            throw NoFormat(e.Message);
        }
        catch (JsonException e)
        {
            throw NoFormat($"it is not valid JSON ({e.Message})", e);
        }

        if (fields.HasElb)
            return FromAlb(fields, @event);
        if (fields.Version == "2.0" && fields.HasHttp)
            return FromPayloadV2(fields, @event, ignoreStageInPath, fields.DomainName?.Contains(".lambda-url.", StringComparison.Ordinal) == true ? HttpEventFormat.FunctionUrl : HttpEventFormat.ApiGatewayV2);
        if (fields.HttpMethod is not null && fields.HasRequestContext)
            return FromRestApi(fields, @event, ignoreStageInPath);
        throw NoFormat("it matches none of them");
    }

    private static RuntimeErrorException NoFormat(string why, Exception? inner = null) =>
        new(RuntimeErrorException.SerializationError, $"The event is not an HTTP request: {why}. Formats tried: {FormatsTried}.", inner);

    private static HttpRequest FromRestApi(HttpEventFields e, ReadOnlyMemory<byte> @event, bool ignoreStageInPath)
    {
        var headers = MultiValue(e.MultiValueHeaders, e.Headers, ignoreCase: true, decode: false);
        var path = HttpPathModel.Rest(e.Path, e.ContextPath, ignoreStageInPath);
        var query = MultiValue(e.MultiValueQueryStringParameters, e.QueryStringParameters, ignoreCase: false, decode: false);
        return new HttpRequest
        {
            Format = HttpEventFormat.ApiGatewayV1,
            Method = e.HttpMethod!,
            Path = path.Path,
            PathBase = path.PathBase,
            RawPath = path.RawPath,
            EncodedPath = path.EncodedPath,
            PathParameters = e.PathParameters ?? [],
            Query = query,
            RawQueryString = EncodeQuery(query),
            Headers = headers,
            Cookies = CookiesOf(headers),
            Body = HttpBody.Decode(e.Body, e.IsBase64Encoded),
            RequestContext = Context(e, @event, e.IdentitySourceIp, e.Resource is null ? null : $"{e.HttpMethod} {e.Resource}"),
            RawEvent = @event,
        };
    }

    private static HttpRequest FromPayloadV2(HttpEventFields e, ReadOnlyMemory<byte> @event, bool ignoreStageInPath, HttpEventFormat format)
    {
        var headers = MultiValue(null, e.Headers, ignoreCase: true, decode: false);
        var cookies = e.Cookies ?? [];
        // Payload 2.0 moves the Cookie header into `cookies`; put it back so every format has it.
        if (cookies.Count > 0 && !headers.Contains("cookie"))
            headers["cookie"] = string.Join("; ", cookies);
        var path = HttpPathModel.PayloadV2(e.RawPath ?? e.HttpContextPath, e.Stage, ignoreStageInPath);
        return new HttpRequest
        {
            Format = format,
            Method = e.HttpContextMethod ?? "GET",
            Path = path.Path,
            PathBase = path.PathBase,
            RawPath = path.RawPath,
            EncodedPath = path.EncodedPath,
            PathParameters = e.PathParameters ?? [],
            Query = e.RawQueryString is not null
                ? ParseQuery(e.RawQueryString)
                : MultiValue(null, e.QueryStringParameters, ignoreCase: false, decode: false),
            RawQueryString = e.RawQueryString ?? "",
            Headers = headers,
            Cookies = cookies,
            Body = HttpBody.Decode(e.Body, e.IsBase64Encoded),
            // A Function URL's routeKey is always $default: there is no route.
            RequestContext = Context(e, @event, e.HttpContextSourceIp, format == HttpEventFormat.FunctionUrl ? null : e.RouteKey),
            RawEvent = @event,
        };
    }

    private static HttpRequest FromAlb(HttpEventFields e, ReadOnlyMemory<byte> @event)
    {
        var headers = MultiValue(e.MultiValueHeaders, e.Headers, ignoreCase: true, decode: false);
        var path = HttpPathModel.Alb(e.Path);
        return new HttpRequest
        {
            Format = HttpEventFormat.Alb,
            Method = e.HttpMethod ?? "GET",
            Path = path.Path,
            RawPath = path.RawPath,
            EncodedPath = path.EncodedPath,
            // An ALB passes the query as the client sent it, percent-encoded.
            Query = MultiValue(e.MultiValueQueryStringParameters, e.QueryStringParameters, ignoreCase: false, decode: true),
            RawQueryString = JoinQuery(e.MultiValueQueryStringParameters, e.QueryStringParameters),
            Headers = headers,
            Cookies = CookiesOf(headers),
            Body = HttpBody.Decode(e.Body, e.IsBase64Encoded),
            RequestContext = new HttpRequestContext { SourceIp = headers["x-forwarded-for"]?.Split(',')[0].Trim() },
            RawEvent = @event,
            AlbMultiValue = e.MultiValueHeaders is not null,
        };
    }

    private static HttpRequestContext Context(HttpEventFields e, ReadOnlyMemory<byte> @event, string? sourceIp, string? routeKey) => new()
    {
        SourceIp = sourceIp,
        RequestId = e.RequestId,
        Stage = e.Stage,
        DomainName = e.DomainName,
        RouteKey = routeKey,
        Resource = e.Resource,
        StageVariables = e.StageVariables ?? [],
        RequestTime = e.RequestTimeEpoch is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
        AuthorizerClaims = e.AuthorizerClaims ?? [],
        AuthorizerJson = @event[e.AuthorizerJson],
        RestIamIdentity = e.RestIamIdentity,
    };

    /// <summary>A REST API's decoded query parameters, encoded back into a query string.</summary>
    private static string EncodeQuery(MultiValueMap query)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (name, values) in query)
        {
            foreach (var value in values)
                text.Append(text.Length == 0 ? "" : "&").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return text.ToString();
    }

    /// <summary>An ALB's parameters, still encoded, joined back into the query string the client sent.</summary>
    private static string JoinQuery(Dictionary<string, List<string>>? multi, Dictionary<string, string>? single)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (name, values) in multi ?? single?.ToDictionary(p => p.Key, p => new List<string> { p.Value }) ?? [])
        {
            foreach (var value in values)
                text.Append(text.Length == 0 ? "" : "&").Append(name).Append('=').Append(value);
        }
        return text.ToString();
    }

    internal static MultiValueMap MultiValue(Dictionary<string, List<string>>? multi, Dictionary<string, string>? single, bool ignoreCase, bool decode)
    {
        var map = new MultiValueMap(ignoreCase);
        if (multi is not null)
        {
            foreach (var (name, values) in multi)
            {
                foreach (var value in values)
                    map.Add(Decoded(name, decode), Decoded(value, decode));
            }
        }
        else if (single is not null)
        {
            foreach (var (name, value) in single)
                map.Add(Decoded(name, decode), Decoded(value, decode));
        }
        return map;
    }

    private static string Decoded(string text, bool decode) => decode ? QueryDecode(text) : text;

    internal static MultiValueMap ParseQuery(string query)
    {
        var map = new MultiValueMap(ignoreCase: false);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=');
            map.Add(QueryDecode(equals < 0 ? pair : pair[..equals]), equals < 0 ? "" : QueryDecode(pair[(equals + 1)..]));
        }
        return map;
    }

    private static string QueryDecode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static List<string> CookiesOf(MultiValueMap headers)
    {
        var cookies = new List<string>();
        foreach (var header in headers.GetValues("cookie"))
        {
            foreach (var cookie in header.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                cookies.Add(cookie);
        }
        return cookies;
    }
}
