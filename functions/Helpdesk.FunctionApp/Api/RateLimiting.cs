using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Helpdesk.FunctionApp.Web;
using Microsoft.AspNetCore.RateLimiting;

namespace Helpdesk.FunctionApp.Api;

/// <summary>Limits on what anyone may do without signing in (the public form, the anonymous ticket API).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests to open a ticket accepted per client address and window.</summary>
    public int AnonymousIntakePermitLimit { get; set; } = 20;

    public TimeSpan AnonymousIntakeWindow { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// The ASP.NET Core rate limiter with the policy <see cref="AnonymousIntake"/>: a fixed window per client address,
/// counting only requests that can open a ticket (POST). Whoever else needs the policy uses the same name.
/// </summary>
public static class RateLimiting
{
    public const string AnonymousIntake = "anonymous-intake";

    public static IServiceCollection AddHelpdeskRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new RateLimitOptions();
        configuration.GetSection("Helpdesk:RateLimits").Bind(options);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = OnRejectedAsync;
            limiter.AddPolicy(AnonymousIntake, context =>
                HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("read")
                    : RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.AnonymousIntakePermitLimit,
                        Window = options.AnonymousIntakeWindow,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
        });
        return services;
    }

    /// <summary>
    /// The caller's address. Behind the Functions host every request comes from loopback; the platform's front end
    /// appends the real client to X-Forwarded-For, so the last entry is the one a caller cannot forge.
    /// </summary>
    internal static string ClientAddress(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null || IPAddress.IsLoopback(remote))
        {
            var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
            var last = forwarded.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            if (last is not null)
            {
                return last;
            }
        }

        return remote?.ToString() ?? "unknown";
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var detail = $"Muitas solicitações em pouco tempo a partir deste endereço. Tente novamente em {minutes} minuto(s).";
        if (WebRoutes.IsWebPath(http.Request.Path))
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(ErrorPage.Render("Muitas solicitações", detail), cancellationToken).ConfigureAwait(false);
            return;
        }

        await Results.Problem(detail: detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Muitas solicitações", type: "https://helpdesk.local/problems/too-many-requests")
            .ExecuteAsync(http).ConfigureAwait(false);
    }
}
