using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Escalation;

/// <summary>A poison message is retried with backoff up to the maximum deliveries, then dead-lettered with its reason;
/// a supervisor lists it and puts it back in line.</summary>
public sealed class DeadLetterTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() =>
        _app = await RunningApp.StartAsync(settings: new Dictionary<string, string?> { ["Helpdesk:Runner:MaxDeliveries"] = "3" });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<Guid> StorePoisonAsync(string queue = Queues.OutboundMail)
    {
        var poisonId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await _app.Service<ITicketStore>().CreateAsync(
            2026,
            protocol => new TicketDraft(
                Ticket.Register(new TicketId(Guid.NewGuid()), protocol, new NewTicket("Assunto", "Texto", EmailAddress.Parse("ana@ifrs.edu.br"), null, Channel.Api, now), now),
                [],
                [new OutboxMessage(poisonId, queue, """{"protocol":"20260000001","not":"an e-mail"}""", now)]),
            TestContext.Current.CancellationToken);
        return poisonId;
    }

    private async Task<List<JsonElement>> DeadLettersAsync() =>
        (await _app.Staff("supervisor", "sara").GetFromJsonAsync<List<JsonElement>>("/api/deadletters", TestContext.Current.CancellationToken))!;

    /// <summary>Polls the dead letters until there are some (10 s at most).</summary>
    private async Task<List<JsonElement>> FirstDeadLettersAsync()
    {
        List<JsonElement> letters = [];
        for (var i = 0; i < 200 && letters.Count == 0; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            letters = await DeadLettersAsync();
        }

        return letters;
    }

    [Fact]
    public async Task A_poison_message_ends_in_dead_letter_with_its_reason_and_a_supervisor_can_replay_it()
    {
        var poisonId = await StorePoisonAsync();

        var letters = await FirstDeadLettersAsync();

        var letter = Assert.Single(letters);
        Assert.Equal(poisonId, letter.GetProperty("id").GetGuid());
        Assert.Equal(Queues.OutboundMail, letter.GetProperty("queue").GetString());
        Assert.Equal("20260000001", letter.GetProperty("protocol").GetString());
        Assert.Equal(3, letter.GetProperty("deliveryCount").GetInt32());
        var reason = letter.GetProperty("reason").GetString()!;
        Assert.StartsWith("MaxDeliveryCountExceeded", reason, StringComparison.Ordinal);
        Assert.Contains("SendRequesterMail answered 400", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("an e-mail", letter.GetRawText(), StringComparison.Ordinal); // the body is not shown

        using var replay = await _app.Staff("supervisor", "sara").PostAsync(new Uri($"/api/deadletters/{poisonId}/replay", UriKind.Relative), JsonBody.Empty, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Empty(await DeadLettersAsync()); // back in line...
        for (var i = 0; i < 200 && letters.Count == 0 || i == 0; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            letters = await DeadLettersAsync();
        }

        Assert.Equal(3, Assert.Single(letters).GetProperty("deliveryCount").GetInt32()); // ...and, still poison, dead again after 3 fresh deliveries
    }

    [Fact]
    public async Task A_poison_hand_off_ends_in_dead_letter_with_the_routing_functions_reason()
    {
        var poisonId = await StorePoisonAsync(Queues.Escalations);

        var letters = await FirstDeadLettersAsync();

        var letter = Assert.Single(letters);
        Assert.Equal(poisonId, letter.GetProperty("id").GetGuid());
        Assert.Equal(Queues.Escalations, letter.GetProperty("queue").GetString());
        Assert.Equal(3, letter.GetProperty("deliveryCount").GetInt32());
        var reason = letter.GetProperty("reason").GetString()!;
        Assert.StartsWith("MaxDeliveryCountExceeded", reason, StringComparison.Ordinal);
        Assert.Contains("RouteEscalation answered 400", reason, StringComparison.Ordinal);
        Assert.Contains("not an escalation", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_supervisors_see_dead_letters()
    {
        using var anonymous = await _app.Client.GetAsync(new Uri("/api/deadletters", UriKind.Relative), TestContext.Current.CancellationToken);
        using var agent = await _app.Staff("agent-l1", "ana").GetAsync(new Uri("/api/deadletters", UriKind.Relative), TestContext.Current.CancellationToken);
        using var unknown = await _app.Staff("supervisor", "sara").PostAsync(new Uri($"/api/deadletters/{Guid.NewGuid()}/replay", UriKind.Relative), JsonBody.Empty, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
