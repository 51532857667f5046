using System.Text.Json;
using LambdaBootstrap.Runtime.Json;

namespace LambdaBootstrap.Events.Http;

/// <summary>
/// Reads the members of an HTTP event that <see cref="HttpEventFields"/> holds in one pass over the bytes, skipping
/// the rest. It uses no serializer metadata, so a function with the HTTP handler does not pay for the event types.
/// </summary>
internal ref struct HttpEventParser
{
    private readonly ReadOnlySpan<byte> _json;
    private LambdaJsonReader _reader;

    private HttpEventParser(ReadOnlySpan<byte> json)
    {
        _json = json;
        _reader = new LambdaJsonReader(json);
    }

    /// <exception cref="JsonException">Not JSON.</exception>
    /// <exception cref="FormatException">Not a JSON object, or a member of the wrong JSON type (the message names it).</exception>
    public static HttpEventFields Parse(ReadOnlySpan<byte> json)
    {
        var parser = new HttpEventParser(json);
        var fields = new HttpEventFields();
        if (!parser._reader.Read() || parser._reader.TokenType != JsonTokenType.StartObject)
            throw new FormatException("it is not a JSON object");
        parser.ReadRoot(fields);
        return fields;
    }

    private void ReadRoot(HttpEventFields f)
    {
        while (NextProperty())
        {
            if (Is("version"u8)) f.Version = String("version");
            else if (Is("httpMethod"u8)) f.HttpMethod = String("httpMethod");
            else if (Is("path"u8)) f.Path = String("path");
            else if (Is("rawPath"u8)) f.RawPath = String("rawPath");
            else if (Is("rawQueryString"u8)) f.RawQueryString = String("rawQueryString");
            else if (Is("body"u8)) f.Body = String("body");
            else if (Is("isBase64Encoded"u8)) f.IsBase64Encoded = Boolean("isBase64Encoded");
            else if (Is("headers"u8)) f.Headers = StringMap("headers");
            else if (Is("multiValueHeaders"u8)) f.MultiValueHeaders = ListMap("multiValueHeaders");
            else if (Is("queryStringParameters"u8)) f.QueryStringParameters = StringMap("queryStringParameters");
            else if (Is("multiValueQueryStringParameters"u8)) f.MultiValueQueryStringParameters = ListMap("multiValueQueryStringParameters");
            else if (Is("pathParameters"u8)) f.PathParameters = StringMap("pathParameters");
            else if (Is("cookies"u8)) f.Cookies = StringList("cookies");
            else if (Is("resource"u8)) f.Resource = String("resource");
            else if (Is("routeKey"u8)) f.RouteKey = String("routeKey");
            else if (Is("stageVariables"u8)) f.StageVariables = StringMap("stageVariables");
            else if (Is("requestContext"u8)) ReadRequestContext(f);
            else Skip();
        }
    }

    private void ReadRequestContext(HttpEventFields f)
    {
        if (!StartObject("requestContext"))
            return;
        f.HasRequestContext = true;
        while (NextProperty())
        {
            if (Is("elb"u8))
            {
                f.HasElb = true;
                Skip();
            }
            else if (Is("http"u8)) ReadHttp(f);
            else if (Is("identity"u8)) ReadIdentity(f);
            else if (Is("requestId"u8)) f.RequestId = String("requestContext.requestId");
            else if (Is("stage"u8)) f.Stage = String("requestContext.stage");
            else if (Is("domainName"u8)) f.DomainName = String("requestContext.domainName");
            else if (Is("path"u8)) f.ContextPath = String("requestContext.path");
            else if (Is("authorizer"u8)) ReadAuthorizer(f);
            else if (Is("routeKey"u8)) f.RouteKey = String("requestContext.routeKey") ?? f.RouteKey;
            else if (Is("timeEpoch"u8) || Is("requestTimeEpoch"u8)) f.RequestTimeEpoch = Number("requestContext.timeEpoch");
            else if (Is("connectionId"u8)) f.ConnectionId = String("requestContext.connectionId");
            else if (Is("eventType"u8)) f.EventType = String("requestContext.eventType");
            else Skip();
        }
    }

    private void ReadHttp(HttpEventFields f)
    {
        if (!StartObject("requestContext.http"))
            return;
        f.HasHttp = true;
        while (NextProperty())
        {
            if (Is("method"u8)) f.HttpContextMethod = String("requestContext.http.method");
            else if (Is("path"u8)) f.HttpContextPath = String("requestContext.http.path");
            else if (Is("sourceIp"u8)) f.HttpContextSourceIp = String("requestContext.http.sourceIp");
            else Skip();
        }
    }

    private void ReadIdentity(HttpEventFields f)
    {
        if (!StartObject("requestContext.identity"))
            return;
        var iam = new HttpIamIdentity();
        while (NextProperty())
        {
            if (Is("sourceIp"u8)) f.IdentitySourceIp = String("requestContext.identity.sourceIp");
            else if (Is("accessKey"u8)) iam.AccessKey = String("requestContext.identity.accessKey");
            else if (Is("accountId"u8)) iam.AccountId = String("requestContext.identity.accountId");
            else if (Is("caller"u8)) iam.CallerId = String("requestContext.identity.caller");
            else if (Is("user"u8)) iam.UserId = String("requestContext.identity.user");
            else if (Is("userArn"u8)) iam.UserArn = String("requestContext.identity.userArn");
            else if (Is("principalOrgId"u8)) iam.PrincipalOrgId = String("requestContext.identity.principalOrgId");
            else Skip();
        }
        if (iam.UserArn is not null || iam.AccessKey is not null)
            f.RestIamIdentity = iam;
    }

    // REST: { "claims": {...} } from Cognito, or a Lambda authorizer's values at the top.
    // HTTP API: { "jwt": { "claims": {...} } }, { "lambda": {...} }, or { "iam": {...} } (also Function URLs with AWS_IAM).
    private void ReadAuthorizer(HttpEventFields f)
    {
        if (!StartObject("requestContext.authorizer"))
            return;
        int start = (int)_reader.TokenStartIndex;
        ReadAuthorizerClaims(f);
        f.AuthorizerJson = start..(int)_reader.BytesConsumed;
    }

    private void ReadAuthorizerClaims(HttpEventFields f)
    {
        var claims = f.AuthorizerClaims ??= new Dictionary<string, string>(StringComparer.Ordinal);
        while (NextProperty())
        {
            if (Is("claims"u8) || Is("lambda"u8) || Is("iam"u8))
            {
                ReadValues(claims);
            }
            else if (Is("jwt"u8))
            {
                if (!StartObject("requestContext.authorizer.jwt"))
                    continue;
                while (NextProperty())
                {
                    if (Is("claims"u8))
                        ReadValues(claims);
                    else
                        Skip();
                }
            }
            else
            {
                string name = _reader.GetString()!;
                _reader.Read();
                if (Scalar() is string value)
                    claims[name] = value;
                else
                    _reader.Skip();
            }
        }
    }

    // Every member of an object as text: strings as they are, numbers and booleans as written; objects and arrays as JSON.
    private void ReadValues(Dictionary<string, string> values)
    {
        if (!StartObject("requestContext.authorizer.claims"))
            return;
        while (NextProperty())
        {
            string name = _reader.GetString()!;
            _reader.Read();
            if (Scalar() is string value)
            {
                values[name] = value;
            }
            else if (_reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                int start = (int)_reader.TokenStartIndex;
                _reader.Skip();
                values[name] = System.Text.Encoding.UTF8.GetString(_json[start..(int)_reader.BytesConsumed]);
            }
        }
    }

    private string? Scalar() => _reader.TokenType switch
    {
        JsonTokenType.String => _reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(_reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };

    private bool NextProperty()
    {
        _reader.Read();
        return _reader.TokenType == JsonTokenType.PropertyName;
    }

    private readonly bool Is(ReadOnlySpan<byte> name) => _reader.ValueTextEquals(name);

    private void Skip()
    {
        _reader.Read();
        _reader.Skip();
    }

    /// <summary>Moves to the member's value: true when it is an object, false (skipped) when null.</summary>
    private bool StartObject(string member)
    {
        _reader.Read();
        if (_reader.TokenType == JsonTokenType.Null)
            return false;
        if (_reader.TokenType != JsonTokenType.StartObject)
            throw WrongType(member, "an object");
        return true;
    }

    private string? String(string member)
    {
        _reader.Read();
        return _reader.TokenType switch
        {
            JsonTokenType.String => _reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw WrongType(member, "a string"),
        };
    }

    private long? Number(string member)
    {
        _reader.Read();
        return _reader.TokenType switch
        {
            JsonTokenType.Number when _reader.TryGetInt64(out long value) => value,
            JsonTokenType.Null => null,
            _ => throw WrongType(member, "an integer"),
        };
    }

    private bool Boolean(string member)
    {
        _reader.Read();
        return _reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False or JsonTokenType.Null => false,
            _ => throw WrongType(member, "a boolean"),
        };
    }

    private Dictionary<string, string>? StringMap(string member)
    {
        if (!StartObject(member))
            return null;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (NextProperty())
        {
            string name = _reader.GetString()!;
            if (String($"{member}.{name}") is string value)
                map[name] = value;
        }
        return map;
    }

    private Dictionary<string, List<string>>? ListMap(string member)
    {
        if (!StartObject(member))
            return null;
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        while (NextProperty())
        {
            string name = _reader.GetString()!;
            if (StringList($"{member}.{name}") is { } values)
                map[name] = values;
        }
        return map;
    }

    private List<string>? StringList(string member)
    {
        _reader.Read();
        if (_reader.TokenType == JsonTokenType.Null)
            return null;
        if (_reader.TokenType != JsonTokenType.StartArray)
            throw WrongType(member, "an array of strings");
        var list = new List<string>();
        while (_reader.Read() && _reader.TokenType != JsonTokenType.EndArray)
        {
            if (_reader.TokenType != JsonTokenType.String)
                throw WrongType(member, "an array of strings");
            list.Add(_reader.GetString()!);
        }
        return list;
    }

    private readonly FormatException WrongType(string member, string expected) =>
        new($"{member} is {Describe(_reader.TokenType)}, not {expected}");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    };
}
