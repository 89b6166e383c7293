using System.Text.Json;
using Helpdesk.Cli;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Audit;

/// <summary>The sample export in <c>samples/audit/</c> gives what README and docs/audit.md say it gives.</summary>
public sealed class AuditSampleTests
{
    private static string Sample(string name) => Path.Combine(RepositoryRoot.Path, "samples", "audit", name);

    private static async Task<(int Code, JsonElement Report)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(["audit", .. args, "--histories", Sample("histories.jsonl")], stdout, stderr);
        Assert.True(stderr.ToString().Length == 0, stderr.ToString());
        return (code, JsonDocument.Parse(stdout.ToString()).RootElement);
    }

    [Fact]
    public async Task The_sample_has_one_edited_ticket_one_gap_one_unflagged_reopening_and_two_misclassified_complaints()
    {
        var chains = await RunAsync("chains");
        var protocols = await RunAsync("protocols", "--ledger", Sample("ledger.json"));
        var reopenings = await RunAsync("reopenings");
        var misclassified = await RunAsync("misclassified");

        Assert.Equal(ExitCodes.Findings, chains.Code);
        var failure = Assert.Single(chains.Report.GetProperty("failures").EnumerateArray());
        Assert.Equal("20260000007", failure.GetProperty("protocol").GetString());
        Assert.Equal(ExitCodes.Findings, protocols.Code);
        Assert.Equal("20260000004", Assert.Single(protocols.Report.GetProperty("gaps").EnumerateArray()).GetProperty("from").GetString());
        Assert.Equal(1, protocols.Report.GetProperty("voids").GetInt32());
        Assert.Equal(["20260000002"], reopenings.Report.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("protocol").GetString()));
        Assert.Equal(["20260000001", "20260000006"], misclassified.Report.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("protocol").GetString()));
    }
}
