using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Api;

public sealed class TicketsApiTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static object ValidTicket(string subject = "Pedido de acesso") => new
    {
        subject,
        description = "Preciso de acesso ao módulo de relatórios.",
        requesterEmail = "Ana.Lima@IFRS.edu.br",
        requesterName = "Ana Lima",
        channel = "webForm",
    };

    [Fact]
    public async Task Creating_a_ticket_returns_201_with_its_protocol_and_location()
    {
        using var response = await _app.Client.PostAsJsonAsync("/api/tickets", ValidTicket(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var protocol = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("protocol").GetString()!;
        Assert.Equal("/api/tickets/" + protocol, response.Headers.Location?.OriginalString);

        using var read = await _app.Staff().GetAsync(response.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.NotNull(read.Headers.ETag);
        var ticket = await read.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(protocol, ticket.GetProperty("protocol").GetString());
        Assert.Equal("new", ticket.GetProperty("status").GetString());
        Assert.Equal("Pedido de acesso", ticket.GetProperty("subject").GetString());
        Assert.Equal("Ana.Lima@ifrs.edu.br", ticket.GetProperty("requesterEmail").GetString());
        Assert.Equal("api", ticket.GetProperty("channel").GetString()); // anonymous: always api, whatever it names
        var messages = ticket.GetProperty("messages");
        Assert.Equal("Preciso de acesso ao módulo de relatórios.", messages[0].GetProperty("text").GetString());
        Assert.EndsWith("-03:00", ticket.GetProperty("registeredAt").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("inPerson")]
    [InlineData("letter")]
    [InlineData("email")]
    [InlineData("chat")]
    public async Task An_anonymous_caller_cannot_record_a_staff_channel(string channel)
    {
        using var response = await _app.Client.PostAsJsonAsync("/api/tickets", new { subject = "x", description = "y", requesterEmail = "a@ifrs.edu.br", channel }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await TicketApi.ProblemAsync(response)).GetProperty("errors");
        Assert.Contains("Somente a equipe", errors.GetProperty("channel")[0].GetString(), StringComparison.Ordinal);
        Assert.EndsWith("0000001", await _app.OpenAsync(), StringComparison.Ordinal); // nothing was registered
    }

    [Fact]
    public async Task An_anonymous_caller_cannot_record_a_cpf_in_the_regulators_record()
    {
        using var response = await _app.Client.PostAsJsonAsync("/api/tickets", new { subject = "x", description = "y", requesterEmail = "a@ifrs.edu.br", requesterTaxId = "529.982.247-25" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await TicketApi.ProblemAsync(response)).GetProperty("errors").TryGetProperty("requesterTaxId", out _));
    }

    [Fact]
    public async Task An_anonymous_request_without_a_channel_is_api_and_staff_record_the_channel_and_cpf_they_name()
    {
        using var anonymous = await _app.Client.PostAsJsonAsync("/api/tickets", new { subject = "x", description = "y", requesterEmail = "a@ifrs.edu.br" }, TestContext.Current.CancellationToken);
        using var byPhone = await _app.Staff("agent-l1", "ana.l1").PostAsJsonAsync("/api/tickets", new { subject = "Ligação", description = "Pediu segunda via.", requesterEmail = "b@ifrs.edu.br", channel = "phone", requesterTaxId = "529.982.247-25" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byPhone.StatusCode);
        var (a, _) = await _app.ReadAsync((await anonymous.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("protocol").GetString()!);
        var (b, _) = await _app.ReadAsync((await byPhone.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("protocol").GetString()!);
        Assert.Equal("api", a.GetProperty("channel").GetString());
        Assert.Equal("phone", b.GetProperty("channel").GetString());
        Assert.Equal("529.982.247-25", b.GetProperty("requesterTaxId").GetString());
    }

    [Fact]
    public async Task Invalid_input_gets_problem_details_naming_each_field_and_writes_nothing()
    {
        using var bad = await _app.Client.PostAsJsonAsync(
            "/api/tickets",
            new { subject = "", description = 42, requesterEmail = "not-an-address", channel = "fax" },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("subject", out _));
        Assert.True(errors.TryGetProperty("description", out _));
        Assert.True(errors.TryGetProperty("requesterEmail", out _));
        Assert.True(errors.TryGetProperty("channel", out _));

        // Nothing half-written: the rejected request consumed no protocol number.
        using var first = await _app.Client.PostAsJsonAsync("/api/tickets", ValidTicket(), TestContext.Current.CancellationToken);
        var protocol = (await first.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("protocol").GetString()!;
        Assert.EndsWith("0000001", protocol, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    public async Task A_body_that_is_not_a_json_object_gets_400(string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await _app.Client.PostAsync(new Uri("/api/tickets", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("20260009999")]
    [InlineData("not-a-protocol")]
    public async Task An_unknown_protocol_is_404(string protocol)
    {
        using var response = await _app.Staff().GetAsync(new Uri("/api/tickets/" + protocol, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_same_idempotency_key_opens_one_ticket()
    {
        async Task<HttpResponseMessage> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/tickets", UriKind.Relative)) { Content = JsonContent.Create(ValidTicket()) };
            request.Headers.Add("Idempotency-Key", "form-submission-77");
            return await _app.Client.SendAsync(request, TestContext.Current.CancellationToken);
        }

        using var first = await PostAsync();
        using var second = await PostAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("protocol").GetString(),
            (await second.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("protocol").GetString());
    }

    private async Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/tickets", UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_anonymous_caller_cannot_claim_a_key_first_and_swallow_a_staff_request()
    {
        using var anonymous = await PostWithKeyAsync(_app.Client, "lote-2026-11-24", ValidTicket("Pedido anônimo"));
        using var staff = await PostWithKeyAsync(_app.Staff("agent-l1", "ana.l1"), "lote-2026-11-24", new { subject = "Ligação registrada", description = "Pediu segunda via.", requesterEmail = "b@ifrs.edu.br", channel = "phone" });

        Assert.Equal(HttpStatusCode.Created, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Created, staff.StatusCode);
        var a = (await anonymous.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("protocol").GetString()!;
        var s = (await staff.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("protocol").GetString()!;
        Assert.NotEqual(a, s);
        Assert.Equal("Ligação registrada", (await _app.ReadAsync(s)).Ticket.GetProperty("subject").GetString());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_naming_the_key_and_registers_nothing()
    {
        using var first = await PostWithKeyAsync(_app.Client, "pedido-9", ValidTicket("Primeiro"));
        using var other = await PostWithKeyAsync(_app.Client, "pedido-9", ValidTicket("Outro conteúdo"));
        using var same = await PostWithKeyAsync(_app.Client, "pedido-9", ValidTicket("Primeiro"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal((HttpStatusCode)422, other.StatusCode);
        Assert.True((await TicketApi.ProblemAsync(other)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        var page = await _app.ListAsync("pageSize=100");
        Assert.Single(TicketApi.Protocols(page));
    }

    [Fact]
    public async Task Concurrent_requests_get_unique_sequential_protocols_without_gaps()
    {
        var tasks = Enumerable.Range(0, 40).Select(async i =>
        {
            using var response = await _app.Client.PostAsJsonAsync("/api/tickets", ValidTicket("Pedido " + i), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("protocol").GetString()!;
        });

        var protocols = await Task.WhenAll(tasks);

        var counters = protocols.Select(p => int.Parse(p[4..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 40), counters);
    }

    [Fact]
    public async Task The_dev_role_header_is_accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/tickets", UriKind.Relative)) { Content = JsonContent.Create(ValidTicket()) };
        request.Headers.Add("X-Dev-Role", "admin");
        using var response = await _app.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
