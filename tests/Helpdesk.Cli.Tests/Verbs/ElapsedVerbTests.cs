using Helpdesk.Cli;

namespace Helpdesk.Cli.Tests.Verbs;

public class ElapsedVerbTests
{
    [Theory]
    // Mon 30 Mar 08:00 .. Thu 2 Apr 18:00 = 40 h | Good Friday | weekend | Mon 6 Apr 08:00-10:30 = 2.5 h
    [InlineData("business-hours", "42.5 business hours")]
    // business days after Mon 30 Mar completed by Mon 6 Apr 10:30: Tue 31, Wed 1, Thu 2
    [InlineData("business-days", "3 business days")]
    // 7 days and 2.5 hours of wall-clock time
    [InlineData("hours", "170.5 hours")]
    public async Task Prints_the_elapsed_amount_in_the_unit(string unit, string expected)
    {
        var (code, stdout, stderr) = await CliRun.RunAsync("elapsed", "--from", "2026-03-30T08:00:00-03:00", "--to", "2026-04-06T10:30:00-03:00", "--unit", unit);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(expected + Environment.NewLine, stdout);
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task Agrees_with_the_deadline_verb()
    {
        var (_, due, _) = await CliRun.RunAsync("deadline", "--from", "2026-12-28T10:00:00-03:00", "--target", "5 business days");

        var (code, stdout, _) = await CliRun.RunAsync("elapsed", "--from", "2026-12-28T10:00:00-03:00", "--to", due.Trim(), "--unit", "business-days");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("5 business days", stdout.Trim());
    }

    [Theory]
    [InlineData("--unit", new[] { "elapsed", "--from", "2026-03-10T10:00:00-03:00", "--to", "2026-03-11T10:00:00-03:00", "--unit", "days" })]
    [InlineData("--unit", new[] { "elapsed", "--from", "2026-03-10T10:00:00-03:00", "--to", "2026-03-11T10:00:00-03:00" })]
    [InlineData("--to", new[] { "elapsed", "--from", "2026-03-10T10:00:00-03:00", "--to", "2026-03-09T10:00:00-03:00", "--unit", "hours" })]
    [InlineData("--to", new[] { "elapsed", "--from", "2026-03-10T10:00:00-03:00", "--to", "tomorrow", "--unit", "hours" })]
    public async Task Bad_arguments_exit_non_zero_naming_the_argument(string argument, string[] args)
    {
        var (code, stdout, stderr) = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(stdout);
        Assert.Contains(argument, stderr, StringComparison.Ordinal);
    }
}
