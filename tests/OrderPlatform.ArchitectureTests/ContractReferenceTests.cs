using System.Text.RegularExpressions;

namespace OrderPlatform.ArchitectureTests;

/// <summary>
/// The contract lives in the repository (docs/contract.md), so anyone who clones the project can
/// look up every rule that code, tests, documents and messages cite, and every link in the
/// documents leads to a file that is there.
/// </summary>
public sealed partial class ContractReferenceTests
{
    private static readonly string Contract = Path.Combine("docs", "contract.md");

    [Fact]
    public void Every_rule_number_cited_in_the_repository_is_defined_in_docs_contract()
    {
        var defined = DefinedRules();
        var offending = CitingFiles()
            .SelectMany(file => RuleCitation().Matches(File.ReadAllText(file))
                .Select(match => (File: Path.GetRelativePath(RepositoryFiles.Root, file), Rule: int.Parse(match.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture))))
            .Where(citation => !defined.Contains(citation.Rule))
            .Select(citation => $"{citation.File} cites R{citation.Rule}");

        Violations.AssertNone($"Every cited rule number must be defined in {Contract} (a list item starting '- **R<n>.**').", offending);
    }

    [Fact]
    public void The_contract_defines_each_rule_once_in_order()
    {
        var numbers = RuleDefinition().Matches(File.ReadAllText(Path.Combine(RepositoryFiles.Root, Contract)))
            .Select(match => int.Parse(match.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();

        Assert.NotEmpty(numbers);
        Assert.Equal(Enumerable.Range(1, numbers.Length), numbers);
    }

    [Fact]
    public void Links_in_the_documents_lead_to_files_in_the_repository()
    {
        var documents = RepositoryFiles.Under("docs", ".md").Append(Path.Combine(RepositoryFiles.Root, "README.md"));
        var offending = documents
            .SelectMany(document => MarkdownLink().Matches(File.ReadAllText(document))
                .Select(match => (Document: document, Target: match.Groups["target"].Value.Split('#')[0])))
            .Where(link => link.Target.Length > 0 && !link.Target.Contains("://", StringComparison.Ordinal))
            .Where(link => !IsInRepository(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(link.Document)!, link.Target))))
            .Select(link => $"{Path.GetRelativePath(RepositoryFiles.Root, link.Document)} links to {link.Target}");

        Violations.AssertNone("Documents link only to files in the repository.", offending);
    }

    private static HashSet<int> DefinedRules() =>
        RuleDefinition().Matches(File.ReadAllText(Path.Combine(RepositoryFiles.Root, Contract)))
            .Select(match => int.Parse(match.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();

    private static IEnumerable<string> CitingFiles() =>
        RepositoryFiles.Under("src", ".cs", ".resx", ".json")
            .Concat(RepositoryFiles.Under("tests", ".cs"))
            .Concat(RepositoryFiles.Under("bench", ".cs", ".sh", ".lua"))
            .Concat(RepositoryFiles.Under("docs", ".md").Where(file => !file.EndsWith(Contract, StringComparison.Ordinal)))
            .Concat(RepositoryFiles.Under(".ci", string.Empty))
            .Append(Path.Combine(RepositoryFiles.Root, "README.md"));

    private static bool IsInRepository(string path) =>
        path.StartsWith(RepositoryFiles.Root, StringComparison.Ordinal) && (File.Exists(path) || Directory.Exists(path));

    [GeneratedRegex(@"(?<![A-Za-z0-9])R(?<number>\d{1,3})(?![0-9])")]
    private static partial Regex RuleCitation();

    [GeneratedRegex(@"^- \*\*R(?<number>\d+)\.\*\*", RegexOptions.Multiline)]
    private static partial Regex RuleDefinition();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
