namespace Bootstrap.Bench;

/// <summary>Progress on stderr: one line per phase, redrawn in place on a terminal, in quarter steps otherwise.</summary>
public sealed class Progress(TextWriter output)
{
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private string _phase = "";
    private int _total, _done, _lastQuarter;

    public void Start(string phase, int total)
    {
        _phase = phase;
        _total = Math.Max(total, 1);
        _done = 0;
        _lastQuarter = 0;
        if (_interactive)
            output.Write($"\r  {_phase} 0/{_total}");
        else
            output.WriteLine($"  {_phase}: {_total} runs");
    }

    public void Advance(string? detail = null)
    {
        _done++;
        if (_interactive)
        {
            output.Write($"\r  {_phase} {_done}/{_total} {detail}".PadRight(78));
            return;
        }
        int quarter = _done * 4 / _total;
        if (quarter > _lastQuarter && _done < _total)
        {
            _lastQuarter = quarter;
            output.WriteLine($"  {_phase}: {_done}/{_total}");
        }
    }

    public void Done(string summary)
    {
        if (_interactive)
            output.Write("\r" + new string(' ', 80) + "\r");
        output.WriteLine($"  {_phase}: done. {summary}");
    }

    public void Say(string line)
    {
        if (_interactive)
            output.Write("\r" + new string(' ', 80) + "\r");
        output.WriteLine(line);
    }
}
