using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Helpdesk.Domain.Tickets.History;

/// <summary>
/// The seal of an entry rewritten by an erasure: SHA-256 over everything the entry holds after the rewrite, its stored
/// links included (sequence, instant, actor, canonical data, previous hash, own hash). The erasure event that lists it is
/// itself chained and hashed, so a sealed entry edited afterwards, or a link moved, breaks verification as before.
/// </summary>
public static class ErasureSeal
{
    public static string Digest(TicketEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var text = string.Join(
            '\n',
            "erasure-seal-1",
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            e.Actor.Kind,
            e.Actor.Id,
            JsonSerializer.Serialize(e.Data, EventHasher.CanonicalJson),
            e.PreviousHash,
            e.Hash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
