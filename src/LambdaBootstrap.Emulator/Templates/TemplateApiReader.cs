using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace LambdaBootstrap.Emulator.Templates;

/// <summary>
/// Reads the front doors of a template's functions: each <c>Api</c> (REST) and <c>HttpApi</c> event, on SAM's implicit
/// APIs or on the <c>AWS::Serverless::Api</c>/<c>AWS::Serverless::HttpApi</c> its <c>RestApiId</c>/<c>ApiId</c> names,
/// with the API's stage, stage variables and Lambda authorizers; and each <c>FunctionUrlConfig</c>. What it cannot
/// serve is named in a warning.
/// </summary>
internal sealed class TemplateApiReader
{
    private const string ImplicitRestApi = "ServerlessRestApi";
    private const string ImplicitHttpApi = "ServerlessHttpApi";
    private readonly YamlMappingNode _resources;
    private readonly TemplateValues _values;
    private readonly IReadOnlySet<string> _runnable;
    private readonly List<string> _warnings;
    private readonly YamlMappingNode? _globals;
    private readonly Dictionary<string, ApiDefinition?> _apis = new(StringComparer.Ordinal);

    private TemplateApiReader(YamlMappingNode resources, TemplateValues values, IReadOnlySet<string> runnable, List<string> warnings, YamlMappingNode? globals)
    {
        _globals = globals;
        _resources = resources;
        _values = values;
        _runnable = runnable;
        _warnings = warnings;
    }

    /// <summary>The routes and URLs of the functions in <paramref name="runnable"/>; warnings go to <paramref name="warnings"/>.</summary>
    /// <param name="globals">The template's <c>Globals</c>: <c>Globals.Api</c> and <c>Globals.HttpApi</c> apply to every API of their kind, implicit or not.</param>
    public static TemplateApis Read(YamlMappingNode resources, TemplateValues values, IReadOnlySet<string> runnable, List<string> warnings,
        YamlMappingNode? globals = null) =>
        new TemplateApiReader(resources, values, runnable, warnings, globals).Read();

    private TemplateApis Read()
    {
        var routes = new List<ApiRoute>();
        var urls = new List<FunctionUrlDefinition>();
        foreach (var (key, value) in _resources.Children)
        {
            string id = ((YamlScalarNode)key).Value ?? "";
            if (!_runnable.Contains(id) || value is not YamlMappingNode resource || Text(Child(resource, "Type")) != "AWS::Serverless::Function")
                continue;
            var properties = Child(resource, "Properties") as YamlMappingNode;
            if (Child(properties, "Events") is YamlMappingNode events)
            {
                foreach (var (eventKey, eventNode) in events.Children)
                {
                    string name = ((YamlScalarNode)eventKey).Value ?? "";
                    if (eventNode is YamlMappingNode trigger && ReadRoute(id, name, trigger) is { } route)
                        routes.Add(route);
                }
            }
            if (_values.Resolve(Child(properties, "FunctionUrlConfig")) is YamlMappingNode url)
                urls.Add(ReadUrl(id, url));
        }
        return new TemplateApis(routes, urls, WebSocketApiReader.Read(_resources, _values, _runnable, _warnings));
    }

    private ApiRoute? ReadRoute(string functionId, string eventName, YamlMappingNode trigger)
    {
        string type = Text(Child(trigger, "Type")) ?? "";
        if (type is not ("Api" or "HttpApi"))
        {
            _warnings.Add($"{functionId}: event {eventName} ({type}) is not emulated: invoke the function with its event instead");
            return null;
        }
        bool rest = type == "Api";
        var properties = Child(trigger, "Properties") as YamlMappingNode;
        var api = Api(functionId, eventName, rest, Child(properties, rest ? "RestApiId" : "ApiId"));
        if (api is null)
            return null;
        string? path = Text(_values.Resolve(Child(properties, "Path")));
        string? method = Text(_values.Resolve(Child(properties, "Method")))?.ToUpperInvariant();
        if (rest && (path is null || method is null))
        {
            _warnings.Add($"{functionId}: event {eventName} has no plain Path and Method: not served");
            return null;
        }
        // An HttpApi event without Path and Method is the API's $default route.
        path ??= ApiDefinition.DefaultStage;
        method ??= ApiRoute.Any;
        if (path != ApiDefinition.DefaultStage && !path.StartsWith('/'))
        {
            _warnings.Add($"{functionId}: event {eventName}: Path {path} does not start with /: not served");
            return null;
        }
        AuthorizerDefinition? authorizer = null;
        string? named = Text(_values.Resolve(Child(Child(properties, "Auth") as YamlMappingNode, "Authorizer"))) ?? api.DefaultAuthorizer;
        if (named is not null && named != "NONE" && !api.Authorizers.TryGetValue(named, out authorizer))
            _warnings.Add($"{functionId}: event {eventName}: authorizer {named} is not a Lambda authorizer of {api.LogicalId} the emulator runs: the route is served without it");
        return new ApiRoute(api, method == "ANY" ? ApiRoute.Any : method, path, functionId, authorizer);
    }

    /// <summary>The API an event names (or the implicit one), read once; null with a warning when it is not one.</summary>
    private ApiDefinition? Api(string functionId, string eventName, bool rest, YamlNode? reference)
    {
        string id = rest ? ImplicitRestApi : ImplicitHttpApi;
        YamlMappingNode? resource = null;
        if (reference is not null)
        {
            resource = _values.ResourceOf(reference, out string? named) as YamlMappingNode;
            string expected = rest ? "AWS::Serverless::Api" : "AWS::Serverless::HttpApi";
            if (named is null || resource is null || Text(Child(resource, "Type")) != expected)
            {
                _warnings.Add($"{functionId}: event {eventName}: its {(rest ? "RestApiId" : "ApiId")} is not a Ref to an {expected} of this template: not served");
                return null;
            }
            id = named;
        }
        if (!_apis.TryGetValue(id, out var api))
            _apis[id] = api = ReadApi(id, rest, Child(resource, "Properties") as YamlMappingNode);
        return api;
    }

