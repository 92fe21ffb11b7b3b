using System.Globalization;

namespace OrderPlatform.Bench.Verify;

/// <summary>
/// After a read scenario: every answer was code 0 and passed its check in bench/wrk/read-orders.lua
/// (the buyer's own order, or a full page of the buyer's orders with the right total). Any refusal,
/// failure or socket error fails the run, and so does a run in which nothing was checked.
/// </summary>
internal static class VerifyReadsCommand
{
    public static int Run(CommandOptions options)
    {
        var answers = Answers.ReadFolder(options.Text("answers"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"verify: {answers.Checked} code-0 answers, each the buyer's own order or page as populated; refused {VerifyCommand.Describe(answers.Refusals)}; failed {VerifyCommand.Describe(answers.Failures)}; socket errors {answers.SocketErrors}"));
        return answers.Checked > 0 && answers.Refusals.Count == 0 && answers.Failures.Count == 0 && answers.SocketErrors == 0 ? 0 : 1;
    }
}
