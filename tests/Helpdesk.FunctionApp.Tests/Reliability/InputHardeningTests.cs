using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Helpdesk.Application.Notifications;
using Helpdesk.FunctionApp.Hosting;
using Helpdesk.FunctionApp.Identity;
using Helpdesk.FunctionApp.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Helpdesk.FunctionApp.Tests.Reliability;

/// <summary>Each input that could fail a message, reach the wrong route or
/// be forged from another site gets a clear answer.</summary>
public sealed class InputHardeningTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_HTML_only_message_with_pathological_markup_still_becomes_a_ticket_with_its_text()
    {
        // 150,000 unclosed <style> tags: the old regexes went quadratic on it and timed out (500, message lost).
        var html = string.Concat(Enumerable.Repeat("<style>", 150_000)) + "<p>Preciso de acesso</p>";
        var raw = "From: Ana <ana@ifsp.edu.br>\r\nTo: suporte@helpdesk.local\r\nMessage-ID: <patho-html@ifsp.edu.br>\r\nSubject: Acesso\r\n" +
                  "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
                  "<html><body><div>Bom dia,<br>n\u00e3o consigo entrar &amp; preciso de ajuda.</div>" +
                  "<script>var x = '<p>n\u00e3o \u00e9 texto</p>';</script>" + string.Concat(Enumerable.Repeat("<b><i>", 20_000)) + "fim</body></html>\r\n";

        using var response = await _app.PostEmailAsync(raw);
        using var pathological = await _app.PostEmailAsync(raw.Replace("<patho-html@ifsp.edu.br>", "<patho-html-2@ifsp.edu.br>", StringComparison.Ordinal)
            .Replace("<html><body>", html, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(HttpStatusCode.Created, pathological.StatusCode);
        var protocol = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("protocol").GetString();
        var ticket = await (await _app.Staff("agent-l1").GetAsync(new Uri("/api/tickets/" + protocol, UriKind.Relative), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var text = ticket.GetProperty("messages")[0].GetProperty("text").GetString();
        Assert.Contains("n\u00e3o consigo entrar & preciso de ajuda.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("var x", text, StringComparison.Ordinal); // script content is not text
        Assert.EndsWith("fim", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(300 * 1024)]
    [InlineData(33 * 1024 * 1024)]
    public async Task An_intake_body_over_its_limit_is_413_problem_details_and_opens_nothing(int bytes)
    {
        var json = "{\"subject\":\"Grande\",\"requesterEmail\":\"ana@ifrs.edu.br\",\"description\":\"" + new string('a', bytes) + "\"}";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/tickets", UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true; // the server refuses on Content-Length before the upload (no broken pipe)

        using var response = await _app.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var list = await _app.Staff().GetAsync(new Uri("/api/tickets", UriKind.Relative), Ct);
        Assert.DoesNotContain("Grande", await list.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chunked_intake_body_over_the_limit_is_413_too()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"subject\":\"x\",\"description\":\"" + new string('a', 400 * 1024) + "\"}")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/tickets", UriKind.Relative)) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _app.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_Graph_webhook_and_the_public_form_have_their_own_limits()
    {
        using var graph = new StringContent("{\"value\":[]," + new string(' ', 1024 * 1024) + "}", Encoding.UTF8, "application/json");
        using var form = new FormUrlEncodedContent([new("Subject", "x"), new("Description", new string('a', 300 * 1024))]);

        using var graphRequest = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/graph/notifications", UriKind.Relative)) { Content = graph };
        using var formRequest = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/app/request", UriKind.Relative)) { Content = form };
        graphRequest.Headers.ExpectContinue = true;
        formRequest.Headers.ExpectContinue = true;

        using var graphResponse = await _app.Client.SendAsync(graphRequest, Ct);
        using var formResponse = await _app.Client.SendAsync(formRequest, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, graphResponse.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, formResponse.StatusCode);
        Assert.Equal("application/problem+json", formResponse.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Function_invocation_routes_refuse_callers_without_the_runner_key_and_non_JSON_bodies()
    {
        const string payload = "{\"Data\":{\"message\":\"{}\"},\"Metadata\":{}}";
        using var plain = new StringContent(payload, Encoding.UTF8, "text/plain");
        using var json = new StringContent(payload, Encoding.UTF8, "application/json");
        using var keyedPlain = new HttpRequestMessage(HttpMethod.Post, new Uri("/SendRequesterMail", UriKind.Relative)) { Content = new StringContent(payload, Encoding.UTF8, "text/plain") };
        keyedPlain.Headers.Add(Invocation.InvocationKey.Header, _app.Service<Invocation.InvocationKey>().Value);

        using var crossSite = await _app.Client.PostAsync(new Uri("/SendRequesterMail", UriKind.Relative), plain, Ct);
        using var noKey = await _app.Client.PostAsync(new Uri("/SendRequesterMail", UriKind.Relative), json, Ct);
        using var notJson = await _app.Client.SendAsync(keyedPlain, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.False(Directory.Exists(_app.SentMailFolder) && Directory.EnumerateFiles(_app.SentMailFolder).Any(), "no mail may be sent");
    }

    [Fact]
    public async Task The_development_sign_in_is_off_when_the_app_listens_beyond_loopback()
    {
        await using var exposed = await RunningApp.StartAsync(settings: new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:0" });
        var port = exposed.BaseAddress.Port;
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/tickets", UriKind.Relative));
        request.Headers.Add(HelpdeskAuthenticationHandler.DevRoleHeader, "admin");

        using var asAdmin = await client.SendAsync(request, Ct);
        using var signInPage = await client.GetAsync(new Uri("/api/app/dev-sign-in", UriKind.Relative), Ct);
        using var loopbackOnly = await _app.Staff("admin").GetAsync(new Uri("/api/tickets", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, asAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, signInPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, loopbackOnly.StatusCode); // the same environment on 127.0.0.1 keeps it
    }

    [Theory]
    [InlineData("http://localhost:7071", true)]
    [InlineData("http://127.0.0.1:0", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://0.0.0.0:7071", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://*:80", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://192.168.0.10:7071", false)]
    [InlineData("http://helpdesk.example:7071", false)]
    public void Only_loopback_addresses_count_as_loopback(string address, bool loopback) =>
        Assert.Equal(loopback, DevelopmentSignIn.IsLoopback(address));

    [Theory]
    [InlineData("/api/tickets/%2e%2e/mailbox/messages")]
    [InlineData("/api/tickets/%2E%2E/mailbox/messages")]
    [InlineData("/api/tickets/.%2e/mailbox/messages")]
    [InlineData("/api/tickets/../mailbox/messages")]
    [InlineData("/api/./mailbox/messages")]
    public async Task Dot_segments_in_the_raw_path_are_refused(string target)
    {
        var message = Emails.Plain("dots@ifsp.edu.br");

        var (status, _) = await RawPostAsync(target, "message/rfc822", message);

        Assert.Equal(400, status);
        using var again = await _app.PostEmailAsync(message);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode); // the message had not been taken through the dotted path
    }

    [Theory]
    [InlineData("/api/kb/{0}/uses")]
    [InlineData("/api/deadletters/{0}/replay")]
    public async Task Body_less_writes_need_JSON_or_a_custom_header(string template)
    {
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Guid.NewGuid());
        var staff = _app.Staff("supervisor");
        using var form = new FormUrlEncodedContent([]);
        using var text = new StringContent("x", Encoding.UTF8, "text/plain");
        using var withHeader = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        withHeader.Headers.Add("X-Requested-With", "fetch");

        using var asForm = await staff.PostAsync(new Uri(path, UriKind.Relative), form, Ct);
        using var asText = await staff.PostAsync(new Uri(path, UriKind.Relative), text, Ct);
        using var bare = await staff.PostAsync(new Uri(path, UriKind.Relative), null, Ct);
        using var json = await staff.PostAsync(new Uri(path, UriKind.Relative), JsonBody.Empty, Ct);
        using var header = await staff.SendAsync(withHeader, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, asForm.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, asText.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, bare.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, json.StatusCode); // through to the endpoint: no such article or letter
        Assert.Equal(HttpStatusCode.NotFound, header.StatusCode);
    }

    [Fact]
    public void Teams_cards_show_the_subject_and_reason_literally()
    {
        var card = AdaptiveCardComposer.Compose(new GroupNotification(
            "escalated", "20260000042", "[Clique aqui](https://evil.example) **URGENTE**", "n2", null, null, "_motivo_ # título\n- item",
            new Uri("http://localhost:7071/api/app/tickets/20260000042")));
        var facts = card["attachments"]![0]!["content"]!["body"]![1]!["facts"]!.AsArray()
            .ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>());

        Assert.Equal(@"\[Clique aqui\]\(https://evil\.example\) \*\*URGENTE\*\*", facts["Assunto"]);
        Assert.Equal(@"\_motivo\_ \# título \- item", facts["Motivo"]);
    }

    [Theory]
    [InlineData("203.0.113.7", 1, "203.0.113.7")]
    [InlineData("198.51.100.1, 203.0.113.7:50123", 1, "203.0.113.7")] // the client's own entry first, the platform's last
    [InlineData("198.51.100.1, 203.0.113.7", 2, "198.51.100.1")]
    [InlineData("spoofed-value-1", 1, "127.0.0.1")] // not an address: the shared bucket, never a key of the caller's choosing
    [InlineData("203.0.113.7", 2, "127.0.0.1")] // fewer entries than trusted hops
    [InlineData("[2001:db8::7]:443", 1, "2001:db8::7")]
    public void The_rate_limit_keys_on_the_address_the_trusted_proxy_appended(string forwardedFor, int hops, string expected)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;

        Assert.Equal(expected, AgentApi.ClientAddress(context, HostingMode.FunctionsHost, hops));
    }

    [Fact]
    public async Task A_principal_without_a_known_role_is_rate_limited_like_an_anonymous_caller()
    {
        await using var app = await RunningApp.StartAsync(asFunctionsHost: true, settings: new Dictionary<string, string?>
        {
            ["WEBSITE_AUTH_ENABLED"] = "true",
            ["RateLimiting:Intake:PermitLimit"] = "2",
            ["RateLimiting:Intake:WindowSeconds"] = "3600",
            ["Survey:SigningKey"] = new string('k', 40),
        });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/tickets", UriKind.Relative))
            {
                Content = JsonContent.Create(new { subject = "S" + i, description = "d", requesterEmail = "ana@ifrs.edu.br", channel = "webForm" }),
            };
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", RunningApp.AppServicePrincipal("someone-without-roles"));
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
            using var response = await app.Client.SendAsync(request, Ct);
            statuses.Add(response.StatusCode);
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.TooManyRequests, await response.Content.ReadAsStringAsync(Ct));
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }

    private async Task<(int Status, string Body)> RawPostAsync(string target, string contentType, string body)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_app.BaseAddress.Host, _app.BaseAddress.Port, Ct);
        await using var stream = tcp.GetStream();
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = $"POST {target} HTTP/1.1\r\nHost: {_app.BaseAddress.Authority}\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Ct);
        await stream.WriteAsync(bytes, Ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync(Ct);
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response);
    }
}
