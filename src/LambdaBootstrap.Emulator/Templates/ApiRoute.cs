namespace LambdaBootstrap.Emulator.Templates;

/// <summary>
/// A route of an API, from a function's <c>Api</c> or <c>HttpApi</c> event: a method (or <c>ANY</c>) and a path
/// template with <c>{name}</c> and a final greedy <c>{name+}</c>; an HTTP API's <c>$default</c> route has neither.
/// </summary>
/// <param name="Authorizer">The authorizer it runs first, or null (none, or <c>NONE</c>).</param>
internal sealed record ApiRoute(ApiDefinition Api, string Method, string Path, string FunctionId, AuthorizerDefinition? Authorizer)
{
    public const string Any = "ANY";

    public bool IsDefault => Path == ApiDefinition.DefaultStage;

    /// <summary>The HTTP API route key: <c>GET /items/{id}</c>, or <c>$default</c>.</summary>
    public string RouteKey => IsDefault ? ApiDefinition.DefaultStage : $"{Method} {Path}";
}
