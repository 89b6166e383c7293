using System.Reflection;

namespace Helpdesk.Infra.Tests.Support;

/// <summary>Where the repository and the Bicep CLI package are, as recorded by the build (see the csproj).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string Infra { get; } = Path.Combine(Root, "infra");

    public static string BicepPackageRoot { get; } = Metadata("BicepPackageRoot");

    private static string Metadata(string key)
    {
        var value = typeof(RepositoryPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value;
        if (string.IsNullOrEmpty(value) || !Directory.Exists(value))
        {
            throw new InvalidOperationException($"Assembly metadata '{key}' is missing or points nowhere ('{value}'). Rebuild the test project.");
        }

        return value;
    }
}
