using System.Collections.Concurrent;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Helpdesk.FunctionApp.Tests.Support;

/// <summary>A local HTTP receiver standing in for a Teams Workflows webhook: answers every POST with
/// <see cref="Status"/> and keeps the JSON bodies it received.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<JsonElement> _bodies = new();
    private readonly Task _loop;

    public WebhookReceiver()
    {
        _listener = StartListener(out var address);
        Address = address;
        _loop = Task.Run(ServeAsync);
    }

    public Uri Address { get; }

    public int Status { get; set; } = 202;

    public IReadOnlyList<JsonElement> Bodies => [.. _bodies];

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The Adaptive Cards received (the <c>content</c> of each message's first attachment), as JSON text with
    /// non-ASCII characters unescaped, so that tests can look for Portuguese words.</summary>
    public IReadOnlyList<string> Cards => [.. Bodies.Select(b => JsonSerializer.Serialize(b.GetProperty("attachments")[0].GetProperty("content"), Readable))];

    /// <summary>An <see cref="HttpListener"/> on a free loopback port; <paramref name="address"/> is its webhook URL.</summary>
    public static HttpListener StartListener(out Uri address)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20_000, 60_000);
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                address = new Uri($"http://127.0.0.1:{port}/webhook");
                return listener;
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                listener.Close();
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var text = await reader.ReadToEndAsync().ConfigureAwait(false);
                if (Status is >= 200 and < 300)
                {
                    _bodies.Enqueue(JsonDocument.Parse(text).RootElement.Clone());
                }
            }

            context.Response.StatusCode = Status;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
