namespace OrderPlatform.ArchitectureTests;

/// <summary>The repository's own files, found from the test assembly's folder upwards.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>The files under <paramref name="folder"/> with one of <paramref name="extensions"/>, leaving out build output and generated migrations.</summary>
    public static IEnumerable<string> Under(string folder, params string[] extensions)
    {
        var path = Path.Combine(Root, folder);
        return !Directory.Exists(path)
            ? []
            : Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(file => extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
                .Where(file => !IsBuildOutputOrGenerated(Path.GetRelativePath(Root, file)));
    }

    private static bool IsBuildOutputOrGenerated(string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar);
        return parts.Any(part => part is "bin" or "obj" or "Migrations" or "node_modules" or "results");
    }

    private static string FindRoot()
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
}
