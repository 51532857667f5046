namespace LambdaBootstrap.Emulator.Parameters;

/// <summary>A Parameter Store parameter of the <c>--parameters</c> file: <c>String</c>, <c>StringList</c> or <c>SecureString</c>.</summary>
internal sealed record LocalParameter(string Name, string Type, string Value, long Version, IReadOnlyList<string> Labels);

/// <summary>A Secrets Manager secret of the <c>--parameters</c> file: its string (JSON when it was written as YAML or JSON).</summary>
internal sealed record LocalSecret(string Name, string Value);
