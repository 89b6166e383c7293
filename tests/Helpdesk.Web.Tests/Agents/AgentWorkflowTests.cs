using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Tickets;
using Helpdesk.Application.Identity;
using Helpdesk.Domain.Knowledge;
using Helpdesk.Domain.Tickets;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Web.Tests.Support;
using Microsoft.Playwright;

namespace Helpdesk.Web.Tests.Agents;

/// <summary>Agents work a ticket in Chromium: take it, reply with a knowledge-base answer, escalate, resolve.</summary>
public sealed class AgentWorkflowTests(BrowserFixture browser) : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> OpenTicketByEmailAsync(string messageId)
    {
        using var response = await _app.PostEmailAsync(Emails.Plain(messageId, subject: "Senha do SUAP expirada", body: "Minha senha expirou e não consigo entrar."));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("protocol").GetString()!;
    }

    private async Task<Ticket> TicketAsync(string protocol) =>
        (await _app.Service<ITicketStore>().FindByProtocolAsync(ProtocolNumber.TryParse(protocol, out var p) ? p : default, CancellationToken.None))!;

    [Fact]
    public async Task An_agent_replies_with_a_knowledge_answer_escalates_and_level_two_resolves()
    {
        var protocol = await OpenTicketByEmailAsync("wf-1@ifsp.edu.br");
        await _app.Service<IKnowledgeBase>().AddAsync(new KnowledgeArticle
        {
            Id = Guid.NewGuid(),
            Kind = KnowledgeKind.CannedAnswer,
            Title = "Redefinição de senha do SUAP",
            Body = "Acesse suap.ifsp.edu.br/recuperar e siga as instruções para criar uma nova senha.",
            CreatedBy = "seed",
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);

        // Level 1: take the ticket, find the canned answer (accent-insensitive), insert it, send it.
        await using (var l1 = await browser.SignedInAsync(_app.BaseAddress, "agent-l1", "ana.n1"))
        {
            var page = await l1.NewPageAsync();
            await page.GotoAsync("/api/app/tickets?view=all");
            await page.GetByRole(AriaRole.Link, new() { Name = protocol }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(protocol);

            await page.GetByRole(AriaRole.Button, new() { Name = "Assumir o chamado" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Chamado atribuído a você.");

            await page.GetByLabel("Buscar na base de conhecimento").FillAsync("redefinicao senha");
            await page.GetByRole(AriaRole.Button, new() { Name = "Buscar", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Inserir na resposta" }).ClickAsync();
            await Assertions.Expect(page.GetByLabel("Resposta (enviada por e-mail)")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("suap.ifsp.edu.br/recuperar"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Enviar resposta" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Resposta enviada.");
            await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("Resposta enviada ao solicitante");

            await page.GetByLabel("Motivo").First.FillAsync("Conta bloqueada no AD: só o 2º nível desbloqueia.");
            await page.GetByLabel("Grupo").SelectOptionAsync("identity");
            await page.GetByRole(AriaRole.Button, new() { Name = "Escalar", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Chamado escalado.");
            await Assertions.Expect(page.GetByTestId("nivel")).ToContainTextAsync("2º nível");

            // Once escalated, level 1 sees the ticket but has no actions on it.
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Resolver" })).ToHaveCountAsync(0);
        }

        // Level 2 resolves it (not at first contact: it was escalated).
        await using (var l2 = await browser.SignedInAsync(_app.BaseAddress, "agent-l2", "bruno.n2"))
        {
            var page = await l2.NewPageAsync();
            await page.GotoAsync("/api/app/tickets?view=group");
            await page.GetByRole(AriaRole.Link, new() { Name = protocol }).ClickAsync();
            await page.GetByLabel("Solução aplicada").FillAsync("Conta desbloqueada e senha redefinida.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Resolver" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Chamado resolvido");
            await Assertions.Expect(page.GetByTestId("situacao")).ToHaveTextAsync("Resolvido");
        }

        var ticket = await TicketAsync(protocol);
        Assert.Equal(TicketStatus.Resolved, ticket.Status);
        Assert.Equal(2, ticket.Level);
        Assert.False(ticket.ResolvedAtFirstContact);
        Assert.Contains(ticket.Messages, m => m.Purpose == "reply" && m.Text.Contains("suap.ifsp.edu.br/recuperar", StringComparison.Ordinal));
        var article = (await _app.Service<IKnowledgeBase>().SearchAsync(new KnowledgeSearch("senha", null, null), CancellationToken.None)).Single();
        Assert.Equal(1, article.UseCount);
    }

    [Fact]
    public async Task A_change_by_someone_else_meanwhile_is_refused_in_portuguese_and_the_typed_text_is_kept()
    {
        var protocol = await OpenTicketByEmailAsync("wf-2@ifsp.edu.br");
        await using var context = await browser.SignedInAsync(_app.BaseAddress, "agent-l1", "ana.n1");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/app/tickets/" + protocol);
        await page.GetByLabel("Resposta (enviada por e-mail)").FillAsync("Texto que não pode se perder.");

        // Meanwhile a colleague adds a note through the same use cases.
        var colleague = new AgentIdentity("carla.n1", "Carla", new HashSet<string> { Roles.AgentL1 });
        await _app.Service<TicketActions>().AddInternalNoteAsync(new TicketTarget(ProtocolNumber.TryParse(protocol, out var p) ? p : default, null), colleague, "Liguei para o solicitante.", CancellationToken.None);

        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar resposta" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Outra pessoa alterou este chamado");
        await Assertions.Expect(page.GetByLabel("Resposta (enviada por e-mail)")).ToHaveValueAsync("Texto que não pode se perder.");
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("Liguei para o solicitante.");
        Assert.DoesNotContain((await TicketAsync(protocol)).Messages, m => m.Purpose == "reply");

        // Sending again, now against the version on screen, goes through.
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar resposta" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Resposta enviada.");
    }

    [Fact]
    public async Task Without_a_sign_in_the_pages_send_the_browser_to_sign_in_and_show_no_data()
    {
        var protocol = await OpenTicketByEmailAsync("wf-3@ifsp.edu.br");
        await using var context = await browser.NewContextAsync(_app.BaseAddress);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/api/app/tickets/" + protocol);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Entrar (ambiente de desenvolvimento)" })).ToBeVisibleAsync();
        Assert.DoesNotContain("Senha do SUAP", await page.ContentAsync(), StringComparison.Ordinal);

        // Signing in (development cookie) leads back to the ticket.
        await page.GetByLabel("atendente N1", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrar" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(protocol);
    }
}
