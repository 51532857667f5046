namespace Bootstrap.Bench;

/// <summary>
/// What a variant is, for the report: the C floor, a bootstrap of this repository, the HttpClient reference, one of
/// the minimal functions the bench builds as a user would, or one a user passed in.
/// </summary>
public enum VariantKind
{
    Floor,
    Bootstrap,
    Reference,
    Extra,
    Minimal,
}

/// <summary>
/// One bootstrap to measure: the binary, the handler it runs (_HANDLER), the event it gets and the response it
/// must give back (null: any answer will do, for a user's own function).
/// </summary>
public sealed record Variant(string Name, VariantKind Kind, string Path, string? Handler, byte[] Event, byte[]? ExpectedResponse, string Description)
{
    /// <summary>Variables added to the Lambda environment for this variant alone (--env).</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    public long SizeBytes => new FileInfo(Path).Length;
}
