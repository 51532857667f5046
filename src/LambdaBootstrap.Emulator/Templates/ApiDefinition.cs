namespace LambdaBootstrap.Emulator.Templates;

/// <summary>
/// An API Gateway API of a template: SAM's implicit REST API (<c>ServerlessRestApi</c>, stage <c>Prod</c>) or HTTP API
/// (<c>ServerlessHttpApi</c>, stage <c>$default</c>), or an <c>AWS::Serverless::Api</c>/<c>AWS::Serverless::HttpApi</c>.
/// </summary>
/// <param name="LogicalId">The resource's logical id; it is also the API id in events.</param>
/// <param name="IsRest">A REST API (payload 1.0), else an HTTP API (payload 2.0).</param>
/// <param name="StageName">Its stage; a REST API always has a named one.</param>
/// <param name="DefaultAuthorizer">The authorizer of every route that names none, or null.</param>
internal sealed record ApiDefinition(
    string LogicalId,
    bool IsRest,
    string StageName,
    IReadOnlyDictionary<string, string> StageVariables,
    IReadOnlyDictionary<string, AuthorizerDefinition> Authorizers,
    string? DefaultAuthorizer)
{
    public const string DefaultStage = "$default";

    /// <summary>The front door's answer to a request that matches none of its routes, as API Gateway answers it.</summary>
    public (int Status, string Message) NoRoute => IsRest ? (403, "Missing Authentication Token") : (404, "Not Found");
}
