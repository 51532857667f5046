namespace Bootstrap.TestSupport;

/// <summary>
/// <c>[Trait(Suite.Name, Suite.Conformance)]</c> marks a class that checks the runtime's behaviour against the Runtime
/// API through the default bootstrap (<see cref="BootstrapBinaries.Host"/>). `make test` runs those classes a second
/// time on the portable build (managed sockets), so both transports pass the same suite.
/// </summary>
public static class Suite
{
    public const string Name = "Suite";
    public const string Conformance = "Conformance";
}
