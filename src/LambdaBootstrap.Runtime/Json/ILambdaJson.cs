using System.Text.Json;

namespace LambdaBootstrap.Runtime.Json;

/// <summary>
/// A type that reads and writes itself as JSON, implemented by the source generator for every <c>[LambdaJson]</c> type.
/// Use it through <see cref="LambdaJsonSerializer"/> or <c>LambdaHandler.Json</c>.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface ILambdaJson<TSelf> where TSelf : ILambdaJson<TSelf>
{
    /// <summary>Reads a value whose first token (a <c>{</c>) is the reader's current one; leaves the reader on its last.</summary>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <returns>The value read.</returns>
    /// <exception cref="JsonException">The JSON does not fit <typeparamref name="TSelf"/>.</exception>
    static abstract TSelf Read(ref LambdaJsonReader reader);

    /// <summary>Writes <paramref name="value"/> as a JSON object.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="value">The value, not null.</param>
    static abstract void Write(LambdaJsonWriter writer, TSelf value);
}
