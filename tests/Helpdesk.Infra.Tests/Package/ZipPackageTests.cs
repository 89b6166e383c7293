using System.IO.Compression;
using Helpdesk.Infra.Tests.Support;

namespace Helpdesk.Infra.Tests.Package;

/// <summary>infra/zip-package.py keeps Unix file modes, so the custom handler stays executable once deployed.</summary>
public sealed class ZipPackageTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("helpdesk-zip-");

    [Fact]
    public async Task Zip_keeps_each_file_mode_and_uses_relative_forward_slash_paths()
    {
        var stage = _scratch.CreateSubdirectory("stage");
        Write(stage, "host.json", "{}", Mode644);
        Write(stage, "CreateTicket/function.json", "{\"bindings\":[]}", Mode644);
        Write(stage, "Helpdesk.FunctionApp", "#!/bin/sh\n", Mode755);
        var zip = Path.Combine(_scratch.FullName, "package.zip");

        var result = await ProcessRunner.RunAsync(
            "python3", [Path.Combine(RepositoryPaths.Infra, "zip-package.py"), stage.FullName, zip],
            RepositoryPaths.Root, null, TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.Describe("zip-package.py"));
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["CreateTicket/function.json", "Helpdesk.FunctionApp", "host.json"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.Equal(Mode755, DeploymentPackage.UnixMode(archive.GetEntry("Helpdesk.FunctionApp")!));
        Assert.Equal(Mode644, DeploymentPackage.UnixMode(archive.GetEntry("host.json")!));
        Assert.Equal("{\"bindings\":[]}", await new StreamReader(archive.GetEntry("CreateTicket/function.json")!.Open()).ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose() => _scratch.Delete(recursive: true);

    private const UnixFileMode Mode644 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode Mode755 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private static void Write(DirectoryInfo root, string relative, string content, UnixFileMode mode)
    {
        var path = Path.Combine(root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, mode);
    }
}
