namespace LambdaBootstrap.Emulator.Templates;

/// <summary>What a template's front doors serve: the API routes of its functions' events, and their Function URLs.</summary>
internal sealed record TemplateApis(IReadOnlyList<ApiRoute> Routes, IReadOnlyList<FunctionUrlDefinition> FunctionUrls)
{
    public static readonly TemplateApis None = new([], []);

    /// <summary>The logical ids of the functions the front doors invoke (routes, authorizers, URLs).</summary>
    public IEnumerable<string> FunctionIds =>
        Routes.Select(r => r.FunctionId).Concat(Routes.Select(r => r.Authorizer?.FunctionId).OfType<string>()).Concat(FunctionUrls.Select(u => u.FunctionId)).Distinct();
}
