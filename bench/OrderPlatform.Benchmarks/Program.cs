using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// No job is fixed in code: BenchmarkDotNet's default job measures, and `--job short` (or `--job dry`) on the command line replaces it for a quick check.
BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly())
    .Run(args, DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary).HideColumns(Column.Namespace));
