using System.Globalization;
using System.Security;
using System.Text;

namespace Bootstrap.Bench.Reports;

/// <summary>A few SVG shapes written by hand: no plotting package, a file any browser shows.</summary>
public sealed class SvgCanvas(int width, int height)
{
    private readonly StringBuilder _body = new();

    public int Width => width;
    public int Height => height;

    public void Rect(double x, double y, double w, double h, string fill, string? title = null, double opacity = 1)
    {
        _body.Append($"""<rect x="{N(x)}" y="{N(y)}" width="{N(Math.Max(w, 0))}" height="{N(h)}" fill="{fill}" fill-opacity="{N(opacity)}">""");
        if (title is not null)
            _body.Append($"<title>{Escape(title)}</title>");
        _body.AppendLine("</rect>");
    }

    public void Circle(double cx, double cy, double r, string fill, double opacity, string? title = null)
    {
        _body.Append($"""<circle cx="{N(cx)}" cy="{N(cy)}" r="{N(r)}" fill="{fill}" fill-opacity="{N(opacity)}">""");
        if (title is not null)
            _body.Append($"<title>{Escape(title)}</title>");
        _body.AppendLine("</circle>");
    }

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null) =>
        _body.AppendLine($"""<line x1="{N(x1)}" y1="{N(y1)}" x2="{N(x2)}" y2="{N(y2)}" stroke="{stroke}" stroke-width="{N(width)}"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")} />""");

    public void Text(double x, double y, string text, int size = 12, string anchor = "start", string fill = "#222", string weight = "normal") =>
        _body.AppendLine($"""<text x="{N(x)}" y="{N(y)}" font-size="{size}" text-anchor="{anchor}" fill="{fill}" font-weight="{weight}">{Escape(text)}</text>""");

    public override string ToString() =>
        $"""
        <svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif">
        <rect width="100%" height="100%" fill="white" />
        {_body}</svg>

        """;

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Escape(string text) => SecurityElement.Escape(text);
}
