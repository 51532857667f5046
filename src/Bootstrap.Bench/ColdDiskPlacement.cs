using Bootstrap.Bench.Results;

namespace Bootstrap.Bench;

/// <summary>
/// Where the cold-disk starts run each variant's binary from. With a readahead asked for (--readahead-kb, 128 by
/// default) and root and a loop device at hand: copies on a <see cref="ReadaheadDisk"/> in the build folder, one per
/// distinct binary. Otherwise, or with --readahead-kb 0: the binaries where they are, on the machine's disk. Disposing
/// removes the loop disk.
/// </summary>
public sealed class ColdDiskPlacement : IDisposable
{
    private readonly ReadaheadDisk? _disk;

    private ColdDiskPlacement(ReadaheadDisk? disk, IReadOnlyList<Variant> variants, ColdDiskSetup setup)
    {
        _disk = disk;
        Variants = variants;
        Setup = setup;
    }

    /// <summary>The variants as the cold-disk starts run them: same names and order, paths on the chosen disk.</summary>
    public IReadOnlyList<Variant> Variants { get; }

    public ColdDiskSetup Setup { get; }

    public static ColdDiskPlacement Choose(int readaheadKb, string buildDirectory, IReadOnlyList<Variant> variants, Progress progress)
    {
        string? fallback = null;
        if (readaheadKb > 0)
        {
            fallback = ReadaheadDisk.Unavailable();
            if (fallback is null)
                return OnLoopDisk(readaheadKb, buildDirectory, variants, progress);
            fallback = $"no {readaheadKb:N0} kB readahead disk: {fallback}";
            progress.Say($"bootstrap-bench: {fallback}; the cold-disk starts run from the machine's disk");
        }
        int? machine = variants.Count > 0 ? DeviceReadahead.KbFor(variants[0].Path) : null;
        string description = $"the machine's disk{(machine is { } kb ? $" (read_ahead_kb {kb:N0})" : "")}, each binary where it is";
        return new ColdDiskPlacement(null, variants, new ColdDiskSetup(false, machine, description) { Fallback = fallback });
    }

    private static ColdDiskPlacement OnLoopDisk(int readaheadKb, string buildDirectory, IReadOnlyList<Variant> variants, Progress progress)
    {
        var sources = variants.Select(v => v.Path).Distinct().ToList();
        var disk = ReadaheadDisk.Create(Path.Combine(buildDirectory, "readahead-disk"), sources.Sum(p => new FileInfo(p).Length), readaheadKb);
        try
        {
            // Variants that share a binary (echo and greet on the host) share its copy, as they share the file.
            var copies = sources.ToDictionary(p => p, p => disk.Place(variants.First(v => v.Path == p).Name, p));
            int? measured = DeviceReadahead.KbFor(copies[sources[0]]);
            if (measured != readaheadKb)
                throw new BenchException($"the binaries copied to {disk.MountPoint} sit on a disk with readahead {measured?.ToString() ?? "unknown"}, not {readaheadKb} kB");
            progress.Say($"bootstrap-bench: cold-disk starts run from {disk.Device} (ext4, read_ahead_kb {disk.ReadaheadKb:N0}) mounted on {disk.MountPoint}");
            var placed = variants.Select(v => v with { Path = copies[v.Path] }).ToList();
            var setup = new ColdDiskSetup(true, disk.ReadaheadKb,
                $"a loop-mounted ext4 image of the bench's own ({disk.Device}, {(disk.DirectIo ? "direct I/O" : "buffered I/O")}, read_ahead_kb {disk.ReadaheadKb:N0}), each binary copied onto it");
            return new ColdDiskPlacement(disk, placed, setup);
        }
        catch
        {
            disk.Dispose();
            throw;
        }
    }

    public void Dispose() => _disk?.Dispose();
}
