using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Tickets;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.Events;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Web.Tests.Support;
using Microsoft.Playwright;

namespace Helpdesk.Web.Tests.Agents;

/// <summary>In Chromium, on the ticket page: level 2 forwards a ticket to an external team and records its return; a
/// resolved ticket is reopened and closed; a supervisor cancels. Each action only where the role allows it.</summary>
public sealed class TicketLifecycleActionsTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly AgentIdentity Level1 = new("ana.n1", "Ana", new HashSet<string> { Roles.AgentL1 });

    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> OpenTicketByEmailAsync(string messageId)
    {
        using var response = await _app.PostEmailAsync(Emails.Plain(messageId, subject: "Erro 500 no SUAP", body: "O SUAP mostra erro 500 ao gravar a matrícula."));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("protocol").GetString()!;
    }

    private static TicketTarget Target(string protocol) => new(ProtocolNumber.TryParse(protocol, out var p) ? p : default, null);

    private async Task<Ticket> TicketAsync(string protocol) =>
        (await _app.Service<ITicketStore>().FindByProtocolAsync(Target(protocol).Protocol, CancellationToken.None))!;

    [Fact]
    public async Task Level_two_forwards_to_an_external_team_and_records_its_return_and_the_timeline_shows_both()
    {
        var protocol = await OpenTicketByEmailAsync("handoff-1@ifsp.edu.br");
        var actions = _app.Service<TicketActions>();
        await actions.AssignAsync(Target(protocol), Level1, Level1.UserId, null, CancellationToken.None);

        // Level 1 has no forward action: it escalates.
        await using (var l1 = await browser.SignedInAsync(_app.BaseAddress, "agent-l1", "ana.n1"))
        {
            var page = await l1.NewPageAsync();
            await page.GotoAsync("/api/app/tickets/" + protocol);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Escalar", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Encaminhar", Exact = true })).ToHaveCountAsync(0);
        }

        await actions.EscalateAsync(Target(protocol), Level1, "systems", "Erro no sistema: precisa de Sistemas.", CancellationToken.None);

        await using var l2 = await browser.SignedInAsync(_app.BaseAddress, "agent-l2", "bruno.n2");
        var l2Page = await l2.NewPageAsync();
        await l2Page.GotoAsync("/api/app/tickets/" + protocol);
        await l2Page.GetByLabel("Equipe", new() { Exact = true }).SelectOptionAsync("production-support");
        await l2Page.GetByLabel("O que foi pedido à equipe").FillAsync("Corrigir o erro 500 ao gravar a matrícula.");

        // Without the external record the page says so beside the form, keeps what was typed, and writes nothing.
        var versionBefore = (await TicketAsync(protocol)).CommittedVersion;
        await l2Page.GetByRole(AriaRole.Button, new() { Name = "Encaminhar", Exact = true }).ClickAsync();
        await Assertions.Expect(l2Page.Locator("#erro-forward")).ToHaveTextAsync("Informe o número do registro na equipe externa (até 200 caracteres).");
        await Assertions.Expect(l2Page.GetByLabel("O que foi pedido à equipe")).ToHaveValueAsync("Corrigir o erro 500 ao gravar a matrícula.");
        Assert.Equal(versionBefore, (await TicketAsync(protocol)).CommittedVersion);

        await l2Page.GetByLabel("Número do registro na equipe").FillAsync("INC-2026-0042");
        await l2Page.GetByRole(AriaRole.Button, new() { Name = "Encaminhar", Exact = true }).ClickAsync();

        await Assertions.Expect(l2Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Chamado encaminhado à equipe externa; ele continua aberto no 2º nível.");
        await Assertions.Expect(l2Page.GetByTestId("situacao")).ToHaveTextAsync("Em atendimento");
        await Assertions.Expect(l2Page.GetByTestId("equipe-externa")).ToContainTextAsync("Suporte à produção · registro INC-2026-0042");
        await Assertions.Expect(l2Page.GetByTestId("equipe-externa")).ToContainTextAsync(new Regex(@"desde \d\d/\d\d/\d{4} \d\d:\d\d"));
        await Assertions.Expect(l2Page.GetByTestId("prazo-equipe-externa")).ToHaveTextAsync("Com a equipe externa: o prazo continua correndo.");
        await Assertions.Expect(l2Page.Locator("ol.timeline")).ToContainTextAsync("Encaminhado à equipe externa Suporte à produção (registro INC-2026-0042)");
        await Assertions.Expect(l2Page.Locator("ol.timeline")).ToContainTextAsync("Pedido: Corrigir o erro 500 ao gravar a matrícula.");
        await Assertions.Expect(l2Page.GetByRole(AriaRole.Button, new() { Name = "Encaminhar", Exact = true })).ToHaveCountAsync(0);

        await l2Page.GetByLabel("O que a equipe fez (opcional)").FillAsync("Corrigido na versão 3.2.1.");
        await l2Page.GetByRole(AriaRole.Button, new() { Name = "Registrar retorno" }).ClickAsync();

        await Assertions.Expect(l2Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Retorno da equipe externa registrado.");
        await Assertions.Expect(l2Page.Locator("ol.timeline")).ToContainTextAsync("Retorno da equipe externa Suporte à produção (registro INC-2026-0042)");
        await Assertions.Expect(l2Page.Locator("ol.timeline")).ToContainTextAsync("Corrigido na versão 3.2.1.");
        await Assertions.Expect(l2Page.GetByTestId("equipe-externa")).ToHaveCountAsync(0);

        var ticket = await TicketAsync(protocol);
        Assert.Equal(["forwardedToExternalTeam", "externalTeamReturned"], ticket.History.TakeLast(2).Select(e => e.Data.Kind));
        Assert.Equal("INC-2026-0042", Assert.IsType<TicketForwardedToExternalTeam>(ticket.History[^2].Data).Reference);
        Assert.Equal(Actor.Agent("bruno.n2"), ticket.History[^1].Actor);
        Assert.Null(ticket.CurrentExternalHandOff);
    }

    [Fact]
    public async Task A_resolved_ticket_is_reopened_and_then_closed_from_its_page()
    {
        var protocol = await OpenTicketByEmailAsync("lifecycle-1@ifsp.edu.br");
        var actions = _app.Service<TicketActions>();
        await actions.AssignAsync(Target(protocol), Level1, Level1.UserId, null, CancellationToken.None);
        await actions.ResolveAsync(Target(protocol), Level1, true, "Senha redefinida.", CancellationToken.None);

        await using var context = await browser.SignedInAsync(_app.BaseAddress, "agent-l1", "ana.n1");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/app/tickets/" + protocol);
        await page.GetByLabel("Motivo da reabertura").FillAsync("O solicitante ligou: o erro voltou.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reabrir chamado" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Chamado reaberto.");
        await Assertions.Expect(page.GetByTestId("situacao")).ToHaveTextAsync("Em atendimento");
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("O solicitante ligou: o erro voltou.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Encerrar chamado" })).ToHaveCountAsync(0);

        await page.GetByLabel("Solução aplicada").FillAsync("Cache do navegador limpo.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolver", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("situacao")).ToHaveTextAsync("Resolvido");

        // Closing needs a reason: without one the page says so beside the form, and nothing is written.
        await page.GetByRole(AriaRole.Button, new() { Name = "Encerrar chamado" }).ClickAsync();
        await Assertions.Expect(page.Locator("#erro-close")).ToHaveTextAsync("Informe o motivo.");
        await page.GetByLabel("Motivo do encerramento").FillAsync("Solicitante confirmou a solução.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Encerrar chamado" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Chamado encerrado.");
        await Assertions.Expect(page.GetByTestId("situacao")).ToHaveTextAsync("Encerrado");
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("Encerrado");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reabrir chamado" })).ToHaveCountAsync(0);

        var ticket = await TicketAsync(protocol);
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal(1, ticket.ReopenCount);
        Assert.Equal("closed", ticket.History[^1].Data.Kind);
        Assert.Equal(Actor.Agent("ana.n1"), Assert.Single(ticket.History, e => e.Data is TicketReopened).Actor);
    }

    [Fact]
    public async Task Only_a_supervisor_cancels_and_the_cancelled_ticket_has_no_actions_left()
    {
        var protocol = await OpenTicketByEmailAsync("cancel-1@ifsp.edu.br");

        await using (var l1 = await browser.SignedInAsync(_app.BaseAddress, "agent-l1", "ana.n1"))
        {
            var page = await l1.NewPageAsync();
            await page.GotoAsync("/api/app/tickets/" + protocol);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Assumir o chamado" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancelar chamado" })).ToHaveCountAsync(0);
        }

        await using var supervisor = await browser.SignedInAsync(_app.BaseAddress, "supervisor", "sara");
        var sPage = await supervisor.NewPageAsync();
        await sPage.GotoAsync("/api/app/tickets/" + protocol);
        await sPage.GetByLabel("Motivo do cancelamento").FillAsync("Aberto por engano: duplicado por telefone.");
        await sPage.GetByRole(AriaRole.Button, new() { Name = "Cancelar chamado" }).ClickAsync();

        await Assertions.Expect(sPage.GetByRole(AriaRole.Status)).ToHaveTextAsync("Chamado cancelado.");
        await Assertions.Expect(sPage.GetByTestId("situacao")).ToHaveTextAsync("Cancelado");
        await Assertions.Expect(sPage.Locator("ol.timeline")).ToContainTextAsync("Aberto por engano: duplicado por telefone.");
        await Assertions.Expect(sPage.GetByRole(AriaRole.Button, new() { Name = "Cancelar chamado" })).ToHaveCountAsync(0);
        await Assertions.Expect(sPage.GetByRole(AriaRole.Button, new() { Name = "Enviar resposta" })).ToHaveCountAsync(0);

        var ticket = await TicketAsync(protocol);
        Assert.Equal(TicketStatus.Cancelled, ticket.Status);
        Assert.Equal(Actor.Agent("sara"), ticket.History[^1].Actor);
    }
}
