using System.Text.Json;
using Bootstrap.Runtime;

namespace Bootstrap.Events.Http;

/// <summary>
/// Tells the four HTTP event formats apart from a few members, without reading the whole event into objects:
/// <c>requestContext.elb</c> is an ALB; <c>version</c> 2.0 is payload 2.0, a Function URL when its domain is a
/// <c>lambda-url</c> one; <c>httpMethod</c> with a <c>requestContext</c> is a REST API.
/// </summary>
internal static class HttpEventDetector
{
    public const string FormatsTried = "API Gateway REST (payload 1.0: httpMethod and requestContext), HTTP API (payload 2.0: version \"2.0\"), Function URL (payload 2.0 on a lambda-url domain), ALB (requestContext.elb)";

    public static HttpEventFormat Detect(ReadOnlySpan<byte> @event)
    {
        bool httpMethod = false, requestContext = false, elb = false, http = false, lambdaUrl = false;
        string? version = null;
        try
        {
            var reader = new Utf8JsonReader(@event);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw NoFormat("it is not a JSON object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("version"u8))
                {
                    reader.Read();
                    version = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("httpMethod"u8))
                {
                    reader.Read();
                    httpMethod = reader.TokenType == JsonTokenType.String;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("requestContext"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        reader.Skip();
                        continue;
                    }
                    requestContext = true;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        bool isElb = reader.ValueTextEquals("elb"u8), isHttp = reader.ValueTextEquals("http"u8);
                        bool isDomain = reader.ValueTextEquals("domainName"u8);
                        reader.Read();
                        elb |= isElb && reader.TokenType == JsonTokenType.StartObject;
                        http |= isHttp && reader.TokenType == JsonTokenType.StartObject;
                        lambdaUrl |= isDomain && reader.TokenType == JsonTokenType.String && reader.GetString()!.Contains(".lambda-url.", StringComparison.Ordinal);
                        reader.Skip();
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException e)
        {
            throw NoFormat($"it is not valid JSON ({e.Message})", e);
        }

        if (elb)
            return HttpEventFormat.Alb;
        if (version == "2.0" && http)
            return lambdaUrl ? HttpEventFormat.FunctionUrl : HttpEventFormat.ApiGatewayV2;
        if (httpMethod && requestContext)
            return HttpEventFormat.ApiGatewayV1;
        throw NoFormat("it matches none of them");
    }

    public static RuntimeErrorException NoFormat(string why, Exception? inner = null) =>
        new(RuntimeErrorException.SerializationError, $"The event is not an HTTP request: {why}. Formats tried: {FormatsTried}.", inner);
}
