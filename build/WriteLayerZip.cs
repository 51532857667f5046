// The MSBuild task behind Bootstrap.Layer.targets: writes a Lambda layer zip that is byte-for-byte deterministic.
//
// Compiled by MSBuild's RoslynCodeTaskFactory (netstandard 2.0), so it writes the zip format itself rather than
// through ZipArchive, whose netstandard surface cannot set Unix modes. What makes the output deterministic:
//   - entries in ordinal order of their names, whatever order they were given in;
//   - every timestamp is the DOS epoch, 1980-01-01 00:00, never the file's own;
//   - "version made by" is Unix 3.0 and the external attributes carry the given mode (S_IFREG | mode), never the
//     file's own mode, owner or group; no extra fields, no comments, no data descriptors;
//   - the data is deflated in memory at one fixed level (or stored, if deflate would not make it smaller).
// The same bytes in give the same zip out, on any machine with the same .NET runtime.

using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class WriteLayerZip : Task
{
    /// <summary>Files to put in the zip. Metadata: EntryName (default: the file name), Mode (octal, default 644).</summary>
    [Required]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The zip to write (replaced if it exists).</summary>
    [Required]
    public string ZipPath { get; set; } = "";

    private const ushort DosTime = 0;                            // 00:00:00
    private const ushort DosDate = (0 << 9) | (1 << 5) | 1;      // 1980-01-01
    private const ushort VersionMadeBy = (3 << 8) | 30;          // Unix, zip spec 3.0 (as Info-ZIP writes it)
    private const ushort VersionNeeded = 20;                     // deflate
    private const int RegularFile = 0x8000;                      // S_IFREG

    public override bool Execute()
    {
        var entries = new List<Entry>();
        foreach (var item in Files)
        {
            string name = item.GetMetadata("EntryName");
            if (string.IsNullOrEmpty(name))
                name = Path.GetFileName(item.ItemSpec);
            string modeText = item.GetMetadata("Mode");
            int mode;
            try { mode = Convert.ToInt32(string.IsNullOrEmpty(modeText) ? "644" : modeText, 8); }
            catch (Exception) { Log.LogError($"layer zip: Mode '{modeText}' of {item.ItemSpec} is not an octal number"); return false; }
            if (mode < 0 || mode > 0x1FF)
            {
                Log.LogError($"layer zip: Mode '{modeText}' of {item.ItemSpec} is not a permission mode (000 to 777)");
                return false;
            }
            if (name.Any(c => c < 0x21 || c > 0x7E) || name.StartsWith("/") || name.Contains("\\")
                || name.Split('/').Any(part => part == ".." || part == "." || part.Length == 0))
            {
                Log.LogError($"layer zip: entry name '{name}' must be a relative ASCII path without spaces, '.', '..' or empty parts");
                return false;
            }
            if (!File.Exists(item.ItemSpec))
            {
                Log.LogError($"layer zip: {item.ItemSpec} does not exist");
                return false;
            }
            entries.Add(new Entry(name, item.ItemSpec, mode));
        }
        if (entries.Count == 0)
        {
            Log.LogError("layer zip: no files to put in " + ZipPath);
            return false;
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        for (int i = 1; i < entries.Count; i++)
        {
            if (entries[i].Name == entries[i - 1].Name)
            {
                Log.LogError($"layer zip: two files for the entry '{entries[i].Name}'");
                return false;
            }
        }

        string temp = ZipPath + ".tmp";
        using (var zip = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            var central = new MemoryStream();
            foreach (var entry in entries)
            {
                byte[] data = File.ReadAllBytes(entry.Source);
                byte[] deflated = Deflate(data);
                bool store = deflated.Length >= data.Length;
                byte[] body = store ? data : deflated;
                uint crc = Crc32(data);
                if ((long)zip.Position > uint.MaxValue || data.LongLength > uint.MaxValue)
                {
                    Log.LogError($"layer zip: {entry.Source} is too large for a zip without zip64");
                    return false;
                }
                uint offset = (uint)zip.Position;
                byte[] name = Encoding.ASCII.GetBytes(entry.Name);
                ushort method = (ushort)(store ? 0 : 8);

                // The fields the local header and the central directory entry share, in the same order.
                void WriteCommonFields(BinaryWriter w)
                {
                    w.Write(VersionNeeded);
                    w.Write((ushort)0);               // flags
                    w.Write(method);
                    w.Write(DosTime);
                    w.Write(DosDate);
                    w.Write(crc);
                    w.Write((uint)body.Length);
                    w.Write((uint)data.Length);
                    w.Write((ushort)name.Length);
                    w.Write((ushort)0);               // extra field length
                }

                var local = new BinaryWriter(zip, Encoding.ASCII, leaveOpen: true);
                local.Write(0x04034b50u);
                WriteCommonFields(local);
                local.Write(name);
                local.Write(body);
                local.Flush();

                var cd = new BinaryWriter(central, Encoding.ASCII, leaveOpen: true);
                cd.Write(0x02014b50u);
                cd.Write(VersionMadeBy);
                WriteCommonFields(cd);
                cd.Write((ushort)0);                  // comment length
                cd.Write((ushort)0);                  // disk number
                cd.Write((ushort)0);                  // internal attributes
                cd.Write((uint)(RegularFile | entry.Mode) << 16);
                cd.Write(offset);
                cd.Write(name);
                cd.Flush();
            }

            uint centralOffset = (uint)zip.Position;
            central.Position = 0;
            central.CopyTo(zip);
            var end = new BinaryWriter(zip, Encoding.ASCII, leaveOpen: true);
            end.Write(0x06054b50u);
            end.Write((ushort)0);                     // this disk
            end.Write((ushort)0);                     // disk with the central directory
            end.Write((ushort)entries.Count);
            end.Write((ushort)entries.Count);
            end.Write((uint)central.Length);
            end.Write(centralOffset);
            end.Write((ushort)0);                     // comment length
            end.Flush();
        }
        if (File.Exists(ZipPath))
            File.Delete(ZipPath);
        File.Move(temp, ZipPath);
        Log.LogMessage(MessageImportance.Normal, $"layer zip: {ZipPath}: {string.Join(", ", entries.Select(e => e.Name + " " + Convert.ToString(e.Mode, 8)))}");
        return true;
    }

    private static byte[] Deflate(byte[] data)
    {
        var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
            deflate.Write(data, 0, data.Length);
        return output.ToArray();
    }

    private static readonly uint[] s_crcTable = BuildCrcTable();

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    private static uint Crc32(byte[] data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data)
            crc = s_crcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }

    private sealed class Entry
    {
        public Entry(string name, string source, int mode) { Name = name; Source = source; Mode = mode; }
        public string Name { get; }
        public string Source { get; }
        public int Mode { get; }
    }
}
