using Helpdesk.Infra.Tests.Support;

namespace Helpdesk.Infra.Tests.Bicep;

/// <summary>
/// Every Bicep file in infra/ builds and passes the linter (infra/bicepconfig.json) with no diagnostic at all:
/// a warning fails the test as surely as an error. Files are processed with --pattern, one CLI run per step.
/// </summary>
public sealed class BicepFilesTests
{
    [Fact]
    public void Infra_has_a_main_template_with_dev_and_prod_parameter_files_and_a_linter_config()
    {
        Assert.Contains("main.bicep", Files("*.bicep"));
        Assert.Contains("main.dev.bicepparam", Files("*.bicepparam"));
        Assert.Contains("main.prod.bicepparam", Files("*.bicepparam"));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Infra, "bicepconfig.json")), "infra/bicepconfig.json is missing");
    }

    [Fact]
    public async Task Every_template_builds_with_no_diagnostic()
    {
        var outDir = Directory.CreateTempSubdirectory("helpdesk-bicep-build-");
        try
        {
            var result = await BicepCli.RunAsync(["build", "--pattern", "**/*.bicep", "--outdir", outDir.FullName], TestContext.Current.CancellationToken);

            Assert.True(result.ExitCode == 0, result.Describe("bicep build"));
            Assert.True((result.StandardOutput + result.StandardError).Trim().Length == 0, result.Describe("bicep build"));
            Assert.All(Files("*.bicep"), file =>
                Assert.True(File.Exists(Path.Combine(outDir.FullName, Path.ChangeExtension(file, ".json"))), $"no ARM JSON was built for {file}"));
        }
        finally
        {
            outDir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("**/*.bicep")]
    [InlineData("**/*.bicepparam")]
    public async Task Every_file_passes_the_linter_with_no_diagnostic(string pattern)
    {
        Assert.NotEmpty(Files(Path.GetFileName(pattern)));

        var result = await BicepCli.RunAsync(["lint", "--pattern", pattern], TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.Describe($"bicep lint --pattern {pattern}"));
        Assert.True((result.StandardOutput + result.StandardError).Trim().Length == 0, result.Describe($"bicep lint --pattern {pattern}"));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Parameter_file_builds_with_no_diagnostic(string environment)
    {
        var result = await CompiledInfra.ParametersBuild(environment);

        Assert.True(result.ExitCode == 0, result.Describe($"bicep build-params main.{environment}.bicepparam"));
        Assert.True(result.StandardError.Trim().Length == 0, result.Describe($"bicep build-params main.{environment}.bicepparam"));
    }

    [Fact]
    public async Task The_linter_really_reports_problems()
    {
        // Guards the tests above against a linter that says nothing whatever the input (wrong config, wrong binary).
        var scratch = Directory.CreateTempSubdirectory("helpdesk-lint-probe-").FullName;
        try
        {
            File.Copy(Path.Combine(RepositoryPaths.Infra, "bicepconfig.json"), Path.Combine(scratch, "bicepconfig.json"));
            var probe = Path.Combine(scratch, "probe.bicep");
            await File.WriteAllTextAsync(probe, "param unused string\n", TestContext.Current.CancellationToken);

            var result = await BicepCli.RunAsync(["lint", probe], TestContext.Current.CancellationToken);

            Assert.Contains("no-unused-params", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static List<string> Files(string pattern) =>
        Directory.EnumerateFiles(RepositoryPaths.Infra, pattern, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryPaths.Infra, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
