using LambdaBootstrap.Emulator.Hosting;
using YamlDotNet.RepresentationModel;

namespace LambdaBootstrap.Emulator.Templates;

/// <summary>
/// The intrinsic functions a template's values commonly use, resolved as CloudFormation would with the parameters'
/// defaults: <c>Ref</c> to a parameter or a pseudo parameter, <c>Fn::If</c> over the template's <c>Conditions</c>
/// (<c>Fn::Equals</c>, <c>Fn::Not</c>, <c>Fn::And</c>, <c>Fn::Or</c>, <c>Condition</c>), in the long form or the short
/// (<c>!Ref</c>, <c>!If</c>, ...). A <c>Ref</c> to a resource stays a <c>{Ref: Id}</c> mapping for the caller; any
/// other intrinsic stays as it is, so the caller sees it is not a plain value.
/// </summary>
internal sealed class TemplateValues
{
    private readonly YamlMappingNode? _parameters;
    private readonly YamlMappingNode? _conditions;
    private readonly YamlMappingNode _resources;
    private readonly Dictionary<string, string> _pseudo;
    private readonly Dictionary<string, bool> _evaluated = new(StringComparer.Ordinal);

    public TemplateValues(YamlMappingNode root, YamlMappingNode resources, string region, string accountId)
    {
        _parameters = Child(root, "Parameters") as YamlMappingNode;
        _conditions = Child(root, "Conditions") as YamlMappingNode;
        _resources = resources;
        _pseudo = new(StringComparer.Ordinal)
        {
            ["AWS::Region"] = region, ["AWS::AccountId"] = accountId, ["AWS::Partition"] = "aws",
            ["AWS::URLSuffix"] = "amazonaws.com", ["AWS::StackName"] = "local", ["AWS::StackId"] = "local",
        };
    }

    /// <summary>Whether a resource exists with the parameters' defaults: it has no <c>Condition</c>, or it is true.</summary>
    public bool Exists(YamlMappingNode resource) =>
        Child(resource, "Condition") is not YamlScalarNode { Value: { } name } || Evaluate(name);

    /// <summary>The node with its intrinsics resolved (lists item by item); null for <c>AWS::NoValue</c> or a parameter without a default.</summary>
    public YamlNode? Resolve(YamlNode? node)
    {
        switch (Intrinsic(node))
        {
            case ("Ref", YamlScalarNode { Value: { } name }):
                return Ref(name);
            case ("Fn::If", YamlSequenceNode { Children: [YamlScalarNode { Value: { } condition }, var then, var otherwise] }):
                return Resolve(Evaluate(condition) ? then : otherwise);
            case (null, _) when node is YamlSequenceNode list:
                return new YamlSequenceNode(list.Children.Select(Resolve).OfType<YamlNode>());
            default:
                return node;
        }
    }

    private YamlNode? Ref(string name)
    {
        if (name == "AWS::NoValue")
            return null;
        if (_pseudo.TryGetValue(name, out string? value))
            return new YamlScalarNode(value);
        if (Child(_parameters, name) is YamlMappingNode parameter)
            return Child(parameter, "Default") is YamlScalarNode { Value: { } defaultValue } ? new YamlScalarNode(defaultValue) : null;
        return new YamlMappingNode(new YamlScalarNode("Ref"), new YamlScalarNode(name));
    }

    private bool Evaluate(string condition)
    {
        if (_evaluated.TryGetValue(condition, out bool known))
            return known;
        _evaluated[condition] = false; // a condition that refers to itself is false, not a stack overflow
        var definition = Child(_conditions, condition) ?? throw new EmulatorException($"template: condition {condition} is not defined");
        return _evaluated[condition] = Truth(definition, condition);
    }

    private bool Truth(YamlNode node, string within) => Intrinsic(node) switch
    {
        ("Fn::Equals", YamlSequenceNode { Children: [var a, var b] }) => Text(Resolve(a)) is { } left && left == Text(Resolve(b)),
        ("Fn::Not", YamlSequenceNode { Children: [var inner] }) => !Truth(inner, within),
        ("Fn::And", YamlSequenceNode all) => all.Children.All(c => Truth(c, within)),
        ("Fn::Or", YamlSequenceNode any) => any.Children.Any(c => Truth(c, within)),
        ("Condition", YamlScalarNode { Value: { } other }) => Evaluate(other),
        _ => throw new EmulatorException($"template: condition {within} uses {node}, which the emulator cannot evaluate"),
    };

    /// <summary>An intrinsic function's name and argument, long form (<c>{Fn::If: [...]}</c>) or short (<c>!If [...]</c>).</summary>
    internal static (string? Name, YamlNode? Argument) Intrinsic(YamlNode? node)
    {
        if (node is YamlMappingNode { Children.Count: 1 } map && map.Children.First() is var (key, value)
            && key is YamlScalarNode { Value: { } longName } && (longName == "Ref" || longName == "Condition" || longName.StartsWith("Fn::", StringComparison.Ordinal)))
            return (longName, value);
        if (node is not null && !node.Tag.IsEmpty && !node.Tag.IsNonSpecific && node.Tag.Value.StartsWith('!'))
        {
            string tag = node.Tag.Value[1..];
            string name = tag is "Ref" or "Condition" ? tag : "Fn::" + tag;
            // The argument without its tag: a short-form scalar or list is otherwise the same node.
            YamlNode argument = node switch
            {
                YamlScalarNode scalar => new YamlScalarNode(scalar.Value),
                YamlSequenceNode list => new YamlSequenceNode(list.Children),
                _ => node,
            };
            return (name, argument);
        }
        return (null, null);
    }

    /// <summary>The resource a <c>Ref</c> (<c>!Ref X</c>) or <c>Fn::GetAtt</c> (<c>!GetAtt X.Arn</c>, <c>[X, Arn]</c>) names, or null.</summary>
    public YamlNode? ResourceOf(YamlNode? node, out string? logicalId)
    {
        logicalId = null;
        var resolved = Resolve(node);
        switch (Intrinsic(resolved))
        {
            case ("Ref", YamlScalarNode { Value: { } name }):
                logicalId = name;
                break;
            case ("Fn::GetAtt", YamlScalarNode { Value: { } dotted }):
                logicalId = dotted.Split('.')[0];
                break;
            case ("Fn::GetAtt", YamlSequenceNode { Children: [YamlScalarNode { Value: { } name }, ..] }):
                logicalId = name;
                break;
        }
        return logicalId is null ? null : Child(_resources, logicalId);
    }

    public static YamlNode? Child(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    /// <summary>A plain scalar's text; null for anything else (an unresolved intrinsic such as !Sub, a list, a map).</summary>
    public static string? Text(YamlNode? node) =>
        node is YamlScalarNode scalar && (scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific) ? scalar.Value : null;
}
