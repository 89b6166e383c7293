using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Helpdesk.FunctionApp.Identity;

/// <summary>
/// Whether the development sign-in (<c>X-Dev-Role</c> headers and cookies, the sign-in page) is on: only in the
/// Development environment, embedded mode (<see cref="HelpdeskAuthenticationOptions.DevelopmentSignInEnabled"/>), and
/// only while every address the server listens on is a loopback address. <c>--urls http://0.0.0.0:7071</c> (or any
/// other reachable address) turns it off, so that a local run never hands the admin role to the network.
/// </summary>
public sealed partial class DevelopmentSignIn(IOptionsMonitor<HelpdeskAuthenticationOptions> options, IServer server, ILogger<DevelopmentSignIn> logger)
{
    private bool? _loopbackOnly;

    public bool IsEnabled => options.Get(HelpdeskAuthenticationHandler.SchemeName).DevelopmentSignInEnabled && LoopbackOnly();

    private bool LoopbackOnly()
    {
        if (_loopbackOnly is { } known)
        {
            return known;
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (addresses.Count == 0)
        {
            return false; // not listening yet: decide once the addresses are known
        }

        var exposed = addresses.FirstOrDefault(a => !IsLoopback(a));
        if (exposed is not null)
        {
            LogOff(logger, exposed);
        }

        _loopbackOnly = exposed is null;
        return _loopbackOnly.Value;
    }

    /// <summary>True for <c>http://localhost:7071</c>, <c>http://127.0.0.1:0</c>, <c>http://[::1]:80</c>; false for
    /// <c>0.0.0.0</c>, <c>[::]</c>, <c>*</c>, <c>+</c> and any host name or other address.</summary>
    public static bool IsLoopback(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd >= 0 ? address[(schemeEnd + 3)..] : address;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var hostPort = slash >= 0 ? rest[..slash] : rest;
        string host;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            host = close > 0 ? hostPort[1..close] : hostPort;
        }
        else
        {
            var colon = hostPort.LastIndexOf(':');
            host = colon >= 0 ? hostPort[..colon] : hostPort;
        }

        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development sign-in is off: the app listens on {Address}, which is not a loopback address")]
    private static partial void LogOff(ILogger logger, string address);
}
