namespace Helpdesk.Application.Privacy;

/// <summary>Every ticket of the requester is kept under a legal obligation (LGPD art. 16, I: the regulator's records,
/// seed 002): nothing was anonymized (HTTP 409, which says until when each is kept).</summary>
public sealed class LegalRetentionException(IReadOnlyList<KeptTicket> kept)
    : Exception("The requester's tickets are kept under a legal obligation (LGPD art. 16, I).")
{
    public IReadOnlyList<KeptTicket> Kept { get; } = kept;
}
