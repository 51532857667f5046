using System.Globalization;
using System.Text;

namespace Bootstrap.TestFunction;

/// <summary>
/// Math and MathF functions .NET implements with libm, each result as its exact bits, one line each. The test
/// function's "math" handler computes them in the bootstrap (whose libm is loaded on first use) and the tests compute
/// them in their own process, with the same libm: the two must agree bit for bit.
/// </summary>
public static class MathResults
{
    public static string For(double x)
    {
        float f = (float)x;
        var lines = new StringBuilder();
        // A NaN's sign bit is not specified (libm's log(-1) has it set; the JIT's own paths may not): NaN is "nan".
        void Add(string name, double value) =>
            lines.Append(name).Append(' ').Append(double.IsNaN(value) ? "nan" : BitConverter.DoubleToInt64Bits(value).ToString("x16", CultureInfo.InvariantCulture)).Append('\n');
        void AddF(string name, float value) =>
            lines.Append(name).Append(' ').Append(float.IsNaN(value) ? "nan" : BitConverter.SingleToInt32Bits(value).ToString("x8", CultureInfo.InvariantCulture)).Append('\n');

        Add("pow", Math.Pow(x, 2.5));
        Add("log", Math.Log(x));
        Add("log2", Math.Log2(x));
        Add("log10", Math.Log10(x));
        Add("exp", Math.Exp(x));
        Add("sin", Math.Sin(x));
        Add("cos", Math.Cos(x));
        Add("tan", Math.Tan(x));
        Add("atan2", Math.Atan2(x, 3.0));
        Add("asinh", Math.Asinh(x));
        Add("cosh", Math.Cosh(x));
        Add("tanh", Math.Tanh(x));
        Add("cbrt", Math.Cbrt(x));
        Add("fmod", x % 0.3);
        AddF("powf", MathF.Pow(f, 2.5f));
        AddF("logf", MathF.Log(f));
        AddF("expf", MathF.Exp(f));
        AddF("sinf", MathF.Sin(f));
        AddF("cosf", MathF.Cos(f));
        AddF("atan2f", MathF.Atan2(f, 3f));
        return lines.ToString();
    }
}
