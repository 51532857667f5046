using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaBootstrap.Runtime.Generators;

/// <summary>Turns a [LambdaJson] type's symbol into a <see cref="TypeModel"/>, with System.Text.Json's rules for what is a member.</summary>
internal sealed class TypeModelReader
{
    public const string AttributeName = "LambdaBootstrap.Runtime.Json.LambdaJsonAttribute";
    private const string InterfaceName = "LambdaBootstrap.Runtime.Json.ILambdaJson`1";
    private const string StjSerialization = "System.Text.Json.Serialization.";

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    private readonly List<CodecModel> _codecs = [];
    private readonly Dictionary<string, int> _codecIndex = [];
    private readonly List<DiagnosticInfo> _diagnostics = [];

    public static TypeModel Read(INamedTypeSymbol type, CancellationToken cancellation) =>
        new TypeModelReader().ReadType(type, cancellation);

    /// <summary>The assembly's defaults: <c>[assembly: LambdaJson(…)]</c>, or as declared and case-sensitive.</summary>
    public static AssemblyDefaults ReadDefaults(IAssemblySymbol assembly)
    {
        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == AttributeName)
                return new AssemblyDefaults(NamedInt(attribute, "NamingPolicy") ?? 0, NamedBool(attribute, "PropertyNameCaseInsensitive") ?? false);
        }
        return new AssemblyDefaults(0, false);
    }

    private TypeModel ReadType(INamedTypeSymbol type, CancellationToken cancellation)
    {
        var attribute = type.GetAttributes().First(a => a.AttributeClass?.ToDisplayString() == AttributeName);
        int policy = NamedInt(attribute, "NamingPolicy") ?? -1;
        bool? caseInsensitive = NamedBool(attribute, "PropertyNameCaseInsensitive");

        if (!IsPartialAll(type, cancellation))
            _diagnostics.Add(DiagnosticInfo.Create(LambdaJsonDiagnostics.NotPartial, type, type.Name));
        if (type.IsGenericType || type.IsAbstract || type.IsStatic || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            _diagnostics.Add(DiagnosticInfo.Create(LambdaJsonDiagnostics.UnsupportedType, type, type.Name, "only a non-generic, non-abstract class, record or struct can be"));
        if (HasAttribute(type, StjSerialization + "JsonPolymorphicAttribute") || HasAttribute(type, StjSerialization + "JsonDerivedTypeAttribute"))
            _diagnostics.Add(DiagnosticInfo.Create(LambdaJsonDiagnostics.UnsupportedType, type, type.Name, "polymorphism ([JsonPolymorphic], [JsonDerivedType]) is not generated"));
        if (HasAttribute(type, StjSerialization + "JsonConverterAttribute"))
            _diagnostics.Add(DiagnosticInfo.Create(LambdaJsonDiagnostics.UnsupportedType, type, type.Name, "it names its own [JsonConverter]"));

        var constructor = ChooseConstructor(type);
        var members = new List<MemberModel>();
        var slots = new List<int>();
        if (constructor is null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(LambdaJsonDiagnostics.UnsupportedType, type, type.Name,
                "it needs a public parameterless constructor, a single public constructor or one marked [JsonConstructor]"));
        }

        var properties = PropertiesOf(type);
        var parameters = constructor?.Parameters ?? [];
        var parameterOwners = new int[parameters.Length];
        for (int p = 0; p < parameters.Length; p++)
            parameterOwners[p] = -1;

        foreach (var property in properties)
        {
            cancellation.ThrowIfCancellationRequested();
            if (IgnoreOf(property) is not { } ignore)
                continue;
            int slot = -1;
            for (int p = 0; p < parameters.Length; p++)
            {
                if (parameterOwners[p] < 0 && string.Equals(parameters[p].Name, property.Name, System.StringComparison.OrdinalIgnoreCase))
                {
                    slot = p;
                    parameterOwners[p] = members.Count;
                    break;
                }
            }
            bool settable = property.SetMethod is { DeclaredAccessibility: Accessibility.Public } && !property.IsReadOnly;
            bool reads = slot >= 0 || settable;
            bool writes = property.GetMethod is { DeclaredAccessibility: Accessibility.Public };
            int codec = CodecOf(property.Type, type, property);
            bool required = property.IsRequired || HasAttribute(property, StjSerialization + "JsonRequiredAttribute");
            string? defaultValue = slot >= 0 ? DefaultOf(parameters[slot]) : null;
            members.Add(new MemberModel(
                property.Name, JsonNameOf(property), property.Type.ToDisplayString(TypeFormat), codec,
                reads, writes, slot, defaultValue, required, ignore));
        }
        for (int p = 0; p < parameters.Length; p++)
        {
            if (parameterOwners[p] < 0)
            {
                _diagnostics.Add(DiagnosticInfo.Create(LambdaJsonDiagnostics.UnsupportedType, type, type.Name,
                    $"its constructor's parameter '{parameters[p].Name}' matches no public property"));
            }
            slots.Add(parameterOwners[p]);
        }

        var containers = new List<string>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            containers.Insert(0, $"partial {KeywordOf(outer)} {outer.Name}");

        return new TypeModel(
            type.ToDisplayString(TypeFormat),
            type.Name,
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            new EquatableArray<string>([.. containers]),
            KeywordOf(type),
            type.IsValueType,
            policy,
            caseInsensitive is null ? -1 : caseInsensitive.Value ? 1 : 0,
            new EquatableArray<int>([.. slots]),
            constructor is { IsImplicitlyDeclared: true } && !type.IsValueType,
            new EquatableArray<MemberModel>([.. members]),
            new EquatableArray<CodecModel>([.. _codecs]),
            new EquatableArray<DiagnosticInfo>([.. _diagnostics]));
    }

    // System.Text.Json's choice: [JsonConstructor], else a public parameterless one, else the only public one.
    private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type)
    {
        var constructors = type.InstanceConstructors.Where(c => !IsCopyConstructor(type, c)).ToList();
        var marked = constructors.FirstOrDefault(c => HasAttribute(c, StjSerialization + "JsonConstructorAttribute"));
        if (marked is not null)
            return marked;
        var publics = constructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        // A struct always has a parameterless constructor; its one declared constructor (a positional record's) comes first.
        if (type.IsValueType && publics.Count(c => !c.IsImplicitlyDeclared) == 1)
            return publics.First(c => !c.IsImplicitlyDeclared);
        var parameterless = publics.FirstOrDefault(c => c.Parameters.Length == 0);
        if (parameterless is not null)
            return parameterless;
        return publics.Count == 1 ? publics[0] : null;
    }

    private static bool IsCopyConstructor(INamedTypeSymbol type, IMethodSymbol constructor) =>
        type.IsRecord && constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

    // Public instance properties, base types' first, a redeclared one only once; indexers never.
    private static List<IPropertySymbol> PropertiesOf(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object && t.SpecialType != SpecialType.System_ValueType; t = t.BaseType)
            chain.Insert(0, t);
        var byName = new Dictionary<string, int>();
        var result = new List<IPropertySymbol>();
        foreach (var t in chain)
        {
            foreach (var property in t.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public)
                    continue;
                if (property.Name == "EqualityContract")
                    continue;
                if (byName.TryGetValue(property.Name, out int at))
                    result[at] = property;
                else
                {
                    byName[property.Name] = result.Count;
                    result.Add(property);
                }
            }
        }
        return result;
    }

    private static IgnoreWhen? IgnoreOf(IPropertySymbol property)
    {
        var attribute = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == StjSerialization + "JsonIgnoreAttribute");
        if (attribute is null)
            return IgnoreWhen.Never;
        int condition = NamedInt(attribute, "Condition") ?? 1;
        // JsonIgnoreCondition: Never 0, Always 1, WhenWritingDefault 2, WhenWritingNull 3.
        return condition switch
        {
            0 => IgnoreWhen.Never,
            2 => IgnoreWhen.Default,
            3 => IgnoreWhen.Null,
            _ => null,
        };
    }

    private static string? JsonNameOf(IPropertySymbol property)
    {
        var attribute = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == StjSerialization + "JsonPropertyNameAttribute");
        return attribute?.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
    }

    private static string? DefaultOf(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue || parameter.ExplicitDefaultValue is null)
            return null;
        string type = parameter.Type.ToDisplayString(TypeFormat);
        var value = parameter.ExplicitDefaultValue;
        return $"({type})({SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false)})";
    }

    private int CodecOf(ITypeSymbol type, INamedTypeSymbol owner, IPropertySymbol member)
    {
        if (HasAttribute(member, StjSerialization + "JsonConverterAttribute") && !IsStringEnumConverter(member, type))
            return Unsupported(owner, member, type, " (it names its own [JsonConverter])");
        if (HasAttribute(member, StjSerialization + "JsonExtensionDataAttribute"))
            return Unsupported(owner, member, type, " ([JsonExtensionData] is not generated)");
        return CodecOf(type, owner, member, IsStringEnumConverter(member, type));
    }

    private int CodecOf(ITypeSymbol type, INamedTypeSymbol owner, IPropertySymbol member, bool enumAsString)
    {
        string name = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeFormat);
        string key = enumAsString ? name + "/string" : name;
        if (_codecIndex.TryGetValue(key, out int known))
            return known;

        if (PrimitiveOf(type) is { } primitive)
            return Add(key, new CodecModel(CodecKind.Primitive, name, type.IsValueType, primitive, -1, default));

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            int inner = CodecOf(nullable.TypeArguments[0], owner, member, enumAsString);
            return inner < 0 ? -1 : Add(key, new CodecModel(CodecKind.Nullable, name, true, null, inner, default));
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            bool asString = enumAsString || IsStringEnumConverter(enumType);
            if (HasAttribute(enumType, "System.FlagsAttribute") && asString)
                return Unsupported(owner, member, type, " (a [Flags] enum written as strings)");
            var names = new List<EnumName>();
            var seen = new HashSet<string>();
            foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
            {
                if (!field.HasConstantValue)
                    continue;
                string value = SymbolDisplay.FormatPrimitive(field.ConstantValue!, quoteStrings: false, useHexadecimalNumbers: false);
                if (!seen.Add(value))
                    continue;
                var memberName = field.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == StjSerialization + "JsonStringEnumMemberNameAttribute");
                names.Add(new EnumName(memberName?.ConstructorArguments[0].Value as string ?? field.Name, value));
            }
            string underlying = PrimitiveOf(enumType.EnumUnderlyingType!)!;
            return Add(key, new CodecModel(asString ? CodecKind.StringEnum : CodecKind.NumberEnum, name, true, underlying, -1, new EquatableArray<EnumName>([.. names])));
        }

        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            int element = CodecOf(array.ElementType, owner, member, false);
            return element < 0 ? -1 : Add(key, new CodecModel(CodecKind.Array, name, false, null, element, default));
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic)
        {
            string definition = generic.OriginalDefinition.ToDisplayString();
            switch (definition)
            {
                case "System.Collections.Generic.List<T>":
                case "System.Collections.Generic.IList<T>":
                case "System.Collections.Generic.ICollection<T>":
                case "System.Collections.Generic.IEnumerable<T>":
                case "System.Collections.Generic.IReadOnlyList<T>":
                case "System.Collections.Generic.IReadOnlyCollection<T>":
                {
                    int element = CodecOf(generic.TypeArguments[0], owner, member, false);
                    return element < 0 ? -1 : Add(key, new CodecModel(CodecKind.List, name, false, null, element, default));
                }
                case "System.Collections.Generic.Dictionary<TKey, TValue>":
                case "System.Collections.Generic.IDictionary<TKey, TValue>":
                case "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>":
                {
                    if (generic.TypeArguments[0].SpecialType != SpecialType.System_String)
                        return Unsupported(owner, member, type, " (dictionary keys must be strings)");
                    int element = CodecOf(generic.TypeArguments[1], owner, member, false);
                    return element < 0 ? -1 : Add(key, new CodecModel(CodecKind.Dictionary, name, false, null, element, default));
                }
            }
        }

        if (type is INamedTypeSymbol named && IsLambdaJsonType(named))
            return Add(key, new CodecModel(CodecKind.Object, name, type.IsValueType, null, -1, default));

        string hint = type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } && type.ContainingAssembly is not null
            && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, owner.ContainingAssembly)
            ? " (mark it [LambdaJson] too)"
            : string.Empty;
        return Unsupported(owner, member, type, hint);
    }

    private int Add(string key, CodecModel codec)
    {
        _codecIndex[key] = _codecs.Count;
        _codecs.Add(codec);
        return _codecs.Count - 1;
    }

    private int Unsupported(INamedTypeSymbol owner, IPropertySymbol member, ITypeSymbol type, string why)
    {
        _diagnostics.Add(DiagnosticInfo.Create(LambdaJsonDiagnostics.UnsupportedMember, member, owner.Name, member.Name, type.ToDisplayString(), why));
        return -1;
    }

    private static string? PrimitiveOf(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return "String";
            case SpecialType.System_Boolean: return "Boolean";
            case SpecialType.System_Char: return "Char";
            case SpecialType.System_Byte: return "Byte";
            case SpecialType.System_SByte: return "SByte";
            case SpecialType.System_Int16: return "Int16";
            case SpecialType.System_UInt16: return "UInt16";
            case SpecialType.System_Int32: return "Int32";
            case SpecialType.System_UInt32: return "UInt32";
            case SpecialType.System_Int64: return "Int64";
            case SpecialType.System_UInt64: return "UInt64";
            case SpecialType.System_Single: return "Single";
            case SpecialType.System_Double: return "Double";
            case SpecialType.System_Decimal: return "Decimal";
            case SpecialType.System_DateTime: return "DateTime";
        }
        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
            return "Bytes";
        return type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString() switch
        {
            "System.DateTimeOffset" => "DateTimeOffset",
            "System.DateOnly" => "DateOnly",
            "System.TimeOnly" => "TimeOnly",
            "System.TimeSpan" => "TimeSpan",
            "System.Guid" => "Guid",
            "System.Uri" => "Uri",
            "System.Text.Json.JsonElement" => "Element",
            "System.Text.Json.Nodes.JsonNode" => "Node",
            _ => null,
        };
    }

    private static bool IsLambdaJsonType(INamedTypeSymbol type) =>
        HasAttribute(type, AttributeName)
        || type.AllInterfaces.Any(i => i.OriginalDefinition.ToDisplayString() == "LambdaBootstrap.Runtime.Json.ILambdaJson<TSelf>"
                                       && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type));

    private static bool IsStringEnumConverter(ISymbol symbol, ITypeSymbol? type = null)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n)
            type = n.TypeArguments[0];
        if (type is not null && type.TypeKind != TypeKind.Enum)
            return false;
        var attribute = symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == StjSerialization + "JsonConverterAttribute");
        if (attribute is { ConstructorArguments.Length: 1 } && attribute.ConstructorArguments[0].Value is INamedTypeSymbol converter)
            return converter.OriginalDefinition.ToDisplayString() is "System.Text.Json.Serialization.JsonStringEnumConverter" or "System.Text.Json.Serialization.JsonStringEnumConverter<TEnum>";
        return false;
    }

    private static bool IsPartialAll(INamedTypeSymbol type, CancellationToken cancellation)
    {
        for (var t = type; t is not null; t = t.ContainingType)
        {
            bool partial = t.DeclaringSyntaxReferences.Any(r =>
                r.GetSyntax(cancellation) is TypeDeclarationSyntax d && d.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)));
            if (!partial)
                return false;
        }
        return true;
    }

    private static string KeywordOf(INamedTypeSymbol type) => (type.IsRecord, type.IsValueType) switch
    {
        (true, true) => "record struct",
        (true, false) => "record",
        (false, true) => "struct",
        _ => "class",
    };

    private static bool HasAttribute(ISymbol symbol, string name) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == name);

    private static int? NamedInt(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Value is int value)
                return value;
        }
        return null;
    }

    private static bool? NamedBool(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Value is bool value)
                return value;
        }
        return null;
    }
}

/// <summary>The <c>[assembly: LambdaJson]</c> settings.</summary>
internal sealed record AssemblyDefaults(int NamingPolicy, bool CaseInsensitive);
