namespace LambdaBootstrap.Events.Http;

/// <summary>One segment of a route template: a literal, a parameter (maybe typed), or the greedy rest of the path.</summary>
/// <remarks>A plain struct, not a record: a record's generated <c>ToString</c> would format the enum, which brings
/// NativeAOT's reflection over enums into every function with a router.</remarks>
internal readonly struct RouteSegment(RouteSegmentKind kind, string text, string? constraint)
{
    /// <summary>What the segment matches.</summary>
    public RouteSegmentKind Kind { get; } = kind;

    /// <summary>The literal, or the parameter's name.</summary>
    public string Text { get; } = text;

    /// <summary>The parameter's type (<c>int</c>...), or null.</summary>
    public string? Constraint { get; } = constraint;

    /// <summary>Lower is more specific: literal, typed parameter, parameter, greedy; an absent segment ranks first.</summary>
    public int Rank => Kind switch
    {
        RouteSegmentKind.Literal => 0,
        RouteSegmentKind.Parameter => Constraint is null ? 2 : 1,
        _ => 3,
    };
}

/// <summary>What a <see cref="RouteSegment"/> matches.</summary>
internal enum RouteSegmentKind
{
    /// <summary>Exactly its text (case-sensitive, as API Gateway's paths are).</summary>
    Literal,

    /// <summary>Any one non-empty segment: <c>{name}</c>, <c>{name:int}</c>.</summary>
    Parameter,

    /// <summary>The rest of the path, one segment or more: <c>{name+}</c>, as API Gateway's <c>{proxy+}</c>.</summary>
    GreedyOneOrMore,

    /// <summary>The rest of the path, maybe nothing: <c>{*name}</c>.</summary>
    GreedyZeroOrMore,
}
