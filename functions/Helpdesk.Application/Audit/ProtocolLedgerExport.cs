using Helpdesk.Application.Finance.Formats;
using System.Text.Json;
using Helpdesk.Application.Finance;
using Helpdesk.Domain.Audit;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Audit;

/// <summary>A year's protocol ledger as exported for offline audits (<c>/api/audit/ledger</c>): the last number handed
/// out and the documented voids. The tickets' numbers are not repeated here: an offline check takes them from the raw
/// histories it verifies.</summary>
public sealed record ProtocolLedgerExport(int Year, int LastCounter, IReadOnlyList<ProtocolVoid> Voids)
{
    private static readonly JsonSerializerOptions ReadOptions = new(JsonDefaults.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Reads a ledger document; a malformed one throws <see cref="InputFormatException"/> naming
    /// <paramref name="name"/> and the field.</summary>
    public static ProtocolLedgerExport Parse(string text, string name)
    {
        ProtocolLedgerExport? ledger;
        try
        {
            ledger = JsonSerializer.Deserialize<ProtocolLedgerExport>(text, ReadOptions);
        }
        catch (JsonException ex)
        {
            throw InputFormatException.FromJson(name, ex);
        }

        if (ledger is null)
        {
            throw new InputFormatException($"{name}: a ledger object is expected");
        }

        if (ledger.Year is < 2000 or > 9999)
        {
            throw new InputFormatException($"{name}: year: a year has four digits");
        }

        if (ledger.LastCounter is < 0 or > ProtocolNumber.MaxCounter)
        {
            throw new InputFormatException($"{name}: lastCounter: counters run from 0 to {ProtocolNumber.MaxCounter}");
        }

        for (var i = 0; i < ledger.Voids.Count; i++)
        {
            if (ledger.Voids[i] is not { } v || !ProtocolNumber.TryParse(v.Protocol, out var protocol) || protocol.Year != ledger.Year)
            {
                throw new InputFormatException($"{name}: voids[{i}].protocol: a protocol number of {ledger.Year} is expected");
            }
        }

        return ledger;
    }
}
