using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Helpdesk.FunctionApp.Functions;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Hosting;

/// <summary>The hourly number-accounting timer (ADR-003): which years it accounts for, and what it does with and
/// without a store that can leave numbers behind. The accounting itself is tested against Cosmos DB in
/// Helpdesk.Infrastructure.Tests (CosmosProtocolAccountingTests).</summary>
public sealed class AccountProtocolNumbersTests
{
    private const string TimerPayload = """
        {"Data":{"timer":{"Schedule":{"AdjustForDST":true},
          "ScheduleStatus":{"Last":"2026-11-24T10:05:00","Next":"2026-11-24T11:05:00","LastUpdated":"2026-11-24T10:05:00"},
          "IsPastDue":false}},
         "Metadata":{"sys":{"MethodName":"AccountProtocolNumbers","UtcNow":"2026-11-24T11:05:00.0123456Z","RandGuid":"5b0c"}}}
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("2026-11-24T11:05:00Z", new[] { 2026 })]
    [InlineData("2027-01-01T02:30:00Z", new[] { 2026 })] // 23:30 of 31/12/2026 in São Paulo
    [InlineData("2027-01-01T03:30:00Z", new[] { 2027, 2026 })] // 00:30 of 01/01/2027 in São Paulo
    [InlineData("2027-01-31T23:00:00Z", new[] { 2027, 2026 })]
    [InlineData("2027-02-01T03:05:00Z", new[] { 2027 })]
    public void It_accounts_for_the_sao_paulo_year_and_in_january_the_previous_one(string now, int[] years)
    {
        Assert.Equal(years, AccountProtocolNumbersFunction.YearsToAccount(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), Helpdesk.Domain.Contracts.DefaultContract.Definition.Clock));
    }

    [Fact]
    public async Task With_a_store_that_reserves_apart_the_timer_accounts_and_logs_the_voided_numbers()
    {
        var accounting = new RecordingAccounting();
        await using var app = await RunningApp.StartAsync(asFunctionsHost: true, configure: b => b.Services.AddSingleton<IProtocolAccounting>(accounting));

        using var response = await app.InvokeAsync("AccountProtocolNumbers", TimerPayload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var logs = Logs(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(AccountProtocolNumbersFunction.YearsToAccount(DateTimeOffset.UtcNow, Helpdesk.Domain.Contracts.DefaultContract.Definition.Clock), accounting.Years);
        Assert.Contains(logs, l => l.Contains("1 abandoned number(s) recorded as void", StringComparison.Ordinal) && l.Contains(accounting.Voided.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_sqlite_the_timer_has_nothing_to_do_and_says_so()
    {
        await using var app = await RunningApp.StartAsync(asFunctionsHost: true);

        using var response = await app.InvokeAsync("AccountProtocolNumbers", TimerPayload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nothing to account for", Assert.Single(Logs(await response.Content.ReadAsStringAsync(Ct))), StringComparison.Ordinal);
    }

    private static List<string> Logs(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("Logs").EnumerateArray().Select(l => l.GetString()!).ToList();

    private sealed class RecordingAccounting : IProtocolAccounting
    {
        public List<int> Years { get; } = [];

        public ProtocolNumber Voided { get; private set; }

        public Task<IReadOnlyList<ProtocolNumber>> AccountForNumbersAsync(int year, CancellationToken cancellationToken)
        {
            Years.Add(year);
            Voided = ProtocolNumber.Create(year, 7);
            return Task.FromResult<IReadOnlyList<ProtocolNumber>>([Voided]);
        }
    }
}
