using Helpdesk.Cli;

namespace Helpdesk.Cli.Tests.Verbs;

public class DeadlineVerbTests
{
    [Theory]
    // Thu 2 Apr 17:00 == 18:00 | Good Friday | weekend | Mon 6 Apr 08:00 == 09:00
    [InlineData("2026-04-02T17:00:00-03:00", "2 business hours", "2026-04-06T09:00:00-03:00")]
    // Mon 28 Dec | 29, 30, 31 | 1 Jan holiday | weekend | Mon 4, Tue 5 = 5th business day, 18:00
    [InlineData("2026-12-28T10:00:00-03:00", "5 business days", "2027-01-05T18:00:00-03:00")]
    // wall-clock hours, input in UTC, output in São Paulo time
    [InlineData("2026-03-13T13:00:00Z", "24 hours", "2026-03-14T10:00:00-03:00")]
    public async Task Prints_the_due_instant_in_Sao_Paulo_time(string from, string target, string expected)
    {
        var (code, stdout, stderr) = await CliRun.RunAsync("deadline", "--from", from, "--target", target);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(expected + Environment.NewLine, stdout);
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task Applies_pauses_per_the_contract_settings()
    {
        // Mon 30 Mar | Tue 31 = 1 | Wed 1 = 2 | Thu 2 = 3 (pause starts) | ... solved Mon 6 | Tue 7 = 4 | Wed 8 = 5
        var (code, stdout, _) = await CliRun.RunAsync("deadline", "--from", "2026-03-30T10:00:00-03:00", "--target", "5 business days",
            "--pause", "2026-04-02T11:00:00-03:00/2026-04-06T15:00:00-03:00");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("2026-04-08T18:00:00-03:00", stdout.Trim());
    }

    [Fact]
    public async Task Reads_the_calendar_from_a_contract_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"contract-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}.json");
        await File.WriteAllTextAsync(file, """
            { "schemaVersion": 1, "id": "c", "name": "Carnaval observado",
              "calendar": { "optionalDays": [ "carnivalMonday", "carnivalTuesday" ] } }
            """, TestContext.Current.CancellationToken);
        try
        {
            // Fri 13 Feb 17:00 == 18:00 | weekend | Carnival Mon 16, Tue 17 closed | Wed 18 08:00 == 09:00
            var (code, stdout, _) = await CliRun.RunAsync("deadline", "--from", "2026-02-13T17:00:00-03:00", "--target", "2 business hours", "--contract", file);

            Assert.Equal(ExitCodes.Ok, code);
            Assert.Equal("2026-02-18T09:00:00-03:00", stdout.Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("--from", new[] { "deadline", "--target", "2 hours" })]
    [InlineData("--from", new[] { "deadline", "--from", "2026-03-10T10:00:00", "--target", "2 hours" })]
    [InlineData("--from", new[] { "deadline", "--from", "yesterday", "--target", "2 hours" })]
    [InlineData("--target", new[] { "deadline", "--from", "2026-03-10T10:00:00-03:00", "--target", "2 days" })]
    [InlineData("--pause", new[] { "deadline", "--from", "2026-03-10T10:00:00-03:00", "--target", "2 hours", "--pause", "2026-03-10T11:00:00-03:00" })]
    [InlineData("--pause", new[] { "deadline", "--from", "2026-03-10T10:00:00-03:00", "--target", "2 hours", "--pause", "2026-03-10T12:00:00-03:00/2026-03-10T11:00:00-03:00" })]
    [InlineData("--contract", new[] { "deadline", "--from", "2026-03-10T10:00:00-03:00", "--target", "2 hours", "--contract", "/nonexistent/contract.json" })]
    [InlineData("--from", new[] { "deadline", "--from", "1980-03-10T10:00:00-03:00", "--target", "2 business hours" })]
    [InlineData("--colour", new[] { "deadline", "--from", "2026-03-10T10:00:00-03:00", "--target", "2 hours", "--colour", "red" })]
    public async Task Bad_arguments_exit_non_zero_naming_the_argument(string argument, string[] args)
    {
        var (code, stdout, stderr) = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(stdout);
        Assert.Contains(argument, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_contract_file_reports_the_field()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-contract-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(file, """{ "schemaVersion": 1, "id": "c", "name": "n", "calendar": { "timeZone": "Mars/Olympus" } }""", TestContext.Current.CancellationToken);
        try
        {
            var (code, _, stderr) = await CliRun.RunAsync("deadline", "--from", "2026-03-10T10:00:00-03:00", "--target", "2 hours", "--contract", file);

            Assert.Equal(ExitCodes.Usage, code);
            Assert.Contains("calendar.timeZone", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
