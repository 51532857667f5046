using System.IO.Compression;
using LambdaBootstrap.Emulator.Hosting;

namespace LambdaBootstrap.Emulator.Templates;

/// <summary>
/// A template's code and layer locations as folders: a folder is used as it is, a zip is unpacked (once) into a
/// temporary folder that lives as long as this does.
/// </summary>
internal sealed class CodeFolders : IDisposable
{
    private readonly Dictionary<string, string> _unpacked = new(StringComparer.Ordinal);

    /// <summary>The folder for <paramref name="path"/> (a folder or a zip), or null when there is nothing there.</summary>
    public string? Open(string path)
    {
        if (Directory.Exists(path))
            return path;
        if (!File.Exists(path))
            return null;
        if (_unpacked.TryGetValue(path, out string? folder))
            return folder;
        folder = Directory.CreateTempSubdirectory("bootstrap-emulator-code-").FullName;
        try
        {
            ZipFile.ExtractToDirectory(path, folder);
        }
        catch (InvalidDataException e)
        {
            Directory.Delete(folder, recursive: true);
            throw new EmulatorException($"{path} is neither a folder nor a zip: {e.Message}");
        }
        // A zip made without Unix modes unpacks without the execute bit that Lambda's runtime would need anyway.
        string bootstrap = Path.Combine(folder, "bootstrap");
        if (File.Exists(bootstrap) && OperatingSystem.IsLinux())
            File.SetUnixFileMode(bootstrap, File.GetUnixFileMode(bootstrap) | UnixFileMode.UserExecute | UnixFileMode.UserRead);
        _unpacked[path] = folder;
        return folder;
    }

    public void Dispose()
    {
        foreach (string folder in _unpacked.Values)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        _unpacked.Clear();
    }
}
