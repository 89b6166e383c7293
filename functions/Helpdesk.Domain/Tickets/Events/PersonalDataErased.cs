namespace Helpdesk.Domain.Tickets.Events;

/// <summary>
/// The requester's personal data was erased from this ticket's history (LGPD art. 18 VI, or the end of the retention
/// period: art. 16). Who and when are the entry's own actor and instant; <see cref="Basis"/> is
/// <c>dataSubjectRequest</c> or <c>retention</c>; <see cref="Reason"/> the officer's note (identifiers scrubbed).
/// <see cref="Entries"/> seals every entry the erasure rewrote: its sequence and the SHA-256 of its rewritten form, so
/// that the chain still verifies without the erased content (docs/decisions/ADR-023). No personal data.
/// </summary>
public sealed record PersonalDataErased(string Basis, string Reason, IReadOnlyList<ErasedEntry> Entries) : TicketEventData
{
    public const string DataSubjectRequest = "dataSubjectRequest";
    public const string Retention = "retention";

    public override string Kind => "personalDataErased";
}

/// <summary>One rewritten history entry: its sequence and <see cref="History.ErasureSeal.Digest"/> of its new form.</summary>
public sealed record ErasedEntry(int Sequence, string Digest);
