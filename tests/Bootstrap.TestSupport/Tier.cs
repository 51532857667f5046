namespace Bootstrap.TestSupport;

/// <summary>
/// The test tiers, as xunit traits: <c>[Trait(Tier.Name, Tier.Unit)]</c> marks a class that needs no AOT binary, no
/// external tool (node, chromium, qemu, make, gcc) and no browser. <c>make unit</c> runs exactly those.
/// </summary>
public static class Tier
{
    public const string Name = "Tier";
    public const string Unit = "Unit";
}
