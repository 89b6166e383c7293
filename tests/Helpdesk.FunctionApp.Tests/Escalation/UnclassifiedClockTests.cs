using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.FunctionApp.Tests.Escalation;

/// <summary>
/// Every ticket has a running resolution clock from registration (seed 003 4.1 b), classified or not. Built-in contract:
/// an unclassified ticket runs against <c>serviceCatalogue.unclassified</c> (5 business days, counted from the next day);
/// incident × high is 8 business hours.
/// <code>
/// Tue 24/11 09:00 received ── Wed 25 (1) ─ Thu 26 (2) ─ Fri 27 (3) ─ Mon 30 (4) ─ Tue 01/12 (5) 18:00 due (unclassified)
///            └── 17:00 due once classified incident × high (8 business hours from receipt, not from the classification)
/// </code>
/// </summary>
public sealed class UnclassifiedClockTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(-3));
    private readonly FakeTimeProvider _clock = new(T0);
    private RunningApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _app = await RunningApp.StartAsync(configure: b => b.Services.AddSingleton<TimeProvider>(_clock));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static DateTimeOffset DueOf(JsonElement ticket) =>
        ticket.GetProperty("sla").GetProperty("resolution").GetProperty("dueAt").GetDateTimeOffset();

    /// <summary>The ticket's line of November's export, a minute later (the export holds the events before its instant).</summary>
    private async Task<JsonElement> ExportedAsync(string protocol)
    {
        _clock.Advance(TimeSpan.FromMinutes(1));
        using var response = await _app.Staff("finance").GetAsync(new Uri("/api/exports/tickets?month=2026-11", UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Single(t => t.GetProperty("protocol").GetString() == protocol);
    }

    [Fact]
    public async Task An_unclassified_ticket_runs_against_the_contract_default_from_registration_and_is_exported_with_its_deadline()
    {
        var protocol = await _app.OpenAsync(email: "u1@ifsp.edu.br");

        var (ticket, _) = await _app.ReadAsync(protocol);
        var exported = await ExportedAsync(protocol);

        Assert.Equal(JsonValueKind.Object, ticket.GetProperty("sla").ValueKind);
        Assert.True(ticket.GetProperty("sla").GetProperty("defaultTarget").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 18, 0, 0, TimeSpan.FromHours(-3)), DueOf(ticket));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 18, 0, 0, TimeSpan.FromHours(-3)), exported.GetProperty("resolutionDueAt").GetDateTimeOffset());
        Assert.Equal("5 business days", exported.GetProperty("resolutionTarget").GetString());
    }

    [Fact]
    public async Task A_later_classification_moves_the_deadline_counted_from_receipt()
    {
        var protocol = await _app.OpenAsync(email: "u2@ifsp.edu.br");
        _clock.SetUtcNow(T0.AddHours(2));

        var classified = await _app.DoAsync(protocol, "classify", new { category = "incident", priority = "high" });
        var exported = await ExportedAsync(protocol);

        Assert.False(classified.GetProperty("sla").GetProperty("defaultTarget").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 17, 0, 0, TimeSpan.FromHours(-3)), DueOf(classified));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 17, 0, 0, TimeSpan.FromHours(-3)), exported.GetProperty("resolutionDueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_sweep_alerts_and_escalates_an_unclassified_ticket_at_its_default_deadline()
    {
        var protocol = await _app.OpenAsync(email: "u3@ifsp.edu.br");

        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(-3))); // past 80 % of 5 business days
        var atRisk = await _app.InvokeTimerAsync("SweepDeadlines", _clock.GetUtcNow());
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 18, 1, 0, TimeSpan.FromHours(-3)));
        var breached = await _app.InvokeTimerAsync("SweepDeadlines", _clock.GetUtcNow());

        Assert.Contains("at-risk warnings 1", atRisk, StringComparison.Ordinal);
        Assert.Contains("escalated 1", breached, StringComparison.Ordinal);
        var (ticket, _) = await _app.ReadAsync(protocol);
        Assert.Equal(2, ticket.GetProperty("level").GetInt32());
        Assert.Contains(ticket.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "deadlineAlerted");
    }
}
