using System.Text;
using System.Text.Json;
using CsCheck;
using LambdaBootstrap.Runtime.Json;
using static RuntimeTests.Json.JsonComparison;

namespace RuntimeTests.Json;

/// <summary>
/// The generated readers and writers against System.Text.Json on random values: what one writes the other reads back
/// to an equal value, both ways; and on random mutations of valid JSON the generated reader gives System.Text.Json's
/// result or a <see cref="JsonException"/>, nothing else. Case counts are bounded for the unit tier.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public class GeneratedJsonPropertyTests
{
    private const int RoundTrips = 150;
    private const int Mutations = 500;

    [Fact] public void Scalars_RoundTrip() => RoundTrip(JsonGenerators.Scalars);
    [Fact] public void Times_RoundTrip() => RoundTrip(JsonGenerators.Times);
    [Fact] public void Collections_RoundTrip() => RoundTrip(JsonGenerators.Collections);
    [Fact] public void Everything_RoundTrip() => RoundTrip(JsonGenerators.Everything);
    [Fact] public void Link_RoundTrip() => RoundTrip(JsonGenerators.Link);
    [Fact] public void Lenient_RoundTrip() => RoundTrip(JsonGenerators.Lenient);
    [Fact] public void Shouting_RoundTrip() => RoundTrip(JsonGenerators.Shouting);
    [Fact] public void Quiet_RoundTrip() => RoundTrip(JsonGenerators.Quiet);

    [Fact] public void Scalars_Mutated_ReadAsSystemTextJsonDoes() => Mutate(JsonGenerators.Scalars);
    [Fact] public void Times_Mutated_ReadAsSystemTextJsonDoes() => Mutate(JsonGenerators.Times);
    [Fact] public void Collections_Mutated_ReadAsSystemTextJsonDoes() => Mutate(JsonGenerators.Collections);
    [Fact] public void Everything_Mutated_ReadAsSystemTextJsonDoes() => Mutate(JsonGenerators.Everything);
    [Fact] public void Link_Mutated_ReadAsSystemTextJsonDoes() => Mutate(JsonGenerators.Link);
    [Fact] public void Lenient_Mutated_ReadAsSystemTextJsonDoes() => Mutate(JsonGenerators.Lenient);

    private static void RoundTrip<T>(Gen<T> gen) where T : ILambdaJson<T> =>
        gen.Sample(value =>
        {
            string expected = Canonical(value);

            // Generated writer → System.Text.Json reader.
            byte[] written = WriteGenerated(value);
            Assert.Equal(expected, Canonical(JsonSerializer.Deserialize<T>(written, OptionsFor<T>())));

            // System.Text.Json writer → generated reader.
            byte[] stj = JsonSerializer.SerializeToUtf8Bytes(value, OptionsFor<T>());
            Assert.Equal(expected, Canonical(LambdaJsonSerializer.Deserialize<T>(stj)));

            // And the text itself is System.Text.Json's, member for member.
            Assert.Equal(expected, Encoding.UTF8.GetString(written));
        }, iter: RoundTrips, threads: 1, print: v => Canonical(v));

    private static readonly byte[] s_interesting = "{}[]\",:0123456789-+.eE/*\\ntfu \tx\u0001"u8.ToArray();

    private static readonly Gen<Func<byte[], byte[]>> s_mutation = Gen.OneOf(
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, s_interesting.Length - 1], (at, b) => (Func<byte[], byte[]>)(json =>
        {
            var copy = json.ToArray();
            copy[at % copy.Length] = s_interesting[b];
            return copy;
        })),
        Gen.Int[0, int.MaxValue].Select(at => (Func<byte[], byte[]>)(json => json.Length < 2 ? json : [.. json.AsSpan(0, at % json.Length), .. json.AsSpan(at % json.Length + 1)])),
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, s_interesting.Length - 1], (at, b) => (Func<byte[], byte[]>)(json =>
            [.. json.AsSpan(0, at % (json.Length + 1)), s_interesting[b], .. json.AsSpan(at % (json.Length + 1))])),
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[1, 12], (from, to, length) => (Func<byte[], byte[]>)(json =>
        {
            int start = from % json.Length, count = Math.Min(length, json.Length - start), at = to % (json.Length + 1);
            return [.. json.AsSpan(0, at), .. json.AsSpan(start, count), .. json.AsSpan(at)];
        })),
        Gen.Int[0, int.MaxValue].Select(at => (Func<byte[], byte[]>)(json => json[..(at % json.Length)])));

    private static void Mutate<T>(Gen<T> gen) where T : ILambdaJson<T> =>
        Gen.Select(gen, s_mutation.Array[1, 3]).Sample((value, mutations) =>
        {
            byte[] json = JsonSerializer.SerializeToUtf8Bytes(value, OptionsFor<T>());
            foreach (var mutate in mutations)
                json = json.Length == 0 ? json : mutate(json);
            string stj = ReadStj<T>(json), generated = ReadGenerated<T>(json);
            Assert.True(stj == generated, $"{Encoding.UTF8.GetString(json)}\nSystem.Text.Json: {stj}\ngenerated: {generated}");
        }, iter: Mutations, threads: 1);
}
