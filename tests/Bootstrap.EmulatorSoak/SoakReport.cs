using System.Globalization;

namespace Bootstrap.EmulatorSoak;

/// <summary>The figures of one run and the bars they are held to; <see cref="Failures"/> names each bar missed.</summary>
public sealed record SoakReport(string Name, AnswerBook Book, int ReportLines, int DuplicateReports,
    IReadOnlyList<(TimeSpan At, long Kb)> Rss, SoakOptions Options)
{
    // RSS follows the garbage collector up and down by a tenth or more within seconds: each figure is the highest
    // sample of a 10 s window, the first after the warm-up and the last of the run.
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    /// <summary>Peak RSS in the window after the warm-up (or in the run's last window, for a run shorter than that).</summary>
    public long RssWarmKb => PeakIn(Rss.Any(s => s.At >= Options.WarmUp) ? Options.WarmUp : End - Window, Options.WarmUp + Window);
    /// <summary>Peak RSS in the run's last window.</summary>
    public long RssEndKb => PeakIn(End - Window, End + Window);
    public long RssPeakKb => Rss.Count > 0 ? Rss.Max(s => s.Kb) : 0;

    private TimeSpan End => Rss.Count > 0 ? Rss[^1].At : TimeSpan.Zero;

    private long PeakIn(TimeSpan from, TimeSpan to) => Rss.Where(s => s.At >= from && s.At <= to).Select(s => s.Kb).DefaultIfEmpty(0).Max();

    public double RssGrowth => RssWarmKb > 0 ? (double)(RssEndKb - RssWarmKb) / RssWarmKb : 0;

    /// <summary>The bars: answered once, no 5xx, REPORT lines equal to invocations, every answer the right one, RSS flat.</summary>
    public IReadOnlyList<string> Failures(bool checkRss)
    {
        var failures = new List<string>();
        if (Book.AnsweredOnce != Book.Sent)
            failures.Add($"{Book.Sent - Book.AnsweredOnce} of {Book.Sent} requests not answered exactly once ({Book.AnsweredTwice} twice, {Book.Count(Answer.Unanswered)} unanswered)");
        if (Book.Count(Answer.ServerError) > 0)
            failures.Add($"{Book.Count(Answer.ServerError)} answers were 5xx");
        if (Book.Count(Answer.Wrong) > 0)
            failures.Add($"{Book.Count(Answer.Wrong)} answers were wrong");
        if (ReportLines != Book.Invocations || DuplicateReports > 0)
            failures.Add($"{ReportLines} REPORT lines ({DuplicateReports} repeated) for {Book.Invocations} invocations");
        if (checkRss && RssGrowth > Options.MaxRssGrowth)
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"RSS grew {RssGrowth:P1} after warm-up (bar {Options.MaxRssGrowth:P0})"));
        return failures.Concat(Book.Examples.Select(e => $"  e.g. {e}")).ToList();
    }

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"""
        {Name}: {Options.Duration.TotalSeconds:0} s, {Options.Clients} clients, --max-concurrency {Options.MaxConcurrency}, --max-queued {Options.MaxQueued}{(Options.Faults.IsEmpty ? "" : $", faults: {Options.Faults.CrashRate:P0} crash, {Options.Faults.HangRate:P0} hang past --timeout {Options.TimeoutSeconds}")}
          requests       {Book.Sent}
          answered once  {Book.AnsweredOnce}
          echoed         {Book.Count(Answer.Echoed)}
          ExitError      {Book.Count(Answer.ExitError)}
          Timedout       {Book.Count(Answer.TimedOut)}
          429            {Book.Count(Answer.Throttled)}
          5xx            {Book.Count(Answer.ServerError)}
          wrong          {Book.Count(Answer.Wrong)}
          unanswered     {Book.Count(Answer.Unanswered)}
          REPORT lines   {ReportLines} (invocations answered: {Book.Invocations})
          RSS            {RssWarmKb / 1024.0:0.0} MB after the {Options.WarmUp.TotalSeconds:0} s warm-up, {RssEndKb / 1024.0:0.0} MB at the end ({RssGrowth:+0.0%;-0.0%}; peaks of 10 s windows), run peak {RssPeakKb / 1024.0:0.0} MB
          RSS every 10 s {Trail()}
        """);

    /// <summary>The RSS samples at every tenth second, in MB.</summary>
    private string Trail() => string.Join(" ", Rss.Where((_, i) => i % 10 == 0).Select(s => (s.Kb / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)));
}
