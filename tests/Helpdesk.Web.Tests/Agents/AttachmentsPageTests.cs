using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Web.Tests.Support;
using Microsoft.Playwright;
using MimeKit;

namespace Helpdesk.Web.Tests.Agents;

/// <summary>Issue 20 in the browser: the inline image of an HTML e-mail renders inside the sandboxed mail frame, the
/// files are listed with download links, and the reply form sends a file that reaches the requester's <c>.eml</c>.</summary>
public sealed class AttachmentsPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private RunningApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_inline_image_renders_in_the_sandboxed_frame_and_a_reply_from_the_page_carries_its_file()
    {
        using var posted = await _app.PostEmailAsync(AttachmentMessages.WithFiles("page-files@ifsp.edu.br"));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var protocol = (await posted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("protocol").GetString()!;
        await using var context = await browser.SignedInAsync(_app.BaseAddress, "agent-l1", "ana.n1");
        var page = await context.NewPageAsync();

        await page.GotoAsync("/api/app/tickets/" + protocol);

        var files = page.Locator("ul.attachments").First;
        await Assertions.Expect(files.GetByRole(AriaRole.Link, new() { Name = AttachmentMessages.PdfName })).ToHaveAttributeAsync("download", "");
        await Assertions.Expect(files).ToContainTextAsync("setup.exe · não aceito: tipo de arquivo bloqueado (.exe)");
        await page.GetByText("Ver a mensagem original formatada").ClickAsync();
        var image = page.FrameLocator("iframe.mail-html").Locator("img");
        await Assertions.Expect(image).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/api/tickets/" + protocol + "/attachments/[0-9a-f]{24}/inline\\?"));
        var frame = page.Frames.Single(f => f != page.MainFrame);
        await frame.WaitForFunctionAsync("() => document.images.length === 1 && document.images[0].complete");
        Assert.Equal(AttachmentMessages.InlinePngWidth, await frame.EvaluateAsync<int>("() => document.images[0].naturalWidth"));

        var file = Path.Combine(Path.GetTempPath(), "helpdesk-web-" + Guid.NewGuid().ToString("N"), "orientações.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "Passo a passo.", Ct);
        await page.Locator("#texto-resposta").FillAsync("Segue o passo a passo em anexo.");
        await page.Locator("#anexos-resposta").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar resposta" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Resposta enviada.");
        await Assertions.Expect(page.Locator("li.outbound ul.attachments").Last).ToContainTextAsync("orientações.txt");
        await RunningApp.WaitUntilAsync(() => _app.SentMail().Length == 2, TimeSpan.FromSeconds(10), "the reply e-mail");
        var messages = await Task.WhenAll(_app.SentMail().Select(f => MimeMessage.LoadAsync(f, Ct)));
        var attached = Assert.Single(messages.Single(m => m.Attachments.Any()).Attachments.OfType<MimePart>());
        Assert.Equal("orientações.txt", attached.FileName);
    }
}
