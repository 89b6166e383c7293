using System.Net;
using System.Net.Http.Json;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Api;

public sealed class TicketListApiTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Filters_select_by_status_level_group_assignee_category_institution_and_accent_free_text()
    {
        var a = await _app.OpenAsync(email: "ana@ifrs.edu.br", subject: "Emissão de certificado", description: "Não consigo emitir.");
        var b = await _app.OpenAsync(email: "bia@ufmg.br", subject: "Rede lenta", description: "A conexão cai.");
        var c = await _app.OpenAsync(email: "caio@exemplo.com.br", subject: "Acesso", description: "Sem acesso ao sistema.");
        await _app.DoAsync(a, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
        await _app.DoAsync(b, "classify", new { category = "repair" });
        await _app.DoAsync(b, "escalate", new { reason = "Falha física" });

        Assert.Equal([a], TicketApi.Protocols(await _app.ListAsync("status=open&level=1")));
        Assert.Equal([b], TicketApi.Protocols(await _app.ListAsync("level=2&group=network")));
        Assert.Equal([a], TicketApi.Protocols(await _app.ListAsync("assignee=me", "agent-l1", "ana.l1")));
        Assert.Equal([c, a], TicketApi.Protocols(await _app.ListAsync("unassigned=false&level=1&status=new,open")).OrderByDescending(p => p).ToList());
        Assert.Equal([b], TicketApi.Protocols(await _app.ListAsync("category=repair")));
        Assert.Equal([b], TicketApi.Protocols(await _app.ListAsync("institution=" + Uri.EscapeDataString("Universidade Federal de Minas Gerais (UFMG)"))));
        Assert.Equal([a], TicketApi.Protocols(await _app.ListAsync("text=EMISSAO%20certificado")));
        Assert.Equal([c], TicketApi.Protocols(await _app.ListAsync("unassigned=true&level=1&status=new")));
    }

    [Theory]
    [InlineData("supervisor", "ana.lima@ifrs.edu.br")]
    [InlineData("finance", "a***@ifrs.edu.br")]
    public async Task A_list_item_is_the_tickets_row_in_Sao_Paulo_time_with_the_email_as_the_role_may_see_it(string role, string email)
    {
        var protocol = await _app.OpenAsync(email: "ana.lima@ifrs.edu.br", subject: "Certificado");
        var (ticket, _) = await _app.ReadAsync(protocol, role);

        var item = (await _app.ListAsync("text=certificado", role)).GetProperty("items").EnumerateArray().Single();

        Assert.Equal(protocol, item.GetProperty("protocol").GetString());
        Assert.Equal(ticket.GetProperty("id").GetString(), item.GetProperty("id").GetString());
        Assert.Equal(ticket.GetProperty("status").GetString(), item.GetProperty("status").GetString());
        Assert.Equal(ticket.GetProperty("channel").GetString(), item.GetProperty("channel").GetString());
        Assert.Equal(ticket.GetProperty("registeredAt").GetString(), item.GetProperty("registeredAt").GetString());
        Assert.EndsWith("-03:00", item.GetProperty("registeredAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(ticket.GetProperty("version").GetInt32(), item.GetProperty("version").GetInt32());
        Assert.Equal(email, item.GetProperty("requesterEmail").GetString());
    }

    [Fact]
    public async Task Pages_follow_each_other_without_repeats_or_gaps_even_when_tickets_arrive_meanwhile()
    {
        var opened = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            opened.Add(await _app.OpenAsync(subject: "Pedido " + i));
        }

        var first = await _app.ListAsync("pageSize=3");
        await _app.OpenAsync(subject: "Chegou durante a leitura");
        var second = await _app.ListAsync("pageSize=3&pageToken=" + first.GetProperty("nextPageToken").GetString());
        var third = await _app.ListAsync("pageSize=3&pageToken=" + second.GetProperty("nextPageToken").GetString());

        var seen = TicketApi.Protocols(first).Concat(TicketApi.Protocols(second)).Concat(TicketApi.Protocols(third)).ToList();
        Assert.Equal(opened.OrderByDescending(p => p), seen);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, third.GetProperty("nextPageToken").ValueKind);
        Assert.StartsWith("/api/tickets?pageSize=3&pageToken=", first.GetProperty("next").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status=flying", "status")]
    [InlineData("level=3", "level")]
    [InlineData("breach=late", "breach")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("pageToken=not-a-token", "pageToken")]
    public async Task A_bad_filter_is_a_400_problem_naming_it(string query, string field)
    {
        using var response = await _app.Staff().GetAsync(new Uri("/api/tickets?" + query, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await TicketApi.ProblemAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task The_breach_filter_uses_the_contracts_deadline_of_the_tickets_category()
    {
        var classified = await _app.OpenAsync(subject: "Com prazo");
        var unclassified = await _app.OpenAsync(subject: "Sem classificação: prazo padrão do contrato");
        await _app.DoAsync(classified, "classify", new { category = "incident", priority = "normal" });

        var onTime = await _app.ListAsync("breach=onTime");
        var breached = await _app.ListAsync("breach=breached");

        // Just registered: neither the 3-business-day target nor the contract's default for unclassified tickets
        // (5 business days) can have run out; the unclassified ticket has a deadline too (seed 003 4.1 b).
        Assert.Equal([classified, unclassified], TicketApi.Protocols(onTime).Order(StringComparer.Ordinal));
        Assert.Empty(TicketApi.Protocols(breached));
        Assert.All(onTime.GetProperty("items").EnumerateArray(), i => Assert.Equal(System.Text.Json.JsonValueKind.String, i.GetProperty("dueAt").ValueKind));
    }
}
