using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Api;

/// <summary><c>POST /api/tickets/{protocol}/forward</c> and <c>/external-return</c>: level 2 hands a ticket to an external
/// team of the contract and records its return; the ticket shows the current hand-off; both are history events.</summary>
public sealed class ExternalHandOffApiTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> AtLevel2Async()
    {
        var protocol = await _app.OpenAsync();
        await _app.DoAsync(protocol, "escalate", new { group = "systems", reason = "Erro 500 no sistema de matrícula" }, "agent-l1", "ana.l1");
        return protocol;
    }

    [Fact]
    public async Task Level_2_forwards_to_an_external_team_and_records_its_return_with_both_events_in_the_history()
    {
        var protocol = await AtLevel2Async();

        var forwarded = await _app.DoAsync(protocol, "forward", new { team = "production-support", reference = "INC-2026-0042", reason = "Erro 500 ao gravar a matrícula" }, "agent-l2", "bruno.l2");

        Assert.Equal("open", forwarded.GetProperty("status").GetString());
        Assert.Equal(2, forwarded.GetProperty("level").GetInt32());
        var current = forwarded.GetProperty("externalHandOff");
        Assert.Equal("production-support", current.GetProperty("team").GetString());
        Assert.Equal("Suporte à produção", current.GetProperty("teamName").GetString());
        Assert.Equal("INC-2026-0042", current.GetProperty("reference").GetString());
        Assert.Equal("bruno.l2", current.GetProperty("forwardedBy").GetString());
        Assert.Equal(JsonValueKind.Null, current.GetProperty("returnedAt").ValueKind);
        Assert.EndsWith("-03:00", current.GetProperty("forwardedAt").GetString(), StringComparison.Ordinal);

        var returned = await _app.DoAsync(protocol, "external-return", new { note = "Corrigido na versão 3.2.1" }, "agent-l2", "bruno.l2");

        Assert.Equal("open", returned.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, returned.GetProperty("externalHandOff").ValueKind);
        var handOff = Assert.Single(returned.GetProperty("externalHandOffs").EnumerateArray().ToList());
        Assert.Equal("Corrigido na versão 3.2.1", handOff.GetProperty("returnNote").GetString());
        var history = returned.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["forwardedToExternalTeam", "externalTeamReturned"], history.TakeLast(2).Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("INC-2026-0042", history[^2].GetProperty("data").GetProperty("reference").GetString());
        Assert.Equal(history[^2].GetProperty("hash").GetString(), history[^1].GetProperty("previousHash").GetString());
        Assert.True(returned.GetProperty("historyVerified").GetBoolean());
    }

    [Fact]
    public async Task The_same_forward_or_return_delivered_twice_changes_nothing_the_second_time()
    {
        var protocol = await AtLevel2Async();
        var body = new { team = "development", reference = "DEV-77", reason = "Falta o relatório" };

        var first = await _app.DoAsync(protocol, "forward", body, "agent-l2");
        var again = await _app.DoAsync(protocol, "forward", body, "agent-l2");
        var back = await _app.DoAsync(protocol, "external-return", new { note = (string?)null }, "agent-l2");
        var backAgain = await _app.DoAsync(protocol, "external-return", new { note = "de novo" }, "agent-l2");

        Assert.Equal(first.GetProperty("version").GetInt32(), again.GetProperty("version").GetInt32());
        Assert.Equal(back.GetProperty("version").GetInt32(), backAgain.GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, Assert.Single(backAgain.GetProperty("externalHandOffs").EnumerateArray().ToList()).GetProperty("returnNote").ValueKind);
    }

    [Fact]
    public async Task Level_1_cannot_forward_and_finance_cannot_record_a_return()
    {
        var protocol = await AtLevel2Async();
        var (_, etag) = await _app.ReadAsync(protocol);

        using var byLevel1 = await _app.ActAsync(protocol, "forward", new { team = "development", reference = "DEV-1", reason = "x" }, etag, "agent-l1", "ana.l1");
        using var byFinance = await _app.ActAsync(protocol, "external-return", new { note = "x" }, etag, "finance");

        Assert.Equal(HttpStatusCode.Forbidden, byLevel1.StatusCode);
        await TicketApi.ProblemAsync(byLevel1);
        Assert.Equal(HttpStatusCode.Forbidden, byFinance.StatusCode);
        Assert.Equal(etag, (await _app.ReadAsync(protocol)).ETag);

        var bySupervisor = await _app.DoAsync(protocol, "forward", new { team = "development", reference = "DEV-1", reason = "Correção no relatório" }, "supervisor", "sara");
        Assert.Equal("development", bySupervisor.GetProperty("externalHandOff").GetProperty("team").GetString());
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field_and_an_illegal_move_a_409_with_a_stable_code()
    {
        var protocol = await AtLevel2Async();
        var level1 = await _app.OpenAsync();
        await _app.DoAsync(level1, "assign", new { assignee = "me" }, "agent-l1", "ana.l1"); // open at level 1
        var (_, etag) = await _app.ReadAsync(protocol);
        var (_, level1Etag) = await _app.ReadAsync(level1);

        using var unknownTeam = await _app.ActAsync(protocol, "forward", new { team = "marketing", reference = "M-1", reason = "x" }, etag, "agent-l2");
        using var noReference = await _app.ActAsync(protocol, "forward", new { team = "development", reason = "x" }, etag, "agent-l2");
        using var noReason = await _app.ActAsync(protocol, "forward", new { team = "development", reference = "DEV-1" }, etag, "agent-l2");
        using var notForwarded = await _app.ActAsync(protocol, "external-return", new { note = "x" }, etag, "agent-l2");
        using var notLevel2 = await _app.ActAsync(level1, "forward", new { team = "development", reference = "DEV-1", reason = "x" }, level1Etag, "supervisor");
        using var noIfMatch = await _app.ActAsync(protocol, "forward", new { team = "development", reference = "DEV-1", reason = "x" }, etag: null, "agent-l2");

        Assert.Equal(HttpStatusCode.BadRequest, unknownTeam.StatusCode);
        Assert.True((await TicketApi.ProblemAsync(unknownTeam)).GetProperty("errors").TryGetProperty("team", out _));
        Assert.Equal(HttpStatusCode.BadRequest, noReference.StatusCode);
        Assert.True((await TicketApi.ProblemAsync(noReference)).GetProperty("errors").TryGetProperty("reference", out _));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await TicketApi.ProblemAsync(noReason)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.Conflict, notForwarded.StatusCode);
        Assert.EndsWith("ticket.externalReturn.notForwarded", (await TicketApi.ProblemAsync(notForwarded)).GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, notLevel2.StatusCode);
        Assert.EndsWith("ticket.forward.notLevel2", (await TicketApi.ProblemAsync(notLevel2)).GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode)428, noIfMatch.StatusCode);
        Assert.Equal(etag, (await _app.ReadAsync(protocol)).ETag); // nothing was written
    }

    [Fact]
    public async Task A_ticket_with_an_external_team_is_resolved_only_after_the_return()
    {
        var protocol = await AtLevel2Async();
        await _app.DoAsync(protocol, "forward", new { team = "production-support", reference = "INC-9", reason = "Erro 500" }, "agent-l2");
        var (_, etag) = await _app.ReadAsync(protocol);

        using var early = await _app.ActAsync(protocol, "resolve", new { resolvedAtFirstContact = false, resolution = "ok" }, etag, "agent-l2");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.EndsWith("ticket.resolve.atExternalTeam", (await TicketApi.ProblemAsync(early)).GetProperty("type").GetString(), StringComparison.Ordinal);
        using var longNote = await _app.ActAsync(protocol, "external-return", new { note = new string('x', 2_001) }, etag, "agent-l2");
        Assert.Equal(HttpStatusCode.BadRequest, longNote.StatusCode);
        Assert.True((await TicketApi.ProblemAsync(longNote)).GetProperty("errors").TryGetProperty("note", out _));

        await _app.DoAsync(protocol, "external-return", new { note = "Corrigido" }, "agent-l2");
        var resolved = await _app.DoAsync(protocol, "resolve", new { resolvedAtFirstContact = false, resolution = "Corrigido pela produção." }, "agent-l2");
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_openapi_document_lists_both_endpoints()
    {
        var document = await _app.Client.GetFromJsonAsync<JsonElement>("/api/openapi.json", Ct);

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/tickets/{protocol}/forward", out var forward));
        Assert.True(paths.TryGetProperty("/api/tickets/{protocol}/external-return", out _));
        Assert.Equal("ForwardToExternalTeam", forward.GetProperty("post").GetProperty("operationId").GetString());
    }
}
