using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace LambdaBootstrap.Emulator.WebConsole;

/// <summary>
/// Keeps web pages other than the console from driving the emulator through the user's browser. The loopback
/// server already refuses a Host that is not a loopback name (DNS rebinding); on top of that:
/// <list type="bullet">
/// <item>a request a browser sends for a page of another origin is refused: its <c>Origin</c> is not this server's,
/// or its <c>Sec-Fetch-Site</c> is <c>cross-site</c> or <c>same-site</c> (another port of 127.0.0.1);</item>
/// <item>the console's API, and any invoke a browser sends, need this run's token, which only the console page
/// carries (another origin cannot read that page).</item>
/// </list>
/// SDKs, the AWS CLI and curl send neither header, so the Invoke API serves them as before.
/// </summary>
internal sealed class RequestGuard
{
    /// <summary>The header the console page sends its token in.</summary>
    public const string TokenHeader = "X-Console-Token";
    /// <summary>The query parameter for the one call that cannot send headers: the live feed (EventSource).</summary>
    public const string TokenQuery = "token";

    private readonly byte[] _token;

    public RequestGuard()
    {
        Token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        _token = Encoding.ASCII.GetBytes(Token);
    }

    /// <summary>This run's token: random, new at every start.</summary>
    public string Token { get; }

    /// <summary>Why the request is refused as coming from a page of another origin, or null when it is not.</summary>
    public static string? CrossOriginProblem(HttpRequest request)
    {
        string origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"http://{request.Host.Value}", StringComparison.OrdinalIgnoreCase))
            return $"Origin '{origin}' is not this server's (http://{request.Host.Value}): a page of another origin may not drive the emulator";
        string site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site is "cross-site" or "same-site")
            return $"Sec-Fetch-Site is '{site}': a page of another origin may not drive the emulator";
        return null;
    }

    /// <summary>Whether a browser sent the request (browsers add these headers; SDKs and curl do not).</summary>
    public static bool IsFromBrowser(HttpRequest request) =>
        request.Headers.Origin.Count > 0 || request.Headers.ContainsKey("Sec-Fetch-Site");

    /// <summary>Whether the request carries this run's token, in its header (or in the query, when <paramref name="queryAllowed"/>).</summary>
    public bool HasToken(HttpRequest request, bool queryAllowed = false)
    {
        string given = request.Headers[TokenHeader].ToString();
        if (given.Length == 0 && queryAllowed)
            given = request.Query[TokenQuery].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given), _token);
    }
}
