using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PreferenceUiKit.Benchmarks;

// dotnet run -c Release --project bench/PreferenceUiKit.Benchmarks -- [--quick] [BenchmarkDotNet arguments]
// --quick: 1 launch, 3 warm-up and 5 measured iterations per case (the full run uses BenchmarkDotNet's defaults).
var quick = args.Contains("--quick");
args = args.Where(a => a != "--quick").ToArray();
if (!args.Any(a => a.StartsWith("--filter", StringComparison.Ordinal) || a == "-f")) args = [.. args, "--filter", "*"];

var job = quick
    ? Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5).WithId("quick")
    : Job.Default.WithId("full");
var config = DefaultConfig.Instance
    .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
    .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend))
    .AddColumn(StatisticColumn.Median)
    .WithOptions(ConfigOptions.DisableLogFile);

BenchmarkSwitcher.FromTypes([typeof(MergeBenchmarks), typeof(SendPathBenchmarks), typeof(LinkBenchmarks)]).Run(args, config);
