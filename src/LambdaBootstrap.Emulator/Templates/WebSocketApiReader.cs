using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace LambdaBootstrap.Emulator.Templates;

/// <summary>
/// Reads a template's WebSocket APIs from their CloudFormation resources: the <c>AWS::ApiGatewayV2::Api</c>
/// (<c>ProtocolType: WEBSOCKET</c>), its <c>Stage</c>, and each <c>Route</c> whose <c>Target</c> names an
/// <c>Integration</c> whose <c>IntegrationUri</c> names a function of the template (through <c>!Sub ...${Fn.Arn}...</c>,
/// <c>!GetAtt Fn.Arn</c> or <c>!Join</c>). What it cannot follow is named in a warning.
/// </summary>
internal static partial class WebSocketApiReader
{
    public static IReadOnlyList<WebSocketApiDefinition> Read(YamlMappingNode resources, TemplateValues values, IReadOnlySet<string> runnable, List<string> warnings)
    {
        var byType = resources.Children
            .Where(r => r.Value is YamlMappingNode resource && values.Exists(resource))
            .Select(r => (Id: ((YamlScalarNode)r.Key).Value ?? "", Resource: (YamlMappingNode)r.Value))
            .ToLookup(r => TemplateValues.Text(TemplateValues.Child(r.Resource, "Type")) ?? "");
        var apis = new List<WebSocketApiDefinition>();
        foreach (var (id, resource) in byType["AWS::ApiGatewayV2::Api"])
        {
            var properties = TemplateValues.Child(resource, "Properties") as YamlMappingNode;
            if (TemplateValues.Text(TemplateValues.Child(properties, "ProtocolType")) != "WEBSOCKET")
                continue;
            string selection = TemplateValues.Text(values.Resolve(TemplateValues.Child(properties, "RouteSelectionExpression"))) ?? "$request.body.action";
            string stage = byType["AWS::ApiGatewayV2::Stage"]
                .Where(s => Names(Property(s.Resource, "ApiId")).Contains(id))
                .Select(s => TemplateValues.Text(values.Resolve(Property(s.Resource, "StageName"))))
                .FirstOrDefault(s => s is not null) ?? "production";
            var routes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (routeId, route) in byType["AWS::ApiGatewayV2::Route"].Where(r => Names(Property(r.Resource, "ApiId")).Contains(id)))
            {
                string? key = TemplateValues.Text(values.Resolve(Property(route, "RouteKey")));
                var integration = Names(Property(route, "Target")).Select(name => TemplateValues.Child(resources, name) as YamlMappingNode)
                    .FirstOrDefault(r => TemplateValues.Text(TemplateValues.Child(r, "Type")) == "AWS::ApiGatewayV2::Integration");
                string? function = integration is null ? null : Names(Property(integration, "IntegrationUri")).FirstOrDefault(runnable.Contains);
                if (key is null || function is null)
                {
                    warnings.Add($"{id}: route {routeId}: no RouteKey, or its Target's integration does not invoke a function the emulator runs: not served");
                    continue;
                }
                routes[key] = function;
            }
            apis.Add(new WebSocketApiDefinition(id, stage, selection, routes));
        }
        return apis;
    }

    private static YamlNode? Property(YamlMappingNode resource, string name) =>
        TemplateValues.Child(TemplateValues.Child(resource, "Properties") as YamlMappingNode, name);

    /// <summary>Every logical id a value refers to: <c>Ref</c>, <c>Fn::GetAtt</c> (long or short) and <c>${Id}</c>/<c>${Id.Attr}</c> in text.</summary>
    private static IEnumerable<string> Names(YamlNode? node)
    {
        if (node is null)
            yield break;
        foreach (var child in node.AllNodes)
        {
            switch (child)
            {
                case YamlScalarNode { Tag.IsEmpty: false } tagged when tagged.Tag.Value is "!Ref" or "!GetAtt":
                    yield return (tagged.Value ?? "").Split('.')[0];
                    break;
                case YamlSequenceNode { Tag.IsEmpty: false } tagged when tagged.Tag.Value == "!GetAtt" && tagged.Children.FirstOrDefault() is YamlScalarNode first:
                    yield return first.Value ?? "";
                    break;
                case YamlMappingNode { Children.Count: 1 } map when map.Children.First().Key is YamlScalarNode { Value: "Ref" or "Fn::GetAtt" }:
                    var value = map.Children.First().Value;
                    if (value is YamlScalarNode scalar)
                        yield return (scalar.Value ?? "").Split('.')[0];
                    else if (value is YamlSequenceNode { Children: [YamlScalarNode name, ..] })
                        yield return name.Value ?? "";
                    break;
                case YamlScalarNode text when text.Value is { } raw && raw.Contains("${", StringComparison.Ordinal):
                    foreach (Match match in Substitution().Matches(raw))
                        yield return match.Groups[1].Value;
                    break;
            }
        }
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}")]
    private static partial Regex Substitution();
}
