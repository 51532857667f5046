namespace LambdaBootstrap.Emulator.HttpFrontDoor;

/// <summary>A Lambda authorizer's decision: let the request through with its output, or answer it as API Gateway does.</summary>
internal sealed record AuthorizerVerdict(AuthorizerOutput? Output, int Status, string? Body)
{
    public bool Allowed => Output is not null;

    public static AuthorizerVerdict Allow(AuthorizerOutput output) => new(output, 200, null);

    public static AuthorizerVerdict Refuse(int status, string body) => new(null, status, body);
}
