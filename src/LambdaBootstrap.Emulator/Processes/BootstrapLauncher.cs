using LambdaBootstrap.Emulator.Hosting;

namespace LambdaBootstrap.Emulator.Processes;

/// <summary>
/// How a bootstrap starts on this machine: directly, or, when it was built for Lambda's other architecture, under
/// qemu-user with the target's libraries (Debian's cross libc), so that the very binary a user deploys runs here too.
/// </summary>
internal sealed record BootstrapLauncher(string FileName, IReadOnlyList<string> Arguments, string? EmulatedBy)
{
    /// <summary>Decides how to start <paramref name="bootstrapPath"/>; throws a one-line <see cref="EmulatorException"/> when it cannot run here.</summary>
    public static BootstrapLauncher For(string bootstrapPath, Func<string, string?>? findOnPath = null)
    {
        string path = Path.GetFullPath(bootstrapPath);
        if (!File.Exists(path))
            throw new EmulatorException($"bootstrap not found: {bootstrapPath}");
        var target = ElfMachine.Read(path);
        var host = ElfMachine.OfThisMachine();
        if (target is null || host is null || target == host)
            return new BootstrapLauncher(path, [], null);

        var (qemu, triple, libcPackage) = target == LambdaArchitecture.Arm64
            ? ("qemu-aarch64", "aarch64-linux-gnu", "libc6-arm64-cross")
            : ("qemu-x86_64", "x86_64-linux-gnu", "libc6-amd64-cross");
        string what = $"{bootstrapPath} is built for {target.Value.LambdaName()} and this machine is {host.Value.LambdaName()}";
        string qemuPath = (findOnPath ?? FindOnPath)(qemu)
            ?? throw new EmulatorException($"{what}: running it needs {qemu} (Debian package qemu-user)");
        // The target's loader and libc: Debian's cross libc, or any root named by QEMU_LD_PREFIX.
        string sysroot = Environment.GetEnvironmentVariable("QEMU_LD_PREFIX") is { Length: > 0 } prefix ? prefix : $"/usr/{triple}";
        if (!Directory.Exists(Path.Combine(sysroot, "lib")))
            throw new EmulatorException($"{what}: running it needs the target's libc in {sysroot} (Debian package {libcPackage})");
        return new BootstrapLauncher(qemuPath, ["-L", sysroot, path], qemu);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
