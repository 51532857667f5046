using System.Text;
using LambdaBootstrap.Emulator.Hosting;

namespace LambdaBootstrap.Emulator;

/// <summary>
/// A dotenv file (<c>--env-file</c>): <c>NAME=value</c> lines, an optional <c>export </c> before the name, blank lines
/// and <c># comments</c>. A value may be in double quotes (with <c>\n</c>, <c>\t</c>, <c>\"</c> and <c>\\</c>
/// escapes), in single quotes (taken as written), or bare (trimmed, and cut at <c> #</c>). A line it cannot read is a
/// one-line error naming the file and line.
/// </summary>
internal static class DotEnvFile
{
    public static IReadOnlyList<KeyValuePair<string, string>> Read(string path)
    {
        if (!File.Exists(path))
            throw new EmulatorException($"env file not found: {path}");
        return Parse(File.ReadAllText(path), path);
    }

    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text, string source)
    {
        var variables = new List<KeyValuePair<string, string>>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            if (line.StartsWith("export ", StringComparison.Ordinal))
                line = line["export ".Length..].TrimStart();
            string Fail(string why) => throw new EmulatorException($"{source}:{i + 1}: {why}");
            int equals = line.IndexOf('=');
            if (equals <= 0)
                Fail($"expected NAME=value, got '{line}'");
            string name = line[..equals].TrimEnd();
            if (!IsName(name))
                Fail($"'{name}' is not a variable name (letters, digits and _, not starting with a digit)");
            variables.Add(new(name, Value(line[(equals + 1)..].TrimStart(), Fail)));
        }
        return variables;
    }

    private static string Value(string raw, Func<string, string> fail)
    {
        if (raw.Length == 0)
            return "";
        char quote = raw[0];
        if (quote is not ('"' or '\''))
        {
            int comment = raw.IndexOf(" #", StringComparison.Ordinal);
            return (comment >= 0 ? raw[..comment] : raw).TrimEnd();
        }
        int close = raw.IndexOf(quote, 1);
        if (quote == '"')
        {
            // Find the closing quote that no backslash escapes.
            close = 1;
            while (close < raw.Length && raw[close] != '"')
                close += raw[close] == '\\' ? 2 : 1;
        }
        if (close >= raw.Length || close < 0)
            return fail($"the value's closing {quote} is missing (a value is one line)");
        string rest = raw[(close + 1)..].Trim();
        if (rest.Length > 0 && rest[0] != '#')
            return fail($"unexpected text after the quoted value: '{rest}'");
        string inner = raw[1..close];
        return quote == '\'' ? inner : Unescape(inner);
    }

    private static string Unescape(string value)
    {
        var result = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 == value.Length)
            {
                result.Append(value[i]);
                continue;
            }
            char next = value[++i];
            result.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => next });
        }
        return result.ToString();
    }

    private static bool IsName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
