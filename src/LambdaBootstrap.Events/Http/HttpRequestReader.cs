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

    public static HttpRequest Read(ReadOnlySpan<byte> @event)
    {
        HttpEventFields fields;
        try
        {
            fields = HttpEventParser.Parse(@event);
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
            return FromAlb(fields);
        if (fields.Version == "2.0" && fields.HasHttp)
            return FromPayloadV2(fields, fields.DomainName?.Contains(".lambda-url.", StringComparison.Ordinal) == true ? HttpEventFormat.FunctionUrl : HttpEventFormat.ApiGatewayV2);
        if (fields.HttpMethod is not null && fields.HasRequestContext)
            return FromRestApi(fields);
        throw NoFormat("it matches none of them");
    }

    private static RuntimeErrorException NoFormat(string why, Exception? inner = null) =>
        new(RuntimeErrorException.SerializationError, $"The event is not an HTTP request: {why}. Formats tried: {FormatsTried}.", inner);

    private static HttpRequest FromRestApi(HttpEventFields e)
    {
        var headers = MultiValue(e.MultiValueHeaders, e.Headers, ignoreCase: true, decode: false);
        return new HttpRequest
        {
            Format = HttpEventFormat.ApiGatewayV1,
            Method = e.HttpMethod!,
            Path = e.Path ?? e.ContextPath ?? "/",
            PathParameters = e.PathParameters ?? [],
            Query = MultiValue(e.MultiValueQueryStringParameters, e.QueryStringParameters, ignoreCase: false, decode: false),
            Headers = headers,
            Cookies = CookiesOf(headers),
            Body = HttpBody.Decode(e.Body, e.IsBase64Encoded),
            RequestContext = Context(e, e.IdentitySourceIp),
        };
    }

    private static HttpRequest FromPayloadV2(HttpEventFields e, HttpEventFormat format)
    {
        var headers = MultiValue(null, e.Headers, ignoreCase: true, decode: false);
        var cookies = e.Cookies ?? [];
        // Payload 2.0 moves the Cookie header into `cookies`; put it back so every format has it.
        if (cookies.Count > 0 && !headers.Contains("cookie"))
            headers["cookie"] = string.Join("; ", cookies);
        return new HttpRequest
        {
            Format = format,
            Method = e.HttpContextMethod ?? "GET",
            Path = e.RawPath ?? e.HttpContextPath ?? "/",
            PathParameters = e.PathParameters ?? [],
            Query = e.RawQueryString is not null
                ? ParseQuery(e.RawQueryString)
                : MultiValue(null, e.QueryStringParameters, ignoreCase: false, decode: false),
            Headers = headers,
            Cookies = cookies,
            Body = HttpBody.Decode(e.Body, e.IsBase64Encoded),
            RequestContext = Context(e, e.HttpContextSourceIp),
        };
    }

    private static HttpRequest FromAlb(HttpEventFields e)
    {
        var headers = MultiValue(e.MultiValueHeaders, e.Headers, ignoreCase: true, decode: false);
        return new HttpRequest
        {
            Format = HttpEventFormat.Alb,
            Method = e.HttpMethod ?? "GET",
            Path = e.Path ?? "/",
            // An ALB passes the query as the client sent it, percent-encoded.
            Query = MultiValue(e.MultiValueQueryStringParameters, e.QueryStringParameters, ignoreCase: false, decode: true),
            Headers = headers,
            Cookies = CookiesOf(headers),
            Body = HttpBody.Decode(e.Body, e.IsBase64Encoded),
            RequestContext = new HttpRequestContext { SourceIp = headers["x-forwarded-for"]?.Split(',')[0].Trim() },
            AlbMultiValue = e.MultiValueHeaders is not null,
        };
    }

    private static HttpRequestContext Context(HttpEventFields e, string? sourceIp) => new()
    {
        SourceIp = sourceIp,
        RequestId = e.RequestId,
        Stage = e.Stage,
        DomainName = e.DomainName,
        AuthorizerClaims = e.AuthorizerClaims ?? [],
    };

    private static MultiValueMap MultiValue(Dictionary<string, List<string>>? multi, Dictionary<string, string>? single, bool ignoreCase, bool decode)
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
