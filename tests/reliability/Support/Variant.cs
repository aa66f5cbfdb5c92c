using Xunit.Abstractions;

namespace PreferenceUiKit.Reliability.Tests.Support;

/// <summary>
/// Short variants by default; PREFERENCEUIKIT_RELIABILITY_LONG=1 selects the long ones. Figures go to the test
/// output and to a report file (PREFERENCEUIKIT_RELIABILITY_REPORT, default reliability-report.txt in the temp folder).
/// </summary>
public static class Variant
{
    /// <summary>Whether the long variants run.</summary>
    public static bool Long => Environment.GetEnvironmentVariable("PREFERENCEUIKIT_RELIABILITY_LONG") == "1";

    /// <summary><paramref name="shortValue"/>, or <paramref name="longValue"/> in the long variant.</summary>
    public static int Pick(int shortValue, int longValue) => Long ? longValue : shortValue;

    private static readonly Lock Gate = new();

    /// <summary>Writes one line of figures to the output and to the report file.</summary>
    public static void Report(ITestOutputHelper output, string line)
    {
        var text = $"{DateTime.UtcNow:u} [{(Long ? "long" : "short")}] {line}";
        output.WriteLine(text);
        var path = Environment.GetEnvironmentVariable("PREFERENCEUIKIT_RELIABILITY_REPORT")
                   ?? Path.Combine(Path.GetTempPath(), "reliability-report.txt");
        lock (Gate) File.AppendAllText(path, text + Environment.NewLine);
    }

    /// <summary>The p-th percentile (0..100) of <paramref name="values"/>.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var index = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}
