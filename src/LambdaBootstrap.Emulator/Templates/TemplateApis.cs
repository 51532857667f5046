namespace LambdaBootstrap.Emulator.Templates;

/// <summary>What a template's front doors serve: the API routes of its functions' events, their Function URLs, and its WebSocket APIs.</summary>
internal sealed record TemplateApis(IReadOnlyList<ApiRoute> Routes, IReadOnlyList<FunctionUrlDefinition> FunctionUrls, IReadOnlyList<WebSocketApiDefinition> WebSocketApis)
{
    public static readonly TemplateApis None = new([], [], []);

    /// <summary>Whether the template declares any front door.</summary>
    public bool Any => Routes.Count > 0 || FunctionUrls.Count > 0 || WebSocketApis.Count > 0;
}
