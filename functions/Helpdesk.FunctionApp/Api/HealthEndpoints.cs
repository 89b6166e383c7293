using Helpdesk.Application.Ports;

namespace Helpdesk.FunctionApp.Api;

/// <summary><c>GET /api/health</c>: 200 when the store answers, 503 otherwise.</summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", CheckAsync).WithTags("Health").WithName("Health");
    }

    internal static async Task<IResult> CheckAsync(IAvailabilityLog availability, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            await availability.CountHeartbeatsAsync(now.AddMinutes(-1), now, cancellationToken).ConfigureAwait(false);
            return Results.Ok(new { status = "ok", at = now });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Results.Problem(detail: "O armazenamento não respondeu.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Indisponível");
        }
    }
}
