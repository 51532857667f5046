namespace LambdaBootstrap.Emulator.Tests;

/// <summary>
/// Tests whose assertions involve wall-clock time (parallel sleeps, deadlines). They run alone, not beside the
/// heavy tests, so that two busy cores cannot turn a correct result into a timing failure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitive
{
    public const string Name = "timing-sensitive";
}
