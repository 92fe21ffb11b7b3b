using OrderPlatform.Bench;
using OrderPlatform.Bench.Floor;
using OrderPlatform.Bench.Populate;
using OrderPlatform.Bench.Prepare;
using OrderPlatform.Bench.Report;
using OrderPlatform.Bench.Verify;

const string Usage = """
    usage: OrderPlatform.Bench <command> [--option value ...]
      prepare --database FILE --users N --codes N --tokens FILE   (token secret in BENCH_TOKEN_SECRET)
      floor   --database FILE --scenario single|second --seconds S --warmup-seconds S
              --code-start N --code-count N --round N --results FILE
      verify  --database FILE --answers FOLDER
      populate --database FILE --orders N --targets FILE   (copies the bench buyers' orders up to N, for the read scenarios)
      verify-reads --answers FOLDER
      report  --results FILE
    """;

if (args.Length == 0)
{
    await Console.Error.WriteLineAsync(Usage);
    return 2;
}

try
{
    var options = CommandOptions.Parse(args[1..]);
    return args[0] switch
    {
        "prepare" => PrepareCommand.Run(options),
        "floor" => FloorCommand.Run(options),
        "verify" => VerifyCommand.Run(options),
        "populate" => PopulateCommand.Run(options),
        "verify-reads" => VerifyReadsCommand.Run(options),
        "report" => ReportCommand.Run(options),
        _ => throw new ArgumentException($"Unknown command '{args[0]}'."),
    };
}
catch (ArgumentException usageError)
{
    await Console.Error.WriteLineAsync(usageError.Message);
    await Console.Error.WriteLineAsync(Usage);
    return 2;
}
catch (InvalidOperationException failure)
{
    // The tool's own findings (a floor that drifted from the service, data that is missing): the message says what to do.
    await Console.Error.WriteLineAsync(failure.Message);
    return 1;
}
