namespace Helpdesk.Infrastructure.Tests.Support;

/// <summary>The repository's root folder (the one holding Serverless.sln), found from the test binaries upwards.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Serverless.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Serverless.sln not found above " + AppContext.BaseDirectory);
    }
}
