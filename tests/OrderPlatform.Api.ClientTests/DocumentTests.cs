using System.Text.RegularExpressions;

namespace OrderPlatform.Api.ClientTests;

/// <summary>What the document must keep in step with that the build cannot read from a C# type.</summary>
public sealed partial class DocumentTests
{
    /// <summary>
    /// Refusals carry their extra facts in a dictionary (Error.With), so the build cannot see them:
    /// every member the service sets must be described in ErrorData (src/Api/OpenApi/ApiSchemas.cs).
    /// </summary>
    [Fact]
    public void R2_every_data_member_a_refusal_carries_is_described_in_ErrorData()
    {
        var described = OpenApiDocumentFile.Root.GetProperty("components").GetProperty("schemas").GetProperty("ErrorData")
            .GetProperty("properties").EnumerateObject().Select(member => member.Name).ToHashSet(StringComparer.Ordinal);
        var source = Path.Combine(RepositoryRoot(), "src");

        var set = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .SelectMany(file => DataMember().Matches(File.ReadAllText(file)).Select(match => match.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(set);
        Assert.Empty(set.Except(described));
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OrderPlatform.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No OrderPlatform.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\.With\(\s*""(?<name>[a-z_]+)""")]
    private static partial Regex DataMember();
}
