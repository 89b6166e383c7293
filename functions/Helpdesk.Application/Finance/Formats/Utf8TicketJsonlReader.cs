using System.Buffers;
using System.Text;
using System.Text.Json;
using Helpdesk.Domain.Exports;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Finance.Formats;

/// <summary>
/// The fast reader of a ticket-history export (docs/ticket-export.md): reads the UTF-8 bytes in large pooled blocks
/// and parses each line with a hand-written <see cref="Utf8JsonReader"/> loop, without a <see cref="string"/> per line
/// and with the small repeated strings interned. It reads the export's canonical shape (exact camelCase names, each
/// once; enum values as exported; numbers as JSON numbers; no nulls). Any other line, whether a line it cannot read
/// or one that is wrong, is handed to the reference reader <see cref="TicketJsonlReader"/>. That reader either accepts
/// the line (case-insensitive names, numbers in strings, nulls, ...) or rejects it with its own message naming the
/// line and the field. So both readers accept the same files, give the same records and report the same errors; a
/// differential test checks it.
/// </summary>
public static class Utf8TicketJsonlReader
{
    public const int DefaultBufferSize = 1 << 20;

    /// <param name="stream">The export's bytes.</param>
    /// <param name="name">The file name the errors start with.</param>
    /// <param name="bufferSize">The initial block size; it grows for a longer line (tests make it small to cut lines across blocks).</param>
    public static IEnumerable<ExportedTicket> Read(Stream stream, string name, int bufferSize = DefaultBufferSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 4);
        var buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        var pool = new Utf8StringPool();
        var events = new List<ExportedEvent>();
        try
        {
            var filled = Fill(stream, buffer, 0);
            var eof = filled < buffer.Length;
            if (IsWideByteOrderMark(buffer.AsSpan(0, filled)))
            {
                // UTF-16 or UTF-32 (StreamReader detects them by their mark): rare enough to leave to the reference reader.
                foreach (var record in TicketJsonlReader.Read(new StreamReader(Rest(buffer, filled, stream)), name))
                {
                    yield return record;
                }

                yield break;
            }

            var start = buffer.AsSpan(0, filled).StartsWith("\uFEFF"u8) ? 3 : 0;
            var lineNumber = 0;
            while (true)
            {
                var pending = buffer.AsSpan(start, filled - start);
                var end = pending.IndexOfAny((byte)'\n', (byte)'\r');

                // A line is complete at its terminator; "\r\n" needs the byte after '\r' to be in the buffer.
                if (end < 0 || (pending[end] == (byte)'\r' && end == pending.Length - 1 && !eof))
                {
                    if (eof)
                    {
                        if (pending.Length > 0 && ReadLine(pending, name, ++lineNumber, pool, events) is { } last)
                        {
                            yield return last;
                        }

                        yield break;
                    }

                    // Keep the partial line: move it to the front (or grow the buffer when it fills it) and read on.
                    if (start == 0)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, filled).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    else
                    {
                        pending.CopyTo(buffer);
                        filled = pending.Length;
                        start = 0;
                    }

                    var read = Fill(stream, buffer, filled);
                    eof = filled + read < buffer.Length;
                    filled += read;
                    continue;
                }

                var terminator = end + (pending[end] == (byte)'\r' && end + 1 < pending.Length && pending[end + 1] == (byte)'\n' ? 2 : 1);
                var line = ReadLine(pending[..end], name, ++lineNumber, pool, events);
                start += terminator;
                if (line is not null)
                {
                    yield return line;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>One line: null when blank (skipped, as <see cref="TicketJsonlReader"/> skips it).</summary>
    private static ExportedTicket? ReadLine(ReadOnlySpan<byte> line, string name, int lineNumber, Utf8StringPool pool, List<ExportedEvent> events)
    {
        var content = line.TrimStart(" \t"u8);
        if (content.IsEmpty)
        {
            return null;
        }

        if (content[0] == (byte)'{' && TryParse(line, pool, events) is { } record)
        {
            return record.Validate() is { } error ? throw new InputFormatException($"{name}:{lineNumber}: {error}") : record;
        }

        // Anything else is decided by the reference reader, on the line as StreamReader would have decoded it.
        var text = Encoding.UTF8.GetString(line);
        return string.IsNullOrWhiteSpace(text) ? null : TicketJsonlReader.Parse(text, name, lineNumber);
    }

    /// <summary>
    /// The record of one line (without its terminator) in the export's canonical shape, not yet validated; null when
    /// the line is anything else and <see cref="Read"/> would hand it to the reference reader.
    /// </summary>
    public static ExportedTicket? ParseCanonical(ReadOnlySpan<byte> line) => TryParse(line, new Utf8StringPool(), []);

    private static ExportedTicket? TryParse(ReadOnlySpan<byte> line, Utf8StringPool pool, List<ExportedEvent> events)
    {
        var reader = new Utf8JsonReader(line);
        try
        {
            return ReadTicket(ref reader, pool, events) is { } record && !reader.Read() ? record : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;   // e.g. GetString on invalid UTF-8 or an invalid escaped surrogate
        }
    }

    [Flags]
    private enum Seen
    {
        None = 0,
        Protocol = 1 << 0,
        Channel = 1 << 1,
        Kind = 1 << 2,
        ReceivedAt = 1 << 3,
        RegisteredAt = 1 << 4,
        Category = 1 << 5,
        Priority = 1 << 6,
        Uf = 1 << 7,
        Group = 1 << 8,
        Level = 1 << 9,
        Institution = 1 << 10,
        ResolutionDueAt = 1 << 11,
        ResolutionTarget = 1 << 12,
        ActivityValue = 1 << 13,
        Events = 1 << 14,
        Required = Protocol | Channel | ReceivedAt | RegisteredAt,
    }

    private static ExportedTicket? ReadTicket(ref Utf8JsonReader reader, Utf8StringPool pool, List<ExportedEvent> events)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var seen = Seen.None;
        string? protocol = null;
        ExportedChannel channel = default;
        var kind = TicketKind.Request;
        DateTimeOffset receivedAt = default, registeredAt = default;
        DateTimeOffset? resolutionDueAt = null;
        string category = "", priority = "", uf = "", group = "", institution = "";
        string? resolutionTarget = null;
        var level = 1;
        decimal? activityValue = null;
        IReadOnlyList<ExportedEvent> ticketEvents = [];
        while (true)
        {
            var step = NextProperty(ref reader);
            if (step == Step.End)
            {
                break;
            }

            if (step == Step.Invalid)
            {
                return null;
            }

            var property = TicketProperty(reader.ValueSpan);
            if (property == Seen.None || (seen & property) != 0 || !reader.Read())
            {
                return null;   // unknown, escaped or repeated name: the reference reader decides
            }

            seen |= property;
            var ok = property switch
            {
                Seen.Protocol => TryString(ref reader, null, out protocol),
                Seen.Channel => TryEnum(ref reader, out channel),
                Seen.Kind => TryEnum(ref reader, out kind),
                Seen.ReceivedAt => TryInstant(ref reader, out receivedAt),
                Seen.RegisteredAt => TryInstant(ref reader, out registeredAt),
                Seen.Category => TryPooled(ref reader, pool, ref category),
                Seen.Priority => TryPooled(ref reader, pool, ref priority),
                Seen.Uf => TryPooled(ref reader, pool, ref uf),
                Seen.Group => TryPooled(ref reader, pool, ref group),
                Seen.Level => TryInt(ref reader, out level),
                Seen.Institution => TryPooled(ref reader, pool, ref institution),
                Seen.ResolutionDueAt => TryOptionalInstant(ref reader, out resolutionDueAt),
                Seen.ResolutionTarget => TryString(ref reader, pool, out resolutionTarget),
                Seen.ActivityValue => TryDecimal(ref reader, out activityValue),
                Seen.Events => TryEvents(ref reader, pool, events, out ticketEvents),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }
        }

        if ((seen & Seen.Required) != Seen.Required)
        {
            return null;
        }

        return new ExportedTicket
        {
            Protocol = protocol!,
            Channel = channel,
            Kind = kind,
            ReceivedAt = receivedAt,
            RegisteredAt = registeredAt,
            Category = category,
            Priority = priority,
            Uf = uf,
            Group = group,
            Level = level,
            Institution = institution,
            ResolutionDueAt = resolutionDueAt,
            ResolutionTarget = resolutionTarget,
            ActivityValue = activityValue,
            Events = ticketEvents,
        };
    }

    private enum Step
    {
        Property,
        End,
        Invalid,
    }

    /// <summary>Inside an object: on to the next property name (unescaped, in <c>ValueSpan</c>) or the object's end.</summary>
    private static Step NextProperty(ref Utf8JsonReader reader) =>
        !reader.Read() ? Step.Invalid
        : reader.TokenType == JsonTokenType.EndObject ? Step.End
        : reader.TokenType == JsonTokenType.PropertyName && !reader.ValueIsEscaped ? Step.Property
        : Step.Invalid;

    private static Seen TicketProperty(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when name.SequenceEqual("uf"u8) => Seen.Uf,
        4 when name.SequenceEqual("kind"u8) => Seen.Kind,
        5 when name.SequenceEqual("group"u8) => Seen.Group,
        5 when name.SequenceEqual("level"u8) => Seen.Level,
        6 when name.SequenceEqual("events"u8) => Seen.Events,
        7 when name.SequenceEqual("channel"u8) => Seen.Channel,
        8 when name.SequenceEqual("protocol"u8) => Seen.Protocol,
        8 when name.SequenceEqual("category"u8) => Seen.Category,
        8 when name.SequenceEqual("priority"u8) => Seen.Priority,
        10 when name.SequenceEqual("receivedAt"u8) => Seen.ReceivedAt,
        11 when name.SequenceEqual("institution"u8) => Seen.Institution,
        12 when name.SequenceEqual("registeredAt"u8) => Seen.RegisteredAt,
        13 when name.SequenceEqual("activityValue"u8) => Seen.ActivityValue,
        15 when name.SequenceEqual("resolutionDueAt"u8) => Seen.ResolutionDueAt,
        16 when name.SequenceEqual("resolutionTarget"u8) => Seen.ResolutionTarget,
        _ => Seen.None,
    };

    [Flags]
    private enum EventSeen
    {
        None = 0,
        Type = 1 << 0,
        At = 1 << 1,
        Score = 1 << 2,
        FirstContact = 1 << 3,
        ToLevel = 1 << 4,
        Group = 1 << 5,
        Required = Type | At,
    }

    private static bool TryEvents(ref Utf8JsonReader reader, Utf8StringPool pool, List<ExportedEvent> events, out IReadOnlyList<ExportedEvent> result)
    {
        result = [];
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        events.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            if (ReadEvent(ref reader, pool) is not { } e)
            {
                return false;
            }

            events.Add(e);
        }

        if (reader.TokenType != JsonTokenType.EndArray)
        {
            return false;   // a null or non-object element, or the end of the input
        }

        result = events.Count == 0 ? [] : events.ToArray();
        return true;
    }

