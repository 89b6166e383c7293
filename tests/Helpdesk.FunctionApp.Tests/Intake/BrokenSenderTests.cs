using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Intake;

/// <summary>Raw messages whose sender a mail client broke (issue 18): a certain repair opens the ticket for the repaired
/// address; an address found only in Sender, Reply-To or Return-Path is used; a guessed repair is held with the guess
/// offered to the supervisor. (MimeKit's own parser already reads the first four rows; they stay as a guard of the
/// whole path. Reply-To, Return-Path and the guess were lost or dropped before issue 18.)</summary>
public sealed class BrokenSenderTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static string Raw(string id, string headers) =>
        headers +
        "To: Suporte <suporte@helpdesk.local>\r\n" +
        "Subject: Erro no sistema\r\n" +
        "Date: Tue, 24 Nov 2026 09:12:00 -0300\r\n" +
        $"Message-ID: <{id}>\r\n" +
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBom dia, o sistema mostra erro 500.\r\n";

    [Theory]
    [InlineData("From: Maria Silva <maria.silva@ifsp.edu.br\r\n", "maria.silva@ifsp.edu.br")]
    [InlineData("From: maria.silva@ifsp.edu.br>\r\n", "maria.silva@ifsp.edu.br")]
    [InlineData("From: Maria <maria .silva@ifsp.edu.br>\r\n", "maria.silva@ifsp.edu.br")]
    [InlineData("From: Maria Silva\r\nSender: maria.silva@ifsp.edu.br\r\n", "maria.silva@ifsp.edu.br")]
    [InlineData("From: Maria Silva\r\nReply-To: Maria <maria.silva@ifsp.edu.br>\r\n", "maria.silva@ifsp.edu.br")]
    [InlineData("Return-Path: <maria.silva@ifsp.edu.br>\r\nFrom: Maria Silva\r\n", "maria.silva@ifsp.edu.br")]
    public async Task A_certainly_repaired_sender_opens_a_ticket_for_the_repaired_address(string headers, string requester)
    {
        using var response = await _app.PostEmailAsync(Raw("broken-" + Guid.NewGuid().ToString("N") + "@x.gov.br", headers));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var protocol = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("protocol").GetString()!;
        var (ticket, _) = await _app.ReadAsync(protocol);
        Assert.Equal(requester, ticket.GetProperty("requesterEmail").GetString());
    }

    [Fact]
    public async Task A_guessed_sender_is_held_with_the_guess_for_the_supervisor()
    {
        using var response = await _app.PostEmailAsync(Raw("guess-1@x.gov.br", "From: Maria <maria silva@ifsp.edu.br>\r\n"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("held", body.GetProperty("outcome").GetString());
        Assert.Equal("sender-guessed", body.GetProperty("reason").GetString());
        var held = Assert.Single(await _app.Staff().GetFromJsonAsync<JsonElement[]>("/api/mailbox/held", Ct) ?? []);
        Assert.Equal("mariasilva@ifsp.edu.br", held.GetProperty("suggestedRequester").GetString());
        Assert.Empty(_app.SentMail());
    }
}
