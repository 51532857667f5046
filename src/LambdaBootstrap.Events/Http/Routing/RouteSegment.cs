namespace LambdaBootstrap.Events.Http;

/// <summary>One segment of a route template: a literal, a parameter (maybe typed), or the greedy rest of the path.</summary>
/// <param name="Kind">What the segment matches.</param>
/// <param name="Text">The literal, or the parameter's name.</param>
/// <param name="Constraint">The parameter's type (<c>int</c>...), or null.</param>
internal readonly record struct RouteSegment(RouteSegmentKind Kind, string Text, string? Constraint)
{
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
