using System.Text.Json;

namespace Bootstrap.Events.Http;

/// <summary>Writes an <see cref="HttpResponse"/> in the format of the front door that sent the request.</summary>
internal static class HttpResponseWriter
{
    public static byte[] Write(HttpRequest request, HttpResponse response)
    {
        HttpResponseCheck.Validate(response);
        var (body, isBase64) = HttpBody.Encode(response.Body, response.Headers["Content-Type"]);
        return request.Format switch
        {
            HttpEventFormat.ApiGatewayV1 => JsonSerializer.SerializeToUtf8Bytes(new APIGatewayProxyResponse
            {
                StatusCode = response.StatusCode,
                Headers = LastValues(response),
                MultiValueHeaders = AllValues(response),
                Body = body,
                IsBase64Encoded = isBase64,
            }, ApiGatewayJson.Default.APIGatewayProxyResponse),
            HttpEventFormat.Alb => JsonSerializer.SerializeToUtf8Bytes(new ApplicationLoadBalancerResponse
            {
                StatusCode = response.StatusCode,
                StatusDescription = HttpStatusText.Of(response.StatusCode),
                Headers = request.AlbMultiValue ? null : AlbSingleValues(response),
                MultiValueHeaders = request.AlbMultiValue ? AllValues(response) : null,
                Body = body,
                IsBase64Encoded = isBase64,
            }, AlbJson.Default.ApplicationLoadBalancerResponse),
            _ => JsonSerializer.SerializeToUtf8Bytes(new APIGatewayHttpApiV2ProxyResponse
            {
                StatusCode = response.StatusCode,
                Headers = JoinedValues(response),
                Cookies = CookiesOf(response),
                Body = body,
                IsBase64Encoded = isBase64,
            }, HttpApiJson.Default.APIGatewayHttpApiV2ProxyResponse),
        };
    }

    /// <summary>Every cookie: <see cref="HttpResponse.Cookies"/> and any <c>Set-Cookie</c> header values.</summary>
    internal static List<string> CookiesOf(HttpResponse response) => [.. response.Headers.GetValues("Set-Cookie"), .. response.Cookies];

    /// <summary>Payload 2.0 and the streaming prelude: one value per header, joined with commas; cookies go apart.</summary>
    internal static Dictionary<string, string> JoinedValues(HttpResponse response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            if (!IsSetCookie(name))
                headers[name] = string.Join(", ", values);
        }
        return headers;
    }

    private static Dictionary<string, List<string>> AllValues(HttpResponse response)
    {
        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            if (!IsSetCookie(name))
                headers[name] = [.. values];
        }
        var cookies = CookiesOf(response);
        if (cookies.Count > 0)
            headers["Set-Cookie"] = cookies;
        return headers;
    }

    // REST APIs merge `headers` into `multiValueHeaders`; the last value mirrors what a single-value reader expects.
    private static Dictionary<string, string> LastValues(HttpResponse response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            if (!IsSetCookie(name))
                headers[name] = values[^1];
        }
        return headers;
    }

    private static Dictionary<string, string> AlbSingleValues(HttpResponse response)
    {
        var headers = JoinedValues(response);
        var cookies = CookiesOf(response);
        if (cookies.Count > 1)
            throw new InvalidOperationException(
                $"The response sets {cookies.Count} cookies, but this ALB target group sends single-value headers, which carry one Set-Cookie: turn on multi-value headers for the target group.");
        if (cookies.Count == 1)
            headers["Set-Cookie"] = cookies[0];
        return headers;
    }

    private static bool IsSetCookie(string name) => name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase);
}
