using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Helpdesk.FunctionApp.Tests.Support;

/// <summary>Helpers that speak the agents' ticket API over real HTTP.</summary>
public static class TicketApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens a ticket over the HTTP API: anonymously, or as a level-1 agent when it carries a CPF/CNPJ (only staff
    /// record one).</summary>
    public static async Task<string> OpenAsync(this RunningApp app, string email = "ana.lima@ifrs.edu.br", string subject = "Erro no sistema", string description = "O sistema mostra erro 500.", string? taxId = null)
    {
        var client = taxId is null ? app.Client : app.Staff("agent-l1", "registro.l1");
        using var response = await client.PostAsJsonAsync("/api/tickets", new { subject, description, requesterEmail = email, requesterName = "Ana Lima", channel = "webForm", requesterTaxId = taxId }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("protocol").GetString()!;
    }

    public static async Task<(JsonElement Ticket, string ETag)> ReadAsync(this RunningApp app, string protocol, string role = "supervisor", string? user = null)
    {
        using var response = await app.Staff(role, user).GetAsync(new Uri("/api/tickets/" + protocol, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct), response.Headers.ETag!.Tag);
    }

    /// <summary>POSTs a verb with If-Match (null: none). Returns the response; the caller disposes it.</summary>
    public static async Task<HttpResponseMessage> ActAsync(this RunningApp app, string protocol, string verb, object body, string? etag, string role = "supervisor", string? user = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/tickets/{protocol}/{verb}", UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return await app.Staff(role, user).SendAsync(request, Ct);
    }

    /// <summary>Reads the ticket for its ETag, then acts; asserts 200 and returns the new ticket.</summary>
    public static async Task<JsonElement> DoAsync(this RunningApp app, string protocol, string verb, object body, string role = "supervisor", string? user = null)
    {
        var (_, etag) = await app.ReadAsync(protocol, role, user);
        using var response = await app.ActAsync(protocol, verb, body, etag, role, user);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{verb}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    public static async Task<JsonElement> ListAsync(this RunningApp app, string query, string role = "supervisor", string? user = null)
    {
        using var response = await app.Staff(role, user).GetAsync(new Uri("/api/tickets?" + query, UriKind.Relative), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"list: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    public static List<string> Protocols(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("protocol").GetString()!)];

    public static string[] SentMail(this RunningApp app) =>
        Directory.Exists(app.SentMailFolder) ? Directory.GetFiles(app.SentMailFolder, "*.eml") : [];
}
