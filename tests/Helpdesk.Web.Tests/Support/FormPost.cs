using System.Net;
using System.Text.RegularExpressions;

namespace Helpdesk.Web.Tests.Support;

/// <summary>A browser-less client for the public form: keeps cookies and reads the hidden fields of a page.</summary>
public sealed partial class FormPost : IDisposable
{
    private readonly HttpClientHandler _handler = new() { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };

    public FormPost(Uri baseAddress) => Client = new HttpClient(_handler) { BaseAddress = baseAddress };

    public HttpClient Client { get; }

    public static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"", RegexOptions.IgnoreCase);
        Assert.True(match.Success, $"The page has no hidden field {name}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, IDictionary<string, string> fields, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await Client.SendAsync(request);
    }

    public void Dispose()
    {
        Client.Dispose();
        _handler.Dispose();
    }
}
