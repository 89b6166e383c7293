using System.Net;
using System.Text.Json;
using Helpdesk.Application.Notifications;
using Helpdesk.Infrastructure.Teams;

namespace Helpdesk.FunctionApp.Tests.Notifications;

/// <summary>The Workflows webhook adapter against a real HTTP receiver on loopback.</summary>
public sealed class TeamsNotifierTests
{
    private static readonly GroupNotification Escalated = new(
        "escalated", "20260000042", "Erro no sistema de matrículas", "n2-sistemas", "bruno", "6 h 30 min úteis", "falha no banco de dados",
        new Uri("http://localhost:7071/api/app/tickets/20260000042"));

    private static HttpListener StartReceiver(out Uri address) => Support.WebhookReceiver.StartListener(out address);

    [Fact]
    public async Task The_card_reaches_the_webhook_with_protocol_subject_remaining_time_and_link()
    {
        using var listener = StartReceiver(out var address);
        using var http = new HttpClient();
        var notifier = new WorkflowWebhookTeamsNotifier(http, address);
        var receive = listener.GetContextAsync();

        var send = notifier.NotifyAsync(Escalated, TestContext.Current.CancellationToken);
        var context = await receive;
        using var reader = new StreamReader(context.Request.InputStream);
        var body = JsonDocument.Parse(await reader.ReadToEndAsync(TestContext.Current.CancellationToken)).RootElement;
        context.Response.StatusCode = 202;
        context.Response.Close();
        await send;

        Assert.Equal("POST", context.Request.HttpMethod);
        Assert.Equal("message", body.GetProperty("type").GetString());
        var attachment = body.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        var text = card.GetRawText();
        Assert.Contains("20260000042", text, StringComparison.Ordinal);
        Assert.Contains("Erro no sistema de matr", text, StringComparison.Ordinal);
        Assert.Contains("6 h 30 min", text, StringComparison.Ordinal);
        Assert.Equal("http://localhost:7071/api/app/tickets/20260000042", card.GetProperty("actions")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_failing_webhook_throws_so_the_queue_retries()
    {
        using var listener = StartReceiver(out var address);
        using var http = new HttpClient();
        var notifier = new WorkflowWebhookTeamsNotifier(http, address);
        var receive = listener.GetContextAsync();

        var send = notifier.NotifyAsync(Escalated, TestContext.Current.CancellationToken);
        var context = await receive;
        context.Response.StatusCode = 500;
        context.Response.Close();

        await Assert.ThrowsAsync<HttpRequestException>(() => send);
    }
}
