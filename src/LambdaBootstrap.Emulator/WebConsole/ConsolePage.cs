using System.Text;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.WebConsole;

/// <summary>
/// The console page and its two assets, embedded in this assembly (plain HTML, CSS and JavaScript: nothing is
/// fetched from anywhere else). The page carries this run's token. Every answer forbids framing, sniffing and any
/// script or style not served from here.
/// </summary>
internal sealed class ConsolePage
{
    public const string IndexPath = "/";
    public const string ScriptPath = "/console/console.js";
    public const string StylePath = "/console/console.css";
    private const string TokenPlaceholder = "{{console-token}}";
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private readonly byte[] _index;
    private static readonly byte[] s_script = Asset("console.js");
    private static readonly byte[] s_style = Asset("console.css");

    public ConsolePage(string token) =>
        _index = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Asset("index.html")).Replace(TokenPlaceholder, token, StringComparison.Ordinal));

    /// <summary>The assets by name, with their sizes in bytes: what the page weighs.</summary>
    public static IReadOnlyDictionary<string, int> Weights => new Dictionary<string, int>
    {
        ["index.html"] = Asset("index.html").Length,
        ["console.css"] = s_style.Length,
        ["console.js"] = s_script.Length,
    };

    /// <summary>Answers a GET for the page or one of its assets; false when the path is none of them.</summary>
    public async Task<bool> TryServeAsync(HttpContext context)
    {
        (byte[] body, string type) = context.Request.Path.Value switch
        {
            IndexPath => (_index, "text/html; charset=utf-8"),
            ScriptPath => (s_script, "text/javascript; charset=utf-8"),
            StylePath => (s_style, "text/css; charset=utf-8"),
            _ => (Array.Empty<byte>(), ""),
        };
        if (type.Length == 0)
            return false;
        var response = context.Response;
        response.ContentType = type;
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["Cross-Origin-Resource-Policy"] = "same-origin";
        response.Headers.CacheControl = "no-store";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
        return true;
    }

    private static byte[] Asset(string name)
    {
        using var stream = typeof(ConsolePage).Assembly.GetManifestResourceStream("console/" + name)
            ?? throw new InvalidOperationException($"the console asset {name} is not embedded");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
