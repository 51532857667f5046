using System.IO.Compression;
using System.Text;

namespace Bootstrap.EndToEnd.Tests;

/// <summary>
/// The default bootstrap published with BootstrapStaticExecutable: it passes the binary check as a static one, serves
/// invocations at a numeric address and at localhost without any name service, and refuses a name it cannot look up
/// in one line.
/// </summary>
public sealed class StaticBootstrapTests
{
    [Fact]
    public void It_has_no_loader_no_libraries_and_no_GLIBC_version()
    {
        var (exitCode, output) = LayerArtifacts.CheckBootstrap(BootstrapBinaries.HostStatic);
        Assert.True(exitCode == 0, output);
        Assert.Contains("statically linked (no GLIBC version, no shared library)", output);
        var (_, dynamic) = Commands.Run("readelf", ["-d", BootstrapBinaries.HostStatic]);
        Assert.Contains("no dynamic section", dynamic);
    }

    [Fact]
    public void It_carries_no_name_service()
    {
        // getaddrinfo compiled out takes glibc's resolver and NSS loader with it: nothing names nsswitch.conf or libnss_.
        byte[] binary = File.ReadAllBytes(BootstrapBinaries.HostStatic);
        Assert.Equal(-1, binary.AsSpan().IndexOf("nsswitch.conf"u8));
        Assert.Equal(-1, binary.AsSpan().IndexOf("libnss_"u8));
    }

    [Fact]
    public void A_layer_holding_it_passes_the_layer_check()
    {
        using var scratch = new LayerScratch();
        string zip = scratch["layer-x86_64.zip"];
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
            archive.CreateEntryFromFile(BootstrapBinaries.HostStatic, "bootstrap").ExternalAttributes = 0x81ED << 16;   // S_IFREG | 0755
        var (exitCode, output) = LayerArtifacts.CheckLayer(zip);
        Assert.True(exitCode == 0, output);
        Assert.Contains("check-bootstrap: bootstrap ok: x86_64", output);
        Assert.Contains("statically linked", output);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task It_serves_echo_at(string host)
    {
        await using var function = await FunctionUnderTest.StartAsync("echo", binary: BootstrapBinaries.HostStatic, apiHost: host);
        var outcome = await function.InvokeAsync("""{"name":"Ada"}""");
        Assert.False(outcome.IsError, Encoding.UTF8.GetString(outcome.Body));
        Assert.Equal("""{"name":"Ada"}""", Encoding.UTF8.GetString(outcome.Body));
    }

    [Fact]
    public async Task A_name_is_refused_in_one_line_naming_the_reason()
    {
        await using var function = await FunctionUnderTest.StartAsync("echo", binary: BootstrapBinaries.HostStatic,
            environment: new Dictionary<string, string>
            {
                ["AWS_LAMBDA_RUNTIME_API"] = "runtime-api.internal:9001",
                ["BOOTSTRAP_CONNECT_TIMEOUT_MS"] = "300",
            });
        Assert.NotEqual(0, await function.ExitCodeAsync());
        Assert.Contains(function.Stderr, line => line.Contains(
            "cannot resolve 'runtime-api.internal': this bootstrap is statically linked and connects only to a numeric address or localhost"));
    }
}