    private static ExportedEvent? ReadEvent(ref Utf8JsonReader reader, Utf8StringPool pool)
    {
        var seen = EventSeen.None;
        ExportedEventType type = default;
        DateTimeOffset at = default;
        int? score = null, toLevel = null;
        bool? firstContact = null;
        string? group = null;
        while (true)
        {
            var step = NextProperty(ref reader);
            if (step == Step.End)
            {
                break;
            }

            if (step == Step.Invalid)
            {
                return null;
            }

            var name = reader.ValueSpan;
            var property = name.Length switch
            {
                2 when name.SequenceEqual("at"u8) => EventSeen.At,
                4 when name.SequenceEqual("type"u8) => EventSeen.Type,
                5 when name.SequenceEqual("score"u8) => EventSeen.Score,
                5 when name.SequenceEqual("group"u8) => EventSeen.Group,
                7 when name.SequenceEqual("toLevel"u8) => EventSeen.ToLevel,
                12 when name.SequenceEqual("firstContact"u8) => EventSeen.FirstContact,
                _ => EventSeen.None,
            };
            if (property == EventSeen.None || (seen & property) != 0 || !reader.Read())
            {
                return null;
            }

            seen |= property;
            var ok = property switch
            {
                EventSeen.Type => TryEnum(ref reader, out type),
                EventSeen.At => TryInstant(ref reader, out at),
                EventSeen.Score => TryOptionalInt(ref reader, out score),
                EventSeen.ToLevel => TryOptionalInt(ref reader, out toLevel),
                EventSeen.FirstContact => TryBool(ref reader, out firstContact),
                EventSeen.Group => TryString(ref reader, pool, out group),
                _ => false,
            };
            if (!ok)
            {
                return null;
            }
        }

        return (seen & EventSeen.Required) != EventSeen.Required
            ? null
            : new ExportedEvent { Type = type, At = at, Score = score, FirstContact = firstContact, ToLevel = toLevel, Group = group };
    }

