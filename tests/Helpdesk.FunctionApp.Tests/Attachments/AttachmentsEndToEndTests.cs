using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;
using MimeKit;

namespace Helpdesk.FunctionApp.Tests.Attachments;

/// <summary>
/// Issue 20 end to end on the embedded defaults: a real multipart message (inline image, PDFs with RFC 2231 and
/// RFC 2047 names, a PNG, an HTML file, an executable, a name that is a path) becomes a ticket whose JSON lists the
/// files kept and the parts refused; the bytes download identical (SHA-256), always as attachments with nosniff and a
/// sandbox CSP; the page lists them and shows the inline image through a signed same-origin link; a reply with a file
/// produces an <c>.eml</c> carrying it.
/// </summary>
public sealed class AttachmentsEndToEndTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private async Task<(string Protocol, JsonElement Message)> ReceiveAsync(string messageId)
    {
        using var response = await _app.PostEmailAsync(AttachmentMessages.WithFiles(messageId));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var protocol = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("protocol").GetString()!;
        var (ticket, _) = await _app.ReadAsync(protocol);
        return (protocol, ticket.GetProperty("messages")[0]);
    }

    private static JsonElement File(JsonElement message, string name) =>
        message.GetProperty("attachments").EnumerateArray().Single(a => a.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Every_part_is_kept_with_its_decoded_name_type_size_and_hash_and_blocked_ones_are_listed_as_refused()
    {
        var (_, message) = await ReceiveAsync("files-1@ifsp.edu.br");

        var names = message.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.Equal("anexo-1.png", names[0]); // the inline image had no name: a safe one from its position and type
        Assert.Equal([AttachmentMessages.PdfName, "tela.png", AttachmentMessages.SecondPdfName, "pagina.html", "win.ini"], names.Skip(1));
        var pdf = File(message, AttachmentMessages.PdfName);
        Assert.Equal("application/pdf", pdf.GetProperty("contentType").GetString());
        Assert.Equal(AttachmentMessages.Pdf.Length, pdf.GetProperty("size").GetInt64());
        Assert.Equal(Sha(AttachmentMessages.Pdf), pdf.GetProperty("sha256").GetString());
        Assert.Equal(24, pdf.GetProperty("id").GetString()!.Length);
        Assert.Equal(Sha(AttachmentMessages.Html), File(message, "pagina.html").GetProperty("sha256").GetString());
        var refused = Assert.Single(message.GetProperty("refusedAttachments").EnumerateArray());
        Assert.Equal("setup.exe", refused.GetProperty("name").GetString());
        Assert.Contains("bloqueado", refused.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // Same bytes (tela.png and the path-named part) stored once, content-addressed; the executable not at all.
        var stored = Directory.GetFiles(Path.Combine(_app.DataDirectory, "content"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToHashSet();
        Assert.Equal(5, stored.Count);
        Assert.Contains(Sha(AttachmentMessages.Png), stored);
        Assert.DoesNotContain(Sha(AttachmentMessages.Exe), stored);
    }

    [Fact]
    public async Task The_acknowledgment_tells_the_requester_which_files_were_refused()
    {
        await ReceiveAsync("files-ack@ifsp.edu.br");

        await RunningApp.WaitUntilAsync(() => _app.SentMail().Length == 1, TimeSpan.FromSeconds(10), "the acknowledgment");
        var ack = await MimeMessage.LoadAsync(_app.SentMail()[0], Ct);
        Assert.Contains("setup.exe: tipo de arquivo bloqueado (.exe)", ack.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("tela.png", ack.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_delivery_of_the_same_message_changes_nothing()
    {
        var (protocol, _) = await ReceiveAsync("files-twice@ifsp.edu.br");
        var (before, _) = await _app.ReadAsync(protocol);

        using var again = await _app.PostEmailAsync(AttachmentMessages.WithFiles("files-twice@ifsp.edu.br"));

        Assert.Equal("duplicate", (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("outcome").GetString());
        var (after, _) = await _app.ReadAsync(protocol);
        Assert.Equal(before.GetProperty("history").GetArrayLength(), after.GetProperty("history").GetArrayLength());
        Assert.Equal(5, Directory.GetFiles(Path.Combine(_app.DataDirectory, "content"), "*", SearchOption.AllDirectories).Length);
    }

    [Theory]
    [InlineData(AttachmentMessages.PdfName, "application/pdf", "attachment; filename=\"relat_rio t_cnico.pdf\"; filename*=UTF-8''relat%C3%B3rio%20t%C3%A9cnico.pdf")]
    [InlineData("pagina.html", "text/html", "attachment; filename=\"pagina.html\"; filename*=UTF-8''pagina.html")]
    [InlineData("tela.png", "image/png", "attachment; filename=\"tela.png\"; filename*=UTF-8''tela.png")]
    public async Task A_download_is_the_same_bytes_always_as_an_attachment_never_sniffed_and_sandboxed(string name, string contentType, string disposition)
    {
        var (protocol, message) = await ReceiveAsync("files-dl-" + Guid.NewGuid().ToString("N") + "@ifsp.edu.br");
        var file = File(message, name);

        using var response = await _app.Staff("agent-l1").GetAsync(new Uri($"/api/tickets/{protocol}/attachments/{file.GetProperty("id").GetString()}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(file.GetProperty("sha256").GetString(), Sha(bytes));
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(disposition, string.Join(", ", response.Content.Headers.GetValues("Content-Disposition")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("sandbox; default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("not-scanned", Assert.Single(response.Headers.GetValues("X-Malware-Scan")));
    }

    [Fact]
    public async Task Only_roles_that_see_the_ticket_download_only_workers_upload_and_unknown_files_are_404()
    {
        var (protocol, message) = await ReceiveAsync("files-roles@ifsp.edu.br");
        var id = File(message, "tela.png").GetProperty("id").GetString();
        var path = new Uri($"/api/tickets/{protocol}/attachments/{id}", UriKind.Relative);
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "files", "a.bin" } };
        using var upload = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/tickets/{protocol}/uploads", UriKind.Relative)) { Content = form };
        upload.Headers.Add("X-Requested-With", "fetch");

        using var anonymous = await _app.Client.GetAsync(path, Ct);
        using var auditor = await _app.Staff("auditor").GetAsync(path, Ct);
        using var auditorUpload = await _app.Staff("auditor").SendAsync(upload, Ct);
        using var unknown = await _app.Staff().GetAsync(new Uri($"/api/tickets/{protocol}/attachments/{new string('a', 24)}", UriKind.Relative), Ct);
        using var otherTicket = await _app.Staff().GetAsync(new Uri($"/api/tickets/{await _app.OpenAsync()}/attachments/{id}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, auditor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, auditorUpload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherTicket.StatusCode);
        Assert.Contains("anexo", (await TicketApi.ProblemAsync(unknown)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_lists_the_files_with_download_links_and_shows_the_inline_image_through_a_signed_same_origin_link()
    {
        var (protocol, message) = await ReceiveAsync("files-page@ifsp.edu.br");

        var html = await _app.Staff("agent-l1", "ana.l1").GetStringAsync(new Uri("/api/app/tickets/" + protocol, UriKind.Relative), Ct);

        var pdfId = File(message, AttachmentMessages.PdfName).GetProperty("id").GetString();
        Assert.Contains($"href=\"/api/tickets/{protocol}/attachments/{pdfId}\"", html, StringComparison.Ordinal);
        Assert.Contains("relatório técnico.pdf", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("setup.exe", html, StringComparison.Ordinal);
        Assert.Contains("não verificado", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var frame = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "srcdoc=\"([^\"]*)\"").Groups[1].Value);
        Assert.DoesNotContain("cid:", frame, StringComparison.Ordinal);
        var src = System.Text.RegularExpressions.Regex.Match(frame, "src=\"(/api/tickets/[^\"]+/inline\\?[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(src);

        using var image = await _app.Client.GetAsync(new Uri(System.Net.WebUtility.HtmlDecode(src), UriKind.Relative), Ct); // no cookie: the sandboxed frame sends none
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal(Sha(AttachmentMessages.InlinePng), Sha(await image.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Equal("sandbox; default-src 'none'", Assert.Single(image.Headers.GetValues("Content-Security-Policy")));
        using var forged = await _app.Client.GetAsync(new Uri(System.Net.WebUtility.HtmlDecode(src)[..^4] + "0000", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Fact]
    public async Task A_reply_with_an_uploaded_file_produces_an_eml_carrying_it_and_keeps_it_on_the_ticket()
    {
        var (protocol, _) = await ReceiveAsync("files-reply@ifsp.edu.br");
        await RunningApp.WaitUntilAsync(() => _app.SentMail().Length == 1, TimeSpan.FromSeconds(10), "the acknowledgment");
        var content = "Passo a passo para emitir o diploma."u8.ToArray();
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(part, "files", "instruções.txt");
        using var upload = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/tickets/{protocol}/uploads", UriKind.Relative)) { Content = form };
        upload.Headers.Add("X-Requested-With", "fetch");

        using var uploaded = await _app.Staff("supervisor").SendAsync(upload, Ct);

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var stored = (await uploaded.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("uploads")[0];
        Assert.Equal(Sha(content), stored.GetProperty("contentId").GetString());
        var ticket = await _app.DoAsync(protocol, "replies", new
        {
            text = "Segue o passo a passo.",
            attachments = new[] { new { contentId = stored.GetProperty("contentId").GetString(), name = "instruções.txt", contentType = "text/plain" } },
        });

        var sent = ticket.GetProperty("messages").EnumerateArray().Last();
        Assert.Equal("outbound", sent.GetProperty("direction").GetString());
        var kept = Assert.Single(sent.GetProperty("attachments").EnumerateArray());
        Assert.Equal("instruções.txt", kept.GetProperty("name").GetString());
        using var download = await _app.Staff().GetAsync(new Uri($"/api/tickets/{protocol}/attachments/{kept.GetProperty("id").GetString()}", UriKind.Relative), Ct);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync(Ct));
        await RunningApp.WaitUntilAsync(() => _app.SentMail().Length == 2, TimeSpan.FromSeconds(10), "the reply e-mail");
        var messages = await Task.WhenAll(_app.SentMail().Select(f => MimeMessage.LoadAsync(f, Ct)));
        var reply = messages.Single(m => m.Attachments.Any());
        var attached = Assert.IsAssignableFrom<MimePart>(Assert.Single(reply.Attachments));
        Assert.Equal("instruções.txt", attached.FileName);
        using var bytes = new MemoryStream();
        await attached.Content!.DecodeToAsync(bytes, Ct);
        Assert.Equal(content, bytes.ToArray());
        Assert.Contains("Segue o passo a passo.", reply.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_naming_an_unknown_upload_or_a_blocked_name_is_refused_under_attachments()
    {
        var (protocol, _) = await ReceiveAsync("files-bad-reply@ifsp.edu.br");
        var (_, etag) = await _app.ReadAsync(protocol);

        using var unknown = await _app.ActAsync(protocol, "replies", new { text = "Segue.", attachments = new[] { new { contentId = new string('b', 64), name = "a.pdf" } } }, etag);
        using var blocked = await _app.ActAsync(protocol, "replies", new { text = "Segue.", attachments = new[] { new { contentId = Sha(AttachmentMessages.Pdf), name = "a.exe" } } }, etag);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("envie-o de novo", (await TicketApi.ProblemAsync(unknown)).GetProperty("errors").GetProperty("attachments")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, blocked.StatusCode);
        Assert.Contains("bloqueado", (await TicketApi.ProblemAsync(blocked)).GetProperty("errors").GetProperty("attachments")[0].GetString(), StringComparison.Ordinal);
    }
}
