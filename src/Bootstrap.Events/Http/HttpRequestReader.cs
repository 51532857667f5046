using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Bootstrap.Runtime;

namespace Bootstrap.Events.Http;

/// <summary>Reads an HTTP event of any of the four formats into the one <see cref="HttpRequest"/>.</summary>
internal static class HttpRequestReader
{
    public static HttpRequest Read(ReadOnlySpan<byte> @event)
    {
        var format = HttpEventDetector.Detect(@event);
        return format switch
        {
            HttpEventFormat.ApiGatewayV1 => FromRestApi(Parse(@event, ApiGatewayJson.Default.APIGatewayProxyRequest)),
            HttpEventFormat.Alb => FromAlb(Parse(@event, AlbJson.Default.ApplicationLoadBalancerRequest)),
            _ => FromPayloadV2(Parse(@event, HttpApiJson.Default.APIGatewayHttpApiV2ProxyRequest), format),
        };
    }

    private static T Parse<T>(ReadOnlySpan<byte> @event, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(@event, type)!;
        }
        catch (JsonException e)
        {
            throw new RuntimeErrorException(RuntimeErrorException.SerializationError,
                $"The event looks like {typeof(T).Name} but does not fit it: {e.Message}", e);
        }
    }

    private static HttpRequest FromRestApi(APIGatewayProxyRequest e)
    {
        var headers = MultiValue(e.MultiValueHeaders, e.Headers, ignoreCase: true, decode: false);
        var context = e.RequestContext;
        return new HttpRequest
        {
            Format = HttpEventFormat.ApiGatewayV1,
            Method = e.HttpMethod ?? "GET",
            Path = e.Path ?? context?.Path ?? "/",
            PathParameters = e.PathParameters ?? [],
            Query = MultiValue(e.MultiValueQueryStringParameters, e.QueryStringParameters, ignoreCase: false, decode: false),
            Headers = headers,
            Cookies = CookiesOf(headers),
            Body = HttpBody.Decode(e.Body, e.IsBase64Encoded),
            RequestContext = new HttpRequestContext
            {
                SourceIp = context?.Identity?.SourceIp,
                RequestId = context?.RequestId,
                Stage = context?.Stage,
                DomainName = context?.DomainName,
                AuthorizerClaims = RestApiClaims(context?.Authorizer),
            },
        };
    }

    private static HttpRequest FromPayloadV2(APIGatewayHttpApiV2ProxyRequest e, HttpEventFormat format)
    {
        var headers = MultiValue(null, e.Headers, ignoreCase: true, decode: false);
        var cookies = e.Cookies ?? [];
        // Payload 2.0 moves the Cookie header into `cookies`; put it back so every format has it.
        if (cookies.Count > 0 && !headers.Contains("cookie"))
            headers["cookie"] = string.Join("; ", cookies);
        var context = e.RequestContext;
        var authorizer = context?.Authorizer;
        return new HttpRequest
        {
            Format = format,
            Method = context?.Http?.Method ?? "GET",
            Path = e.RawPath ?? context?.Http?.Path ?? "/",
            PathParameters = e.PathParameters ?? [],
            Query = e.RawQueryString is not null
                ? ParseQuery(e.RawQueryString)
                : MultiValue(null, e.QueryStringParameters, ignoreCase: false, decode: false),
            Headers = headers,
            Cookies = cookies,
            Body = HttpBody.Decode(e.Body, e.IsBase64Encoded),
            RequestContext = new HttpRequestContext
            {
                SourceIp = context?.Http?.SourceIp,
                RequestId = context?.RequestId,
                Stage = context?.Stage,
                DomainName = context?.DomainName,
                AuthorizerClaims = authorizer?.Jwt?.Claims ?? Texts(authorizer?.Lambda),
            },
        };
    }

    private static HttpRequest FromAlb(ApplicationLoadBalancerRequest e)
    {
        var headers = MultiValue(e.MultiValueHeaders, e.Headers, ignoreCase: true, decode: false);
        string? forwardedFor = headers["x-forwarded-for"];
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
            RequestContext = new HttpRequestContext { SourceIp = forwardedFor?.Split(',')[0].Trim() },
            AlbMultiValue = e.MultiValueHeaders is not null,
        };
    }

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

    // A Cognito user pool authorizer puts its claims under `claims`; a Lambda authorizer its context at the top.
    private static Dictionary<string, string> RestApiClaims(Dictionary<string, JsonElement>? authorizer)
    {
        if (authorizer is null)
            return [];
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in authorizer)
        {
            if (name == "claims" && value.ValueKind == JsonValueKind.Object)
            {
                foreach (var claim in value.EnumerateObject())
                    claims[claim.Name] = Text(claim.Value);
            }
            else if (value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null))
            {
                claims[name] = Text(value);
            }
        }
        return claims;
    }

    private static Dictionary<string, string> Texts(Dictionary<string, JsonElement>? values)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values ?? [])
            texts[name] = Text(value);
        return texts;
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
