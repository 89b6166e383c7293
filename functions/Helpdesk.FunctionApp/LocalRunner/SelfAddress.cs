using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Helpdesk.FunctionApp.LocalRunner;

/// <summary>The loopback address this server listens on, known once it has started; the runner invokes functions there.</summary>
public sealed class SelfAddress(IServer server, IHostApplicationLifetime lifetime)
{
    public async Task<Uri> WaitAsync(CancellationToken cancellationToken)
    {
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
            using var cancel = cancellationToken.Register(() => started.TrySetCanceled(cancellationToken));
            await started.Task.ConfigureAwait(false);
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault() ?? throw new InvalidOperationException("The server has no address to invoke functions on.");
        var uri = new Uri(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal));
        return uri;
    }
}
