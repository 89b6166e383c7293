using System.Net;
using System.Text.Json;
using Helpdesk.Application.Identity;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Tickets;
using Helpdesk.Domain.Tickets;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Escalation;

/// <summary>
/// The Azure path, playing the Functions host: the documented cosmosDBTrigger and serviceBusTrigger payloads
/// (FUNCTIONS-HOST.md §3, double-encoded strings) posted to /ForwardOutbox, /RouteEscalation and /NotifyTeams, with
/// their Outputs and effects checked; every message is delivered twice and changes things once.
/// </summary>
public sealed class EscalationInvocationTests : IAsyncLifetime
{
    private static readonly AgentIdentity Ana = new("ana.l1", "Ana", new HashSet<string> { Roles.AgentL1 });
    private readonly WebhookReceiver _teams = new();
    private RunningApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _app = await RunningApp.StartAsync(asFunctionsHost: true, settings: new Dictionary<string, string?> { ["Teams:WebhookUrl"] = _teams.Address.ToString() });

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _teams.Dispose();
    }

    private static string HostString(string value) => JsonSerializer.Serialize(JsonSerializer.Serialize(value));

    private static string ServiceBusPayload(string function, string body, Guid messageId, int deliveryCount) =>
        "{\"Data\":{\"msg\":" + HostString(body) + "}," +
        "\"Metadata\":{\"DeliveryCount\":\"" + deliveryCount + "\",\"SequenceNumber\":\"17\",\"MessageId\":" + HostString(messageId.ToString("N")) + "," +
        "\"ContentType\":\"\\\"application/json\\\"\",\"EnqueuedTimeUtc\":\"2026-11-24T10:00:00\",\"EnqueuedTime\":\"2026-11-24T10:00:00+00:00\"," +
        "\"ApplicationProperties\":{},\"UserProperties\":{}," +
        "\"sys\":{\"MethodName\":\"" + function + "\",\"UtcNow\":\"2026-11-24T10:00:01.0123456Z\",\"RandGuid\":\"5b0c2f7e-1111-4a4a-9c9c-000000000001\"}}}";

    private async Task<IReadOnlyList<PendingDelivery>> TakeOutboxAsync() =>
        await _app.Service<IOutboxStore>().TakeDueAsync(DateTimeOffset.UtcNow.AddMinutes(1), 100, TimeSpan.FromMinutes(5), Ct);

    /// <summary>A level-1 incident escalated by an agent: returns it and the hand-off message written with it.</summary>
    private async Task<(Ticket Ticket, PendingDelivery Escalation)> EscalatedIncidentAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var created = await _app.Service<ITicketStore>().CreateAsync(now.Year, p => new TicketDraft(
            Ticket.Register(new TicketId(Guid.NewGuid()), p, new NewTicket("Erro ao salvar matrícula", "Erro 500.", EmailAddress.Parse("ana@ifrs.edu.br"), "Ana", Channel.Api, now), now), [], []), Ct);
        var actions = _app.Service<TicketActions>();
        var target = new TicketTarget(created.Ticket.Protocol, null);
        await actions.AssignAsync(target, Ana, Ana.UserId, null, Ct);
        await actions.ClassifyAsync(target, Ana, "incident", "high", Ct);
        var ticket = await actions.EscalateAsync(target, Ana, null, "Erro 500 ao salvar", Ct);
        var message = Assert.Single(await TakeOutboxAsync());
        Assert.Equal(Queues.Escalations, message.Queue);
        return (ticket, message);
    }

    [Fact]
    public async Task Escalating_writes_the_hand_off_in_the_same_write_as_the_escalated_event()
    {
        var (ticket, message) = await EscalatedIncidentAsync();

        var body = EscalationMessage.FromJson(message.Body);
        Assert.Equal(message.Id, body.OutboxId); // the outbox id travels inside the body
        Assert.Equal(ticket.Id.ToString(), body.TicketId);
        Assert.Equal("Erro 500 ao salvar", body.Reason);
        Assert.False(body.Automatic);
        Assert.Equal("escalated", ticket.History[^1].Data.Kind);
    }

    [Fact]
    public async Task The_change_feed_forwards_a_ticket_items_hand_off_and_card_to_their_queues()
    {
        var (_, message) = await EscalatedIncidentAsync();
        var documents = JsonSerializer.Serialize(new object[]
        {
            new
            {
                id = "5f1d", pk = "5f1d", type = "ticket", version = 7,
                outbox = new object[]
                {
                    new { id = message.Id.ToString("N"), queue = Queues.Escalations, body = message.Body, createdAt = "2026-11-24T10:00:00.0000000+00:00", version = 6 },
                    new { id = "c1", queue = Queues.TeamsNotifications, body = "{\"outboxId\":\"c1\"}", createdAt = "2026-11-24T10:00:01.0000000+00:00", version = 7 },
                },
            },
        });
        var payload = "{\"Data\":{\"documents\":" + HostString(documents) + "},\"Metadata\":{\"sys\":{\"MethodName\":\"ForwardOutbox\",\"UtcNow\":\"2026-11-24T10:00:01Z\",\"RandGuid\":\"5b0c\"}}}";

        using var response = await _app.InvokeAsync("ForwardOutbox", payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outputs = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("Outputs");
        Assert.Equal(message.Body, Assert.Single(outputs.GetProperty("escalations").EnumerateArray()).GetString());
        Assert.Equal("{\"outboxId\":\"c1\"}", Assert.Single(outputs.GetProperty("teamsNotifications").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task A_hand_off_delivered_twice_is_routed_and_assigned_once_and_its_card_posted_once()
    {
        var roster = _app.Service<IAgentRoster>();
        await roster.SetAvailabilityAsync("systems", "bruno.l2", true, 2, DateTimeOffset.UtcNow, Ct);
        await roster.SetAvailabilityAsync("systems", "carla.l2", true, 2, DateTimeOffset.UtcNow, Ct);
        await roster.RecordAssignmentAsync("systems", "bruno.l2", DateTimeOffset.UtcNow, Ct); // carla waited longer
        var (ticket, message) = await EscalatedIncidentAsync();

        using var first = await _app.InvokeAsync("RouteEscalation", ServiceBusPayload("RouteEscalation", message.Body, message.Id, 1));
        using var second = await _app.InvokeAsync("RouteEscalation", ServiceBusPayload("RouteEscalation", message.Body, message.Id, 2));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("AlreadyRouted", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var stored = (await _app.Service<ITicketStore>().GetAsync(ticket.Id, Ct))!;
        Assert.Equal("carla.l2", stored.Assignee);
        Assert.Single(stored.History, e => e.Data.Kind == "escalationRouted");
        var card = Assert.Single(await TakeOutboxAsync()); // one card, written with the routing
        Assert.Equal(Queues.TeamsNotifications, card.Queue);

        using var post1 = await _app.InvokeAsync("NotifyTeams", ServiceBusPayload("NotifyTeams", card.Body, card.Id, 1));
        using var post2 = await _app.InvokeAsync("NotifyTeams", ServiceBusPayload("NotifyTeams", card.Body, card.Id, 2));

        Assert.Equal(HttpStatusCode.OK, post1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, post2.StatusCode);
        var posted = Assert.Single(_teams.Cards);
        Assert.Contains(ticket.Protocol.ToString(), posted, StringComparison.Ordinal);
        Assert.Contains("carla.l2", posted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_routing_changes_nothing_a_hand_off_delivered_twice_writes_no_event_and_queues_one_card()
    {
        var (ticket, message) = await EscalatedIncidentAsync(); // nobody in the roster: the ticket stays with Sistemas

        using var first = await _app.InvokeAsync("RouteEscalation", ServiceBusPayload("RouteEscalation", message.Body, message.Id, 1));
        using var second = await _app.InvokeAsync("RouteEscalation", ServiceBusPayload("RouteEscalation", message.Body, message.Id, 2));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var stored = (await _app.Service<ITicketStore>().GetAsync(ticket.Id, Ct))!;
        Assert.Equal(ticket.CommittedVersion, stored.CommittedVersion);
        var card = Assert.Single(await TakeOutboxAsync());
        Assert.Equal(Queues.TeamsNotifications, card.Queue);
        Assert.Null(TeamsCard.FromJson(card.Body).Notification.Assignee);
    }

    [Fact]
    public async Task A_failing_webhook_fails_the_invocation_so_service_bus_retries()
    {
        var (_, message) = await EscalatedIncidentAsync();
        using var routed = await _app.InvokeAsync("RouteEscalation", ServiceBusPayload("RouteEscalation", message.Body, message.Id, 1));
        var card = Assert.Single(await TakeOutboxAsync());
        _teams.Status = 503;

        using var response = await _app.InvokeAsync("NotifyTeams", ServiceBusPayload("NotifyTeams", card.Body, card.Id, 1));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("503", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"ticketId\":\"T-42\"}")]
    [InlineData("{\"outboxId\":\"5b0c2f7e-1111-4a4a-9c9c-000000000001\",\"ticketId\":\"T-42\",\"protocol\":\"20260000001\",\"reason\":\"x\"}")]
    [InlineData("not json")]
    public async Task A_body_that_is_not_a_hand_off_fails_as_bad_input(string body)
    {
        using var response = await _app.InvokeAsync("RouteEscalation", ServiceBusPayload("RouteEscalation", body, Guid.NewGuid(), 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not an escalation", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hand_off_for_an_unknown_ticket_fails_so_that_it_is_retried_and_dead_lettered()
    {
        var body = new EscalationMessage(Guid.NewGuid(), Guid.NewGuid().ToString("N"), "20260000099", "x", null, false).ToJson();

        using var response = await _app.InvokeAsync("RouteEscalation", ServiceBusPayload("RouteEscalation", body, Guid.NewGuid(), 1));

        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }
}
