namespace LambdaBootstrap.Events.Http;

/// <summary>The status line an ALB response carries in <c>statusDescription</c>, e.g. <c>404 Not Found</c>.</summary>
internal static class HttpStatusText
{
    public static string Of(int status) => status switch
    {
        200 => "200 OK",
        201 => "201 Created",
        202 => "202 Accepted",
        204 => "204 No Content",
        301 => "301 Moved Permanently",
        302 => "302 Found",
        304 => "304 Not Modified",
        400 => "400 Bad Request",
        401 => "401 Unauthorized",
        403 => "403 Forbidden",
        404 => "404 Not Found",
        405 => "405 Method Not Allowed",
        409 => "409 Conflict",
        413 => "413 Payload Too Large",
        429 => "429 Too Many Requests",
        500 => "500 Internal Server Error",
        502 => "502 Bad Gateway",
        503 => "503 Service Unavailable",
        504 => "504 Gateway Timeout",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
