using System.Text.RegularExpressions;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Web.Tests.Support;
using Microsoft.Playwright;

namespace Helpdesk.Web.Tests.Agents;

/// <summary>In Chromium: a supervisor finds the messages that exhausted their deliveries from the dashboard, reads why
/// (never their bodies) and puts one back in line; other roles are refused.</summary>
public sealed class DeadLetterPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string SecretBody = "texto confidencial do solicitante";

    private RunningApp _app = null!;

    // One delivery only: a poison message is dead-lettered at its first failure.
    public async ValueTask InitializeAsync() =>
        _app = await RunningApp.StartAsync(settings: new Dictionary<string, string?> { ["Helpdesk:Runner:MaxDeliveries"] = "1" });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A ticket whose outbox holds an e-mail missing its fields: the mail consumer rejects it as poison.</summary>
    private async Task<(Guid Id, string Protocol)> StorePoisonAsync()
    {
        var poisonId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var created = await _app.Service<ITicketStore>().CreateAsync(
            2026,
            protocol => new TicketDraft(
                Ticket.Register(new TicketId(Guid.NewGuid()), protocol, new NewTicket("Assunto", "Texto", EmailAddress.Parse("ana@ifrs.edu.br"), null, Channel.Api, now), now),
                [],
                [new OutboxMessage(poisonId, Queues.OutboundMail, $$"""{"protocol":"{{protocol}}","note":"{{SecretBody}}"}""", now)]),
            CancellationToken.None);
        return (poisonId, created.Ticket.Protocol.ToString());
    }

    private async Task<DeadLetter?> DeadAsync(Guid id) =>
        (await _app.Service<IOutboxStore>().ListDeadLettersAsync(CancellationToken.None)).SingleOrDefault(d => d.Id == id);

    [Fact]
    public async Task A_supervisor_lists_dead_letters_without_their_bodies_and_replays_one()
    {
        var (id, protocol) = await StorePoisonAsync();
        await RunningApp.WaitUntilAsync(() => DeadAsync(id).GetAwaiter().GetResult() is not null, TimeSpan.FromSeconds(20), "the dead letter");
        var first = (await DeadAsync(id))!;

        await using var context = await browser.SignedInAsync(_app.BaseAddress, "supervisor", "sara");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/app/dashboard");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ver e reenviar mensagens com falha de entrega" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mensagens com falha de entrega");
        var row = page.GetByTestId("dead-letter");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        var cells = row.Locator("td");
        await Assertions.Expect(cells.Nth(0)).ToHaveTextAsync("E-mail ao solicitante");
        await Assertions.Expect(cells.Nth(1)).ToHaveTextAsync(protocol);
        await Assertions.Expect(cells.Nth(2)).ToContainTextAsync("MaxDeliveryCountExceeded");
        await Assertions.Expect(cells.Nth(3)).ToHaveTextAsync("1");
        await Assertions.Expect(cells.Nth(4)).ToHaveTextAsync(new Regex(@"^\d\d/\d\d/\d{4} \d\d:\d\d$"));
        await Assertions.Expect(cells.Nth(5)).ToHaveTextAsync(new Regex(@"^\d\d/\d\d/\d{4} \d\d:\d\d$"));
        Assert.DoesNotContain(SecretBody, await page.ContentAsync(), StringComparison.Ordinal);

        await row.GetByRole(AriaRole.Button, new() { Name = "Reenviar" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Mensagem recolocada na fila");
        // Still poison, it is delivered once more and dead again: a later give-up proves it went back in line.
        await RunningApp.WaitUntilAsync(() => DeadAsync(id).GetAwaiter().GetResult() is { } again && again.DeadLetteredAt > first.DeadLetteredAt, TimeSpan.FromSeconds(20), "the replayed delivery");
    }

    [Fact]
    public async Task Agents_are_refused_the_page_and_a_replay_without_the_anti_forgery_token_is_rejected()
    {
        var (id, _) = await StorePoisonAsync();
        await RunningApp.WaitUntilAsync(() => DeadAsync(id).GetAwaiter().GetResult() is not null, TimeSpan.FromSeconds(20), "the dead letter");

        await using (var agent = await browser.SignedInAsync(_app.BaseAddress, "agent-l2", "bruno.n2"))
        {
            var page = await agent.NewPageAsync();
            var response = await page.GotoAsync("/api/app/dead-letters");
            Assert.Equal(403, response!.Status);
            Assert.DoesNotContain("MaxDeliveryCountExceeded", await page.ContentAsync(), StringComparison.Ordinal);
        }

        await using var supervisor = await browser.SignedInAsync(_app.BaseAddress, "supervisor", "sara");
        var forged = await supervisor.APIRequest.PostAsync("/api/app/dead-letters?handler=replay", new() { Form = supervisor.APIRequest.CreateFormData().Set("id", id.ToString()) });
        Assert.Equal(400, forged.Status);
        Assert.NotNull(await DeadAsync(id)); // still dead: nothing was replayed
    }
}
