using System.Text.Json.Nodes;
using Helpdesk.Application.Finance;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Indicators;
using Helpdesk.FunctionApp.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.FunctionApp.Tests.Finance;

/// <summary>
/// A contract whose calendar is in America/Manaus (UTC−4) closes its month at Manaus midnight in every part that
/// answers "which day, which month": the finance timers, the ticket export and the availability window. Timeline:
///   03:00Z 01/04 ── São Paulo's April starts ── 03:30Z: a request arrives (23:30 on 31/03 in Manaus) ── 04:00Z 01/04 ── Manaus's April starts
/// </summary>
public sealed class ContractTimeZoneTests : IAsyncLifetime
{
    private static readonly DateTimeOffset LateMarchInManaus = new(2026, 4, 1, 3, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ManausAprilStart = new(2026, 4, 1, 4, 0, 0, TimeSpan.Zero);
    private static readonly AssessmentMonth March = AssessmentMonth.Create(2026, 3);

    private readonly FakeTimeProvider _clock = new(LateMarchInManaus);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "helpdesk-tests", Guid.NewGuid().ToString("N"));
    private RunningApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _app = await RunningApp.StartAsync(dataDirectory: _data, configure: b =>
        {
            b.Services.AddSingleton<TimeProvider>(_clock);
            b.Services.AddSingleton(Manaus());
        });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_contract_in_Manaus_closes_its_month_at_Manaus_midnight_everywhere()
    {
        Assert.Equal("America/Manaus", _app.Service<FinanceContract>().Definition.Calendar.TimeZoneId);
        var protocol = await _app.OpenAsync(email: "ana@ifrs.edu.br");

        // The timers: at 03:30Z on 01/04 it is still 31/03 in Manaus, so the month before is February, the day before 30/03.
        Assert.Equal(AssessmentMonth.Create(2026, 2), _app.Service<MonthlyClosing>().PreviousMonth(LateMarchInManaus));
        Assert.Equal(new DateOnly(2026, 3, 30), _app.Service<DailyIndicators>().PreviousDay(LateMarchInManaus));

        // The availability window of March ends at Manaus midnight (widened by the probe rule's margin).
        var (_, to) = _app.Service<ClosingInputs>().HeartbeatRange(March, DateTimeOffset.MaxValue);
        Assert.Equal(ManausAprilStart + AvailabilityProbeRule.Default.Margin, to);

        // The export: March's covers [01/03 04:00Z, 01/04 04:00Z), so the request of 03:30Z is in it (São Paulo's March
        // ended at 03:00Z, before it), written in Manaus time.
        _clock.SetUtcNow(ManausAprilStart.AddHours(1));
        var march = await ExportAsync("2026-03");
        var record = Assert.Single(march, r => r["protocol"]!.GetValue<string>() == protocol);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.FromHours(-4)), DateTimeOffset.Parse(record["receivedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("-04:00", record["receivedAt"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ticket_API_and_page_show_instants_on_the_registered_contracts_clock()
    {
        var protocol = await _app.OpenAsync(email: "ana@ifrs.edu.br");
        var manausEvening = new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.FromHours(-4));

        // The ticket's answer: received at 03:30Z, which is 23:30 on 31/03 in Manaus (00:30 on 01/04 in São Paulo).
        var (ticket, _) = await _app.ReadAsync(protocol);
        var receivedAt = ticket.GetProperty("receivedAt").GetString()!;
        Assert.EndsWith("-04:00", receivedAt, StringComparison.Ordinal);
        Assert.Equal(manausEvening, DateTimeOffset.Parse(receivedAt, System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("-04:00", ticket.GetProperty("history")[0].GetProperty("at").GetString(), StringComparison.Ordinal);

        // The list answer, on the same clock.
        var list = JsonNode.Parse(await _app.Staff().GetStringAsync(new Uri("/api/tickets", UriKind.Relative), Ct))!;
        var row = list["items"]!.AsArray().Single(i => i!["protocol"]!.GetValue<string>() == protocol)!;
        Assert.EndsWith("-04:00", row["registeredAt"]!.GetValue<string>(), StringComparison.Ordinal);

        // The agents' page writes the registration in Manaus time (dd/MM/yyyy HH:mm), not São Paulo's 01/04/2026 00:30.
        var page = await _app.Staff().GetStringAsync(new Uri("/api/app/tickets/" + protocol, UriKind.Relative), Ct);
        Assert.Contains("31/03/2026 23:30", page, StringComparison.Ordinal);
        Assert.DoesNotContain("01/04/2026 00:30", page, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<JsonObject>> ExportAsync(string month) =>
        [.. (await _app.Staff("finance").GetStringAsync(new Uri($"/api/exports/tickets?month={month}", UriKind.Relative), Ct))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonNode.Parse(l)!.AsObject())];

    private static ContractDefinition Manaus()
    {
        var json = DefaultContract.Json().Replace("\"timeZone\": \"America/Sao_Paulo\"", "\"timeZone\": \"America/Manaus\"", StringComparison.Ordinal);
        var result = ContractDefinitionLoader.Load(json);
        return result.IsSuccess ? result.Definition : throw new InvalidOperationException(string.Join("; ", result.Errors));
    }
}
