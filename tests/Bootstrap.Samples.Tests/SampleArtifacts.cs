namespace Bootstrap.Samples.Tests;

/// <summary>Where the built parts are: the sample's AOT bootstrap and the emulator, both made by <c>make test</c>.</summary>
internal static class SampleArtifacts
{
    public static string RepoRoot => BootstrapBinaries.RepoRoot;

    public static string ItemsBootstrap => Existing("artifacts/samples/items/bootstrap", "make sample-items");

    public static string ChatBootstrap => Existing("artifacts/samples/chat/bootstrap", "make sample-chat");

    /// <summary>The chat sample's SAM template, whose code is <see cref="ChatBootstrap"/>'s folder.</summary>
    public static string ChatTemplate => Path.Combine(RepoRoot, "samples/Chat/template.yaml");

    public static string Emulator => Existing("artifacts/emulator/bootstrap-emulator.dll", "make emulator-build");

    public static string DynaliteDirectory => Path.Combine(RepoRoot, "tests/Bootstrap.Samples.Tests/dynalite");

    private static string Existing(string relativePath, string command)
    {
        string path = Path.Combine(RepoRoot, relativePath);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{relativePath} is missing: run `{command}` first", path);
    }
}
