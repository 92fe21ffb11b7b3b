using System.Globalization;
using OrderPlatform.Api.Envelope;
using OrderPlatform.Application.Common.Errors;

namespace OrderPlatform.Api.FunctionalTests;

/// <summary>
/// docs/errors.md is the client developer's table of every data.error. It is written by hand for
/// its prose, and checked here against the code so that it cannot drift: one row per ErrorCode, in
/// order, each with the envelope code, HTTP status and the English and Chinese messages the service sends.
/// </summary>
public sealed class ErrorTableTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    [Fact]
    public void Every_error_code_has_one_row_in_the_order_of_the_code()
    {
        Assert.Equal(Enum.GetValues<ErrorCode>().Select(ErrorCodeNames.NameOf), ErrorRows().Select(row => row.Error));
    }

    [Fact]
    public void Each_row_gives_the_envelope_code_HTTP_status_and_messages_the_service_sends()
    {
        foreach (var row in ErrorRows())
        {
            Assert.True(ErrorCodeNames.TryParse(row.Error, out var code), $"{row.Error} is not an error code.");
            var error = Error.Of(code);
            Assert.Equal((row.Error, EnvelopeResults.EnvelopeCode(code)), (row.Error, row.Code));
            Assert.Equal((row.Error, EnvelopeResults.HttpStatus(error)), (row.Error, row.HttpStatus));
            Assert.Equal((row.Error, ErrorMessages.For(code, CultureInfo.InvariantCulture)), (row.Error, row.English));
            Assert.Equal((row.Error, ErrorMessages.For(code, Chinese)), (row.Error, row.Chinese));
        }
    }

    private static IEnumerable<ErrorRow> ErrorRows() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "docs", "errors.md"))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal) && line.Count(c => c == '|') == 9 && !line.StartsWith("| `data.error`", StringComparison.Ordinal))
            .Select(ErrorRow.Parse);

    private sealed record ErrorRow(string Error, int Code, int HttpStatus, string English, string Chinese)
    {
        public static ErrorRow Parse(string line)
        {
            var cells = line.Split('|').Select(cell => cell.Trim()).ToArray();
            return new ErrorRow(
                cells[1].Trim('`'),
                int.Parse(cells[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                int.Parse(cells[3], NumberStyles.None, CultureInfo.InvariantCulture),
                cells[7],
                cells[8]);
        }
    }
}
