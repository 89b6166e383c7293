using Helpdesk.Application.Finance.Formats;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Helpdesk.Application.Finance;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Application.Audit;

/// <summary>
/// The raw-history export (<c>/api/audit/histories</c>, read back by <c>helpdesk audit</c>): one ticket per line, with
/// its id, protocol, recorded head hash and every stored event (sequence, instant, actor, event data in the canonical
/// form that is hashed, previous hash, hash), and <c>unreadable</c> when the store could not decode an event. The
/// format is documented in docs/audit.md. Reading it back gives the same <see cref="StoredHistory"/> the server
/// verified, so that the same domain verifier (<see cref="HistoryVerification"/>) gives the same verdict offline.
/// </summary>
public static class AuditHistoryJsonl
{
    /// <summary>Event data are written and read exactly as the store writes and reads them (the canonical form that is
    /// hashed), so that a line decodes to the events the server verified and the verdicts agree. The envelope is
    /// checked by hand (<see cref="HistoryLine.Validate"/>), not by stricter options that would also change how event
    /// data decode.</summary>
    private static readonly JsonSerializerOptions Options = EventHasher.CanonicalJson;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string Line(StoredHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var line = new HistoryLine(
            history.Id.ToString(),
            history.Protocol,
            history.HeadHash,
            history.Events,
            history.Unreadable is var (sequence, problem) ? new UnreadableEvent(sequence, problem) : null);
        return JsonSerializer.Serialize(line, Options);
    }

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<StoredHistory> histories, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(histories);
        await using var writer = new StreamWriter(body, Utf8, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\n" };
        var count = 0;
        await foreach (var history in histories.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteLineAsync(Line(history)).ConfigureAwait(false);
            if (++count % 64 == 0)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Streams the histories of an export; blank lines are skipped. A malformed line throws
    /// <see cref="InputFormatException"/> naming <paramref name="name"/>, the line and the field.</summary>
    public static IEnumerable<StoredHistory> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return Parse(line, name, lineNumber);
            }
        }
    }

    /// <summary>Streams the histories of an export file, opening it when enumeration starts and closing it at the end
    /// (each enumeration reads the file afresh).</summary>
    public static IEnumerable<StoredHistory> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        foreach (var history in Read(reader, path))
        {
            yield return history;
        }
    }

    public static StoredHistory Parse(string line, string name, int lineNumber)
    {
        HistoryLine? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<HistoryLine>(line, Options);
        }
        catch (JsonException ex)
        {
            throw InputFormatException.FromJson($"{name}:{lineNumber}", ex);
        }
        catch (NotSupportedException ex)
        {
            // An event's data without its "type" cannot be told apart from any other kind.
            throw new InputFormatException($"{name}:{lineNumber}: events: an event's data has no \"type\" ({ex.Message.Split(" Path:", 2)[0]})");
        }

        if (parsed is null)
        {
            throw new InputFormatException($"{name}:{lineNumber}: a ticket object is expected");
        }

        return parsed.Validate() is { } error ? throw new InputFormatException($"{name}:{lineNumber}: {error}") : parsed.ToHistory();
    }

    private sealed record HistoryLine(
        string? Id,
        string? Protocol,
        string? HeadHash,
        IReadOnlyList<TicketEvent?>? Events,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] UnreadableEvent? Unreadable)
    {
        /// <summary>The first missing or malformed field, named by its path; null when the line is whole. A field
        /// present but wrong (a sequence, an instant, a hash) is left to the chain verifier, which names the event.</summary>
        public string? Validate()
        {
            if (!Guid.TryParseExact(Id, "N", out _))
            {
                return "id: a ticket id is 32 hexadecimal digits";
            }

            if (!ProtocolNumber.TryParse(Protocol, out _))
            {
                return "protocol: a protocol number is 11 digits (year and counter)";
            }

            if (HeadHash is null)
            {
                return "headHash: missing";
            }

            if (Events is null)
            {
                return "events: missing (a list of events is expected)";
            }

            for (var i = 0; i < Events.Count; i++)
            {
                var problem = Events[i] switch
                {
                    null => "an event object is expected",
                    { Actor: null } => "actor: missing",
                    { Actor.Kind: null } => "actor.kind: missing",
                    { Actor.Id: null } => "actor.id: missing",
                    { Data: null } => "data: missing",
                    { PreviousHash: null } => "previousHash: missing",
                    { Hash: null } => "hash: missing",
                    _ => null,
                };
                if (problem is not null)
                {
                    return $"events[{i}]{(problem.Contains(':', StringComparison.Ordinal) ? "." : ": ")}{problem}";
                }
            }

            return Unreadable is { Problem: null } ? "unreadable.problem: missing" : null;
        }

        public StoredHistory ToHistory() =>
            new(TicketId.Parse(Id!), Protocol!, HeadHash!, [.. Events!.Select(e => e!)], Unreadable is { } u ? (u.Sequence, u.Problem) : null);
    }

    private sealed record UnreadableEvent(int Sequence, string Problem);
}
