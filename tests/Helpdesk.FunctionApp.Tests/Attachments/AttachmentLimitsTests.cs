using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;
using MimeKit;

namespace Helpdesk.FunctionApp.Tests.Attachments;

/// <summary>Issue 20, section 4: the per-file and per-message limits are settings; a message over them still becomes a
/// ticket, with the refused parts on it and in the acknowledgment. And the drop folder keeps files like the HTTP intake.</summary>
public sealed class AttachmentLimitsTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Attachments:MaxFileBytes"] = "100",
        ["Attachments:MaxMessageBytes"] = "120",
        ["Attachments:BlockedExtensions"] = ".xls",
    });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static string Part(string name, int size) =>
        "--b\r\nContent-Type: application/octet-stream\r\n" +
        $"Content-Disposition: attachment; filename=\"{name}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
        Convert.ToBase64String(Encoding.ASCII.GetBytes(new string('x', size))) + "\r\n";

    [Fact]
    public async Task Parts_over_a_limit_or_of_a_blocked_type_are_refused_and_the_message_still_becomes_a_ticket()
    {
        var raw =
            "From: Maria <maria.silva@ifsp.edu.br>\r\nTo: suporte@helpdesk.local\r\nSubject: Planilhas\r\nMessage-ID: <limits-1@ifsp.edu.br>\r\n" +
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n" +
            "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSeguem os arquivos.\r\n" +
            Part("pequeno.txt", 50) + Part("grande.txt", 150) + Part("sobra.txt", 80) + Part("planilha.xls", 10) + Part("cabe.txt", 60) + "--b--\r\n";

        using var response = await _app.PostEmailAsync(raw);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var protocol = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("protocol").GetString()!;
        var (ticket, _) = await _app.ReadAsync(protocol);
        var message = ticket.GetProperty("messages")[0];
        Assert.Equal(["pequeno.txt", "cabe.txt"], message.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        var refused = message.GetProperty("refusedAttachments").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("reason").GetString());
        Assert.Equal("excede o limite de 100 bytes por arquivo", refused["grande.txt"]);
        Assert.Equal("excede o limite de 120 bytes de anexos por mensagem", refused["sobra.txt"]);
        Assert.Equal("tipo de arquivo bloqueado (.xls)", refused["planilha.xls"]);
        await RunningApp.WaitUntilAsync(() => _app.SentMail().Length == 1, TimeSpan.FromSeconds(10), "the acknowledgment");
        var ack = (await MimeMessage.LoadAsync(_app.SentMail()[0], Ct)).TextBody;
        Assert.Contains("- grande.txt: excede o limite", ack, StringComparison.Ordinal);
        Assert.Contains("- sobra.txt: excede o limite", ack, StringComparison.Ordinal);
        Assert.Contains("- planilha.xls: tipo de arquivo bloqueado (.xls)", ack, StringComparison.Ordinal);
        Assert.DoesNotContain("pequeno.txt", ack, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_dropped_in_the_inbox_folder_keeps_its_files_too()
    {
        Directory.CreateDirectory(_app.InboxFolder);
        var raw =
            "From: Maria <maria.silva@ifsp.edu.br>\r\nTo: suporte@helpdesk.local\r\nSubject: Pelo drop\r\nMessage-ID: <drop-files@ifsp.edu.br>\r\n" +
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n" +
            "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSegue.\r\n" + Part("log.txt", 40) + "--b--\r\n";
        await File.WriteAllTextAsync(Path.Combine(_app.InboxFolder, "with-files.eml"), raw, Ct);

        await RunningApp.WaitUntilAsync(() => File.Exists(Path.Combine(_app.DataDirectory, "mailbox", "processed", "with-files.eml")), TimeSpan.FromSeconds(10), "the drop folder to be read");

        using var again = await _app.PostEmailAsync(raw);
        var protocol = (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("protocol").GetString()!;
        var (ticket, _) = await _app.ReadAsync(protocol);
        var file = Assert.Single(ticket.GetProperty("messages")[0].GetProperty("attachments").EnumerateArray());
        Assert.Equal("log.txt", file.GetProperty("name").GetString());
        Assert.Equal(40, file.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_attachment_routes()
    {
        var document = await _app.Client.GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative), Ct);

        Assert.Contains("\"/api/tickets/{protocol}/attachments/{id}\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/tickets/{protocol}/attachments/{id}/inline\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/tickets/{protocol}/uploads\"", document, StringComparison.Ordinal);
    }
}