    private ApiDefinition ReadApi(string id, bool rest, YamlMappingNode? own)
    {
        var shared = Child(_globals, rest ? "Api" : "HttpApi") as YamlMappingNode;
        var properties = new YamlMappingNode();
        // The API's own properties over the Globals' ones, property by property.
        foreach (var source in new[] { shared, own }.OfType<YamlMappingNode>())
        {
            foreach (var (key, value) in source.Children)
                properties.Children[key] = value;
        }
        string stage = Text(_values.Resolve(Child(properties, "StageName"))) ?? (rest ? "Prod" : ApiDefinition.DefaultStage);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_values.Resolve(Child(properties, rest ? "Variables" : "StageVariables")) is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                if (Text(_values.Resolve(value)) is { } text)
                    variables[((YamlScalarNode)key).Value ?? ""] = text;
            }
        }
        var auth = Child(properties, "Auth") as YamlMappingNode;
        var authorizers = new Dictionary<string, AuthorizerDefinition>(StringComparer.Ordinal);
        if (Child(auth, "Authorizers") is YamlMappingNode all)
        {
            foreach (var (key, value) in all.Children)
            {
                string name = ((YamlScalarNode)key).Value ?? "";
                if (value is YamlMappingNode definition && ReadAuthorizer(id, name, rest, definition) is { } authorizer)
                    authorizers[name] = authorizer;
            }
        }
        return new ApiDefinition(id, rest, stage, variables, authorizers, Text(_values.Resolve(Child(auth, "DefaultAuthorizer"))));
    }

    private AuthorizerDefinition? ReadAuthorizer(string apiId, string name, bool rest, YamlMappingNode definition)
    {
        if (Child(definition, "FunctionArn") is not { } arn)
        {
            _warnings.Add($"{apiId}: authorizer {name} is not a Lambda authorizer (JWT or Cognito): not emulated");
            return null;
        }
        if (_values.ResourceOf(arn, out string? functionId) is null || functionId is null || !_runnable.Contains(functionId))
        {
            _warnings.Add($"{apiId}: authorizer {name}: its FunctionArn is not a !GetAtt Function.Arn of a function the emulator runs: not emulated");
            return null;
        }
        var identity = Child(definition, "Identity") as YamlMappingNode;
        var sources = new List<IdentitySource>();
        AuthorizerKind kind;
        if (rest)
        {
            kind = Text(Child(definition, "FunctionPayloadType"))?.ToUpperInvariant() == "REQUEST" ? AuthorizerKind.RestRequest : AuthorizerKind.RestToken;
            if (kind == AuthorizerKind.RestToken)
                sources.Add(new IdentitySource(true, Text(Child(identity, "Header")) ?? "Authorization"));
        }
        else
        {
            kind = Text(Child(definition, "AuthorizerPayloadFormatVersion")) == "1.0" ? AuthorizerKind.HttpApiV1 : AuthorizerKind.HttpApiV2;
        }
        if (kind != AuthorizerKind.RestToken)
        {
            sources.AddRange(Names(Child(identity, "Headers")).Select(h => new IdentitySource(true, h)));
            sources.AddRange(Names(Child(identity, "QueryStrings")).Select(q => new IdentitySource(false, q)));
        }
        // SAM's default TTL is 300 seconds for a REST API's authorizers; an HTTP API caches only when told to.
        int ttl = int.TryParse(Text(Child(identity, "ReauthorizeEvery")), NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) ? seconds : rest ? 300 : 0;
        bool simple = Text(Child(definition, "EnableSimpleResponses")) is "true" or "True";
        return new AuthorizerDefinition(name, functionId, kind, sources, TimeSpan.FromSeconds(ttl), simple && kind == AuthorizerKind.HttpApiV2);
    }

    private FunctionUrlDefinition ReadUrl(string functionId, YamlMappingNode url)
    {
        string authType = Text(Child(url, "AuthType")) ?? "NONE";
        if (authType == "AWS_IAM")
            _warnings.Add($"{functionId}: FunctionUrlConfig AuthType AWS_IAM: requests are not signature-checked locally");
        bool streaming = Text(Child(url, "InvokeMode")) == "RESPONSE_STREAM";
        CorsDefinition? cors = null;
        if (_values.Resolve(Child(url, "Cors")) is YamlMappingNode c)
        {
            cors = new CorsDefinition(
                Names(Child(c, "AllowOrigins")), Names(Child(c, "AllowMethods")), Names(Child(c, "AllowHeaders")), Names(Child(c, "ExposeHeaders")),
                Text(Child(c, "AllowCredentials")) is "true" or "True",
                int.TryParse(Text(Child(c, "MaxAge")), NumberStyles.None, CultureInfo.InvariantCulture, out int maxAge) ? maxAge : null);
        }
        return new FunctionUrlDefinition(functionId, authType, streaming, cors);
    }

    private List<string> Names(YamlNode? node) =>
        _values.Resolve(node) is YamlSequenceNode list ? list.Children.Select(Text).OfType<string>().ToList() : [];

    private static YamlNode? Child(YamlMappingNode? map, string key) => TemplateValues.Child(map, key);

    private static string? Text(YamlNode? node) => TemplateValues.Text(node);
}
