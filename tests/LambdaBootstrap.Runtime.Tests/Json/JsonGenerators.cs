using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace RuntimeTests.Json;

/// <summary>Random instances of the test types: every value System.Text.Json can write (finite numbers, valid UTF-16).</summary>
internal static class JsonGenerators
{
    private static readonly Gen<char> s_char = Gen.OneOf(Gen.Char[' ', '~'], Gen.Char['\u00a0', '\u07ff'], Gen.Char['\u0000', '\u001f'], Gen.OneOf('"', '\\', '<', '€', '\u2028'));

    public static readonly Gen<string> Text = Gen.OneOf(Gen.String[s_char, 0, 12], Gen.OneOf("", "😀 emoji", "name"));

    private static readonly Gen<string?> s_maybeText = Gen.Frequency((1, Gen.Const((string?)null)), (5, Text.Select(t => (string?)t)));

    private static readonly Gen<float> s_float = Gen.Float.Where(float.IsFinite);

    private static readonly Gen<double> s_double = Gen.Double.Where(double.IsFinite);

    private static readonly Gen<char> s_letter = s_char;

    public static readonly Gen<Scalars> Scalars =
        Gen.Select(s_maybeText, Gen.Bool, s_letter, Gen.Byte, Gen.SByte, Gen.Short, Gen.UShort, Gen.Int, Gen.UInt, Gen.Long, Gen.ULong, s_float, s_double, Gen.Decimal,
            (text, flag, letter, u8, i8, i16, u16, i32, u32, i64, u64, f32, f64, money) => new Scalars(text, flag, letter, u8, i8, i16, u16, i32, u32, i64, u64, f32, f64, money));

    private static readonly Gen<Uri?> s_uri = Gen.OneOf<Uri?>(null, new Uri("https://example.com/a?b=c#d"), new Uri("relative/path", UriKind.Relative), new Uri("urn:isbn:0451450523"));

    public static readonly Gen<Times> Times =
        Gen.Select(Gen.DateTime, Gen.DateTimeOffset, Gen.DateOnly, Gen.TimeOnly, Gen.TimeSpan, Gen.Guid, s_uri,
            (at, atOffset, day, clock, span, id, link) => new Times { At = at, AtOffset = atOffset, Day = day, Clock = clock, Span = span, Id = id, Link = link });

    public static readonly Gen<Point> Point = Gen.Select(Gen.Int, Gen.Int, (x, y) => new Point(x, y));

    private static readonly Gen<Shade> s_shade = Gen.OneOf(Shade.Light, Shade.Dark, Shade.PitchBlack, (Shade)9);

    public static readonly Gen<Collections> Collections =
        Gen.Select(
            Gen.Int.Array[0, 5].OrNull(),
            s_maybeText.List[0, 4].OrNull(),
            Point.List[0, 3].Select(l => (IReadOnlyList<Point>)l).OrNull(),
            Gen.Int.Select(i => i % 3 == 0 ? (int?)null : i).Array[0, 4].Select(a => (IEnumerable<int?>)a.ToList()).OrNull(),
            Text.Dictionary(Gen.Long)[0, 3].OrNull(),
            Text.Dictionary(s_shade)[0, 3].Select(d => (IReadOnlyDictionary<string, Shade>)d).OrNull(),
            Gen.Byte.Array[0, 9].OrNull(),
            (numbers, names, points, maybe, counts, shades, blob) => new Collections { Numbers = numbers, Names = names, Points = points, Maybe = maybe, Counts = counts, Shades = shades, Blob = blob });

    private static readonly string[] s_json = ["null", "true", "1.5e3", "\"text\"", "[1,[2,{}],\"x\"]", "{\"a\":{\"b\":[null,false]},\"c\":\"\\u00e9\"}"];

    private static readonly Gen<JsonElement> s_element = Gen.OneOf(s_json).Select(j => JsonDocument.Parse(j).RootElement.Clone());

    private static readonly Gen<JsonNode?> s_node = Gen.OneOf(s_json).Select(j => JsonNode.Parse(j));

    private static Gen<Everything> EverythingOf(Gen<List<Everything>?> children) =>
        Gen.Select(Text, Gen.Int.OrNull(), s_maybeText, Gen.OneOf(Color.Red, Color.Green, Color.Blue, (Color)3), s_shade, s_shade.OrNull(), Scalars.OrNull(), Point,
            Point.OrNull(), s_element, s_node, children, (name, number, optional, color, shade, maybeShade, scalars, position, maybePosition, extra, node, kids) => new Everything
            {
                Name = name,
                Number = number,
                Optional = optional,
                Color = color,
                Shade = shade,
                MaybeShade = maybeShade,
                Scalars = scalars,
                Position = position,
                MaybePosition = maybePosition,
                Extra = extra,
                Node = node,
                Children = kids,
            });

    public static readonly Gen<Everything> Everything = EverythingOf(EverythingOf(Gen.Const((List<Everything>?)null)).List[0, 2].OrNull());

    public static readonly Gen<Link> Link = Gen.Int[0, 5].SelectMany(depth => s_maybeText.Array[depth + 1].Select(labels =>
    {
        Link? next = null;
        foreach (var label in labels)
            next = new Link { Label = label, Next = next };
        return next!;
    }));

    public static readonly Gen<Lenient> Lenient = Gen.Select(s_maybeText, Gen.Int, (n, c) => new Lenient(n, c));

    public static readonly Gen<Shouting> Shouting = Gen.Select(s_maybeText, Gen.Int, s_maybeText, Gen.Bool, (a, b, c, d) => new Shouting(a, b, c, d));

    public static readonly Gen<Quiet> Quiet = Gen.Select(s_maybeText, Gen.Long, Text.List[0, 3].OrNull(), (a, b, c) => new Quiet(a, b, c));

    private static Gen<T?> OrNull<T>(this Gen<T> gen) where T : class =>
        Gen.Frequency((1, Gen.Const((T?)null)), (4, gen.Select(v => (T?)v)));

    private static Gen<T?> OrNull<T>(this Gen<T> gen, bool _ = false) where T : struct =>
        Gen.Frequency((1, Gen.Const((T?)null)), (4, gen.Select(v => (T?)v)));
}
