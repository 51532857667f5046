using LambdaBootstrap.Emulator;
using LambdaBootstrap.Emulator.Hosting;
using LambdaBootstrap.Emulator.Processes;

namespace LambdaBootstrap.Emulator.Tests;

/// <summary>Which architecture a bootstrap is for, and how it is started on this machine.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class BootstrapLauncherTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("launcher-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A file that starts with a 64-bit little-endian ELF header for <paramref name="machine"/>.</summary>
    private string Elf(ushort machine, string name = "bootstrap")
    {
        var header = new byte[64];
        "\u007fELF"u8.CopyTo(header);
        header[4] = 2;   // 64-bit
        header[5] = 1;   // little-endian
        BitConverter.TryWriteBytes(header.AsSpan(18), machine);
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, header);
        return path;
    }

    private static LambdaArchitecture Other(LambdaArchitecture architecture) =>
        architecture == LambdaArchitecture.X86_64 ? LambdaArchitecture.Arm64 : LambdaArchitecture.X86_64;

    private static ushort MachineOf(LambdaArchitecture architecture) => architecture == LambdaArchitecture.Arm64 ? (ushort)183 : (ushort)62;

    [Theory]
    [InlineData((ushort)62, nameof(LambdaArchitecture.X86_64))]
    [InlineData((ushort)183, nameof(LambdaArchitecture.Arm64))]
    public void The_ELF_machine_names_the_architecture(ushort machine, string expected) =>
        Assert.Equal(Enum.Parse<LambdaArchitecture>(expected), ElfMachine.Read(Elf(machine)));

    [Fact]
    public void A_script_or_another_machine_has_no_Lambda_architecture()
    {
        string script = Path.Combine(_folder, "script");
        File.WriteAllText(script, "#!/bin/sh\necho hi\n");
        Assert.Null(ElfMachine.Read(script));
        Assert.Null(ElfMachine.Read(Elf(machine: 8)));   // MIPS
        File.WriteAllBytes(Path.Combine(_folder, "short"), [0x7F, (byte)'E']);
        Assert.Null(ElfMachine.Read(Path.Combine(_folder, "short")));
    }

    [Fact]
    public void A_bootstrap_for_this_machine_starts_directly()
    {
        var host = ElfMachine.OfThisMachine()!.Value;
        string path = Elf(MachineOf(host));
        var launcher = BootstrapLauncher.For(path, findOnPath: _ => throw new InvalidOperationException("no lookup needed"));
        Assert.Equal(path, launcher.FileName);
        Assert.Empty(launcher.Arguments);
        Assert.Null(launcher.EmulatedBy);
    }

    [Fact]
    public void A_bootstrap_for_the_other_architecture_runs_under_qemu_with_the_cross_libc_as_root()
    {
        var other = Other(ElfMachine.OfThisMachine()!.Value);
        string qemu = other == LambdaArchitecture.Arm64 ? "qemu-aarch64" : "qemu-x86_64";
        string sysroot = other == LambdaArchitecture.Arm64 ? "/usr/aarch64-linux-gnu" : "/usr/x86_64-linux-gnu";
        if (!Directory.Exists(Path.Combine(sysroot, "lib")))
            return;   // covered by the next test's message
        string path = Elf(MachineOf(other));

        var launcher = BootstrapLauncher.For(path, findOnPath: name => name == qemu ? "/opt/qemu/" + name : null);

        Assert.Equal("/opt/qemu/" + qemu, launcher.FileName);
        Assert.Equal(["-L", sysroot, path], launcher.Arguments);
        Assert.Equal(qemu, launcher.EmulatedBy);
    }

    [Fact]
    public void Without_qemu_it_says_so_in_one_line_naming_the_Debian_package()
    {
        var host = ElfMachine.OfThisMachine()!.Value;
        string path = Elf(MachineOf(Other(host)));

        var error = Assert.Throws<EmulatorException>(() => BootstrapLauncher.For(path, findOnPath: _ => null));

        Assert.Equal(
            $"{path} is built for {Other(host).LambdaName()} and this machine is {host.LambdaName()}: running it needs " +
            $"{(host == LambdaArchitecture.X86_64 ? "qemu-aarch64" : "qemu-x86_64")} (Debian package qemu-user)",
            error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_missing_bootstrap_is_named()
    {
        var error = Assert.Throws<EmulatorException>(() => BootstrapLauncher.For(Path.Combine(_folder, "nothing")));
        Assert.Equal($"bootstrap not found: {Path.Combine(_folder, "nothing")}", error.Message);
    }
}
