namespace LambdaBootstrap.Events.Http;

/// <summary>
/// The one path model of every front door: <see cref="HttpRequest.RawPath"/> is what arrived,
/// <see cref="HttpRequest.PathBase"/> the stage prefix the client's URL carried, and <see cref="HttpRequest.Path"/>
/// the rest, percent-decoded once. <c>AWS_LAMBDA_HTTP_IGNORE_STAGE_IN_PATH</c> (set to anything) leaves the stage
/// alone: the path is the format's own, stage included where the format puts it there.
/// </summary>
internal readonly record struct HttpPathModel(string RawPath, string PathBase, string EncodedPath)
{
    public const string IgnoreStageVariable = "AWS_LAMBDA_HTTP_IGNORE_STAGE_IN_PATH";

    public string Path => Uri.UnescapeDataString(EncodedPath);

    public static bool StageIgnoredByEnvironment() => Environment.GetEnvironmentVariable(IgnoreStageVariable) is not null;

    /// <summary>
    /// REST: <c>path</c> has no stage; <c>requestContext.path</c> is what the client asked for, with the stage (or a
    /// custom domain's base path) before it.
    /// </summary>
    public static HttpPathModel Rest(string? path, string? contextPath, bool ignoreStage)
    {
        string encoded = path ?? contextPath ?? "/";
        string raw = contextPath ?? encoded;
        if (ignoreStage)
            return new(encoded, "", encoded);
        string pathBase = raw.Length > encoded.Length && raw.EndsWith(encoded, StringComparison.Ordinal) ? raw[..^encoded.Length]
            : encoded == "/" && raw.Length > 1 && !raw.EndsWith('/') ? raw
            : "";
        return new(raw, pathBase.TrimEnd('/'), encoded);
    }

    /// <summary>Payload 2.0: <c>rawPath</c> starts with <c>/{stage}</c> unless the stage is <c>$default</c>.</summary>
    public static HttpPathModel PayloadV2(string? rawPath, string? stage, bool ignoreStage)
    {
        string raw = rawPath ?? "/";
        if (ignoreStage || stage is null or "" or "$default")
            return new(raw, "", raw);
        string prefix = "/" + stage;
        if (raw == prefix)
            return new(raw, prefix, "/");
        if (raw.StartsWith(prefix + "/", StringComparison.Ordinal))
            return new(raw, prefix, raw[prefix.Length..]);
        return new(raw, "", raw);
    }

    /// <summary>An ALB passes the path as the client sent it.</summary>
    public static HttpPathModel Alb(string? path) => new(path ?? "/", "", path ?? "/");
}
