using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Helpdesk.FunctionApp.Tests.Support;

/// <summary>
/// A small HTTPS proxy (self-signed certificate for 127.0.0.1) in front of a loopback server: the Teams tab's browser
/// test puts the app behind it so that the browser sees an https site; and in front of the loopback Cosmos DB server
/// it adds the response header the real service sends
/// and the stand-in omits: <c>x-ms-cosmos-query-requiresdistribution: false</c> on query responses. Without it the
/// SDK asks for a query plan when a query has a second page (over 1,000 results), which the stand-in cannot answer.
/// Everything else passes unchanged; the Host header is kept, so the account's endpoints name the proxy.
/// A test can also make it hold requests (<see cref="HoldWhen"/>): a held request never reaches the server, and stays
/// open until its client goes away, as when the app dies between two writes (issue 18's kill test).
/// </summary>
public sealed class HttpsProxy : IAsyncDisposable
{
    public const string Header = "x-ms-cosmos-query-requiresdistribution";
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private int _annotated;
    private Func<string, string, byte[], bool>? _hold;
    private TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HttpsProxy(WebApplication app, HttpClient upstream, Uri endpoint)
    {
        _app = app;
        _upstream = upstream;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>Query responses the proxy added the header to.</summary>
    public int Annotated => Volatile.Read(ref _annotated);

    public static async Task<HttpsProxy> StartAsync(Uri upstream)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        var certificate = SelfSignedCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.UseHttps(certificate)));
        var app = builder.Build();
#pragma warning disable CA5359 // the loopback Cosmos server's certificate is self-signed
        var client = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true }, AllowAutoRedirect = false, UseCookies = false });
#pragma warning restore CA5359
        HttpsProxy? proxy = null;
        app.Run(context => proxy!.ForwardAsync(context, upstream));
        await app.StartAsync().ConfigureAwait(false);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        proxy = new HttpsProxy(app, client, new Uri($"https://127.0.0.1:{address.Port}/"));
        return proxy;
    }

    /// <summary>A certificate for 127.0.0.1, valid for a day, for a loopback https server of a test.</summary>
    public static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    /// <summary>From now on, requests for which <paramref name="predicate"/> (method, path, body) is true are held and
    /// never forwarded. The task completes when the first one is held.</summary>
    public Task HoldWhen(Func<string, string, byte[], bool> predicate)
    {
        _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _hold, predicate);
        return _held.Task;
    }

    /// <summary>Stops holding new requests (requests already held stay held).</summary>
    public void HoldNothing() => Volatile.Write(ref _hold, null);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _upstream.Dispose();
    }

    private async Task ForwardAsync(HttpContext context, Uri upstream)
    {
        var incoming = context.Request;
        using var request = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri(upstream, incoming.Path.Value + incoming.QueryString.Value));
        var body = new MemoryStream();
        await incoming.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        if (body.Length > 0 || incoming.ContentLength is not null)
        {
            body.Position = 0;
            request.Content = new StreamContent(body);
        }

        if (Volatile.Read(ref _hold) is { } hold && hold(incoming.Method, incoming.Path.Value ?? "", body.ToArray()))
        {
            _held.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // the client went away (killed): the request never reached the server
            }

            return;
        }

        foreach (var (name, values) in incoming.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values) && request.Content is not null)
            {
                request.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        // As a TLS-terminating front end (the Functions host's) tells the app: the browser's request was https.
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");

        using var response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!string.Equals(name, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        var isQuery = incoming.Headers.TryGetValue("x-ms-documentdb-isquery", out var q) && string.Equals(q.ToString(), "true", StringComparison.OrdinalIgnoreCase);
        if (isQuery && response.IsSuccessStatusCode && !context.Response.Headers.ContainsKey(Header))
        {
            context.Response.Headers[Header] = "false";
            Interlocked.Increment(ref _annotated);
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
