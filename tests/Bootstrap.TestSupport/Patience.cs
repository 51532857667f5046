namespace Bootstrap.TestSupport;

/// <summary>How long a test waits for an event that should come at once before it fails rather than hangs.</summary>
public static class Patience
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(20);
}
