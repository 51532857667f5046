namespace LambdaBootstrap.Emulator.Templates;

/// <summary>A function's <c>FunctionUrlConfig</c>.</summary>
/// <param name="AuthType"><c>NONE</c> or <c>AWS_IAM</c> (not checked here: requests are not signed locally).</param>
/// <param name="Streaming"><c>InvokeMode: RESPONSE_STREAM</c>.</param>
/// <param name="Cors">Its CORS settings, or null.</param>
internal sealed record FunctionUrlDefinition(string FunctionId, string AuthType, bool Streaming, CorsDefinition? Cors);

/// <summary>A Function URL's <c>Cors</c>.</summary>
internal sealed record CorsDefinition(
    IReadOnlyList<string> AllowOrigins,
    IReadOnlyList<string> AllowMethods,
    IReadOnlyList<string> AllowHeaders,
    IReadOnlyList<string> ExposeHeaders,
    bool AllowCredentials,
    int? MaxAge);
