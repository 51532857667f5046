using System.Buffers;
using System.Text.Json;

namespace LambdaBootstrap.Runtime.Json;

/// <summary>
/// Reads and writes <c>[LambdaJson]</c> types with System.Text.Json's default rules: no comments, no trailing commas,
/// depth at most 64, unknown members skipped, the last of duplicate members wins.
/// </summary>
public static class LambdaJsonSerializer
{
    /// <summary>The nesting System.Text.Json allows by default, reading and writing.</summary>
    internal const int MaxDepth = 64;

    /// <summary>Reads one JSON value as <typeparamref name="T"/>; <c>null</c> reads as null for a reference type.</summary>
    /// <typeparam name="T">A <c>[LambdaJson]</c> type.</typeparam>
    /// <param name="json">The whole JSON text, UTF-8.</param>
    /// <returns>The value read.</returns>
    /// <exception cref="JsonException">The text is not JSON, holds more than one value, or does not fit <typeparamref name="T"/>.</exception>
    public static T? Deserialize<T>(ReadOnlySpan<byte> json) where T : ILambdaJson<T>
    {
        var reader = new LambdaJsonReader(json);
        reader.Read();
        T? value = reader.TokenType == JsonTokenType.Null && default(T) is null ? default : T.Read(ref reader);
        // The reader itself rejects anything but white space after the value.
        reader.Read();
        return value;
    }

    /// <summary>Writes <paramref name="value"/> as JSON, <c>null</c> for null.</summary>
    /// <typeparam name="T">A <c>[LambdaJson]</c> type.</typeparam>
    /// <param name="writer">Where to write.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidOperationException">The value nests deeper than 64.</exception>
    public static void Serialize<T>(LambdaJsonWriter writer, T? value) where T : ILambdaJson<T>
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
            writer.WriteNullValue();
        else
            T.Write(writer, value);
    }

    /// <summary>Writes <paramref name="value"/> as UTF-8 JSON into <paramref name="output"/>.</summary>
    /// <typeparam name="T">A <c>[LambdaJson]</c> type.</typeparam>
    /// <param name="output">Where the bytes go.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidOperationException">The value nests deeper than 64.</exception>
    public static void Serialize<T>(IBufferWriter<byte> output, T? value) where T : ILambdaJson<T> =>
        Serialize(new LambdaJsonWriter(output), value);

    /// <summary>Writes <paramref name="value"/> as one JSON value of a System.Text.Json writer's document.</summary>
    /// <typeparam name="T">A <c>[LambdaJson]</c> type.</typeparam>
    /// <param name="writer">Where to write.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidOperationException">The value nests deeper than 64.</exception>
    public static void Serialize<T>(Utf8JsonWriter writer, T? value) where T : ILambdaJson<T>
    {
        ArgumentNullException.ThrowIfNull(writer);
        var json = new ArrayBufferWriter<byte>();
        Serialize(json, value);
        writer.WriteRawValue(json.WrittenSpan, skipInputValidation: true);
    }
}
