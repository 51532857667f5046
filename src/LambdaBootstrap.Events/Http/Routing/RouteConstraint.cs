using System.Globalization;

namespace LambdaBootstrap.Events.Http;

/// <summary>A route parameter's type, as in <c>{id:int}</c>: a value that does not fit does not match the route.</summary>
internal static class RouteConstraint
{
    private static readonly System.Buffers.SearchValues<char> AsciiLetters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    public static readonly string[] Names = ["int", "long", "guid", "bool", "alpha"];

    public static bool IsKnown(string name) => Array.IndexOf(Names, name) >= 0;

    public static bool Accepts(string name, string value) => name switch
    {
        "int" => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "long" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "guid" => Guid.TryParse(value, out _),
        "bool" => bool.TryParse(value, out _),
        "alpha" => value.Length > 0 && !value.AsSpan().ContainsAnyExcept(AsciiLetters),
        _ => false,
    };
}