    private static bool TryString(ref Utf8JsonReader reader, Utf8StringPool? pool, out string? value)
    {
        value = reader.TokenType != JsonTokenType.String ? null : pool is null ? reader.GetString() : pool.Get(ref reader);
        return value is not null;
    }

    private static bool TryPooled(ref Utf8JsonReader reader, Utf8StringPool pool, ref string value)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        value = pool.Get(ref reader);
        return true;
    }

    private static bool TryInstant(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        return reader.TokenType == JsonTokenType.String
            && ((!reader.ValueIsEscaped && TryParseExportInstant(reader.ValueSpan, out value)) || reader.TryGetDateTimeOffset(out value));
    }

    /// <summary>
    /// The export's own instant form, <c>yyyy-MM-ddTHH:mm:ss±hh:mm</c> (25 bytes), parsed by hand; false for anything
    /// else (Z, fractions, out-of-range parts), which <see cref="Utf8JsonReader.TryGetDateTimeOffset"/> then decides.
    /// </summary>
    public static bool TryParseExportInstant(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length != 25 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || (text[19] != '-' && text[19] != '+') || text[22] != ':')
        {
            return false;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second)
            || !TryDigits(text.Slice(20, 2), out var offsetHours) || !TryDigits(text.Slice(23, 2), out var offsetMinutes))
        {
            return false;
        }

        // Well inside every limit (year 0001–9999 with a day's margin, offsets under 14 h); the edges go to the reader.
        if (year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59 || offsetHours > 13 || offsetMinutes > 59)
        {
            return false;
        }

        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        value = new DateTimeOffset(year, month, day, hour, minute, second, text[19] == '-' ? -offset : offset);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + (int)digit;
        }

        return true;
    }

    private static bool TryOptionalInstant(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        var ok = TryInstant(ref reader, out var instant);
        value = ok ? instant : null;
        return ok;
    }

    private static bool TryInt(ref Utf8JsonReader reader, out int value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out value);
    }

    private static bool TryOptionalInt(ref Utf8JsonReader reader, out int? value)
    {
        var ok = TryInt(ref reader, out var number);
        value = ok ? number : null;
        return ok;
    }

    private static bool TryDecimal(ref Utf8JsonReader reader, out decimal? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var number))
        {
            return false;
        }

        value = number;
        return true;
    }

    private static bool TryBool(ref Utf8JsonReader reader, out bool? value)
    {
        value = reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        return value is not null;
    }

    /// <summary>
    /// An enum value as the export writes it: its camelCase name (the reference reader's naming policy), unescaped;
    /// anything else is for the reference reader.
    /// </summary>
    private static bool TryEnum<T>(ref Utf8JsonReader reader, out T value)
        where T : struct, Enum
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return false;
        }

        var text = reader.ValueSpan;
        foreach (var (name, candidate) in EnumNames<T>.All)
        {
            if (text.SequenceEqual(name))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    private static class EnumNames<T>
        where T : struct, Enum
    {
        public static readonly (byte[] Name, T Value)[] All =
            [.. Enum.GetValues<T>().Select(v => (Encoding.UTF8.GetBytes(JsonNamingPolicy.CamelCase.ConvertName(v.ToString())), v))];
    }

    /// <summary>Reads until the buffer is full or the stream ends; returns the bytes read.</summary>
    private static int Fill(Stream stream, byte[] buffer, int offset)
    {
        var total = 0;
        while (offset + total < buffer.Length)
        {
            var read = stream.Read(buffer, offset + total, buffer.Length - offset - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private static bool IsWideByteOrderMark(ReadOnlySpan<byte> start) =>
        start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])
        || start.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);

    private static MemoryStream Rest(byte[] buffer, int filled, Stream stream)
    {
        var all = new MemoryStream();
        all.Write(buffer, 0, filled);
        stream.CopyTo(all);
        all.Position = 0;
        return all;
    }
}
