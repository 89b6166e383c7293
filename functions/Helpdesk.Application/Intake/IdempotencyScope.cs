using System.Security.Cryptography;
using System.Text;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Intake;

/// <summary>
/// Who owns an idempotency key, and the hash of the request it was used with. Keys are per caller: a signed-in member
/// of staff (<see cref="Staff"/>), anonymous API callers (<see cref="Anonymous"/>, one scope: they cannot be told
/// apart) and the public form (<see cref="PublicForm"/>, whose keys are its own per-page submission ids). So an anonymous
/// caller can never claim a key first and swallow a staff request; and within a scope the same key with another body is
/// refused, never answered with the first ticket.
/// </summary>
public static class IdempotencyScope
{
    public const string Anonymous = "anonymous";

    public const string PublicForm = "public-form";

    public static string Staff(string userId) => "staff:" + userId;

    /// <summary>SHA-256 (hex) over the request's fields as registered, one per line in a fixed order: two bodies that
    /// register the same ticket have the same hash whatever their JSON formatting.</summary>
    public static string BodyHash(NewTicket request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var canonical = string.Join(
            '\n',
            request.Subject,
            request.Description,
            request.RequesterEmail.Value,
            request.RequesterName ?? string.Empty,
            request.Channel.ToString(),
            request.RequesterTaxId?.Value ?? string.Empty,
            request.Uf?.Code ?? string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
