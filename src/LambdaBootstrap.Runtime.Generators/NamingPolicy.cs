using System.Text;

namespace LambdaBootstrap.Runtime.Generators;

/// <summary>
/// System.Text.Json's known naming policies, applied at compile time. The numbers are those of its
/// <c>JsonKnownNamingPolicy</c>, as the attribute carries them.
/// </summary>
internal static class NamingPolicy
{
    public const int AsDeclared = 0;
    public const int CamelCase = 1;
    public const int SnakeCaseLower = 2;
    public const int SnakeCaseUpper = 3;
    public const int KebabCaseLower = 4;
    public const int KebabCaseUpper = 5;

    public static string Apply(int policy, string name) => policy switch
    {
        CamelCase => ToCamelCase(name),
        SnakeCaseLower => Separate(name, '_', upper: false),
        SnakeCaseUpper => Separate(name, '_', upper: true),
        KebabCaseLower => Separate(name, '-', upper: false),
        KebabCaseUpper => Separate(name, '-', upper: true),
        _ => name,
    };

    // The leading run of capitals is lowered, except the last one of a run that a lower-case letter follows: URLValue → urlValue.
    private static string ToCamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
            return name;
        var chars = name.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
                break;
            bool hasNext = i + 1 < chars.Length;
            if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
            {
                if (chars[i + 1] == ' ')
                    chars[i] = char.ToLowerInvariant(chars[i]);
                break;
            }
            chars[i] = char.ToLowerInvariant(chars[i]);
        }
        return new string(chars);
    }

    // Words begin at a capital after a lower-case letter or digit, or at the last capital of a run a lower-case letter
    // follows (XMLHttp → xml_http); white space separates words and is dropped, other characters are kept.
    private static string Separate(string name, char separator, bool upper)
    {
        var result = new StringBuilder(name.Length + 8);
        char previous = '\0';
        bool pendingSeparator = false;
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSeparator = result.Length > 0;
                previous = '\0';
                continue;
            }
            if (char.IsUpper(c) && result.Length > 0)
            {
                bool afterLowerOrDigit = char.IsLower(previous) || char.IsDigit(previous);
                bool endsCapitalRun = char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (afterLowerOrDigit || endsCapitalRun)
                    pendingSeparator = true;
            }
            if (pendingSeparator)
            {
                result.Append(separator);
                pendingSeparator = false;
            }
            result.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            previous = c;
        }
        return result.ToString();
    }
}
