using System.Globalization;
using System.Text;

namespace Helpdesk.Cli.Tests.Finance;

/// <summary>
/// Random ticket-history exports (docs/ticket-export.md) for the reader differential test: canonical lines with every
/// documented field (kind, uf, resolutionTarget and activityValue included) in random order, and mutations of them
/// that the reference reader accepts in another shape or rejects.
/// </summary>
internal static class ExportGenerator
{
    private static readonly string[] Channels = ["phone", "email", "webForm", "api", "chat", "chatbot", "inPerson", "letter", "other"];
    private static readonly string[] Kinds = ["request", "information", "complaint", "incident", "other"];
    private static readonly string[] EventTypes = ["agentReply", "escalated", "pending", "resumed", "resolved", "reopened", "closed", "cancelled", "rated"];
    private static readonly string[] Words = ["acesso", "bolsas", "Educação", "N2-sistemas", "UFG", "medium", "16 business hours", "São Paulo", "a\\\"b", "x\\\\y", "\\u00e1gua", "tab\\tend", "\\/path", "😀"];
    private static readonly string[] Ufs = ["DF", "GO", "SP", "AM", ""];
    private static readonly string[] Offsets = ["-03:00", "-02:00", "+00:00", "Z", "+05:30"];

    /// <summary>Unusual but valid, or invalid, values for any field (the reference reader decides which).</summary>
    private static readonly string[] OddValues =
    [
        "null", "\"\"", "\"2\"", "2", "1.0", "1e0", "-1", "0", "10", "11", "99999999999", "true", "false", "[]", "{}",
        "\"Email\"", "\"EMAIL\"", "\"web_form\"", "\"1\"", "\" email\"", "\"\\u0065mail\"", "\"email, phone\"",
        "\"2026-03-02T09:00:00\"", "\"2026-03-02\"", "\"2026-02-30T09:00:00-03:00\"", "\"2026-03-02 09:00:00-03:00\"",
        "\"2026-03-02T09:00:00.1234567-03:00\"", "\"2026-03-02T24:00:00-03:00\"", "\"2026-03-02T09:00:00-15:00\"",
        "\"2026-03-02T09:00:00+14:00\"", "\"2026-03-02T09:00:60-03:00\"", "\"2026-03-02T09:00:00-0300\"", "12.50", "1e3",
        "-0.01", "\"12.5\"", "\"ABC\"", "\"D\"", "[{\"type\":\"rated\",\"at\":\"2026-03-02T10:00:00-03:00\"}]", "[null]", "[1]",
        "[{\"type\":\"rated\",\"at\":\"2026-03-02T10:00:00-03:00\",\"score\":11}]", "\"\\ud800\"", "\"a\\u0000b\"",
    ];

    private static readonly string[] FieldNames =
    [
        "protocol", "channel", "kind", "receivedAt", "registeredAt", "category", "priority", "uf", "group", "level", "institution",
        "resolutionDueAt", "resolutionTarget", "activityValue", "events", "type", "at", "score", "firstContact", "toLevel",
    ];

    public static byte[] Export(Random random, int lines, double mutationRate)
    {
        var output = new List<byte>();
        if (random.Next(10) == 0)
        {
            output.AddRange([0xEF, 0xBB, 0xBF]);
        }

        for (var i = 0; i < lines; i++)
        {
            var line = random.NextDouble() < mutationRate ? Mutate(random, CanonicalLine(random)) : Encoding.UTF8.GetBytes(CanonicalLine(random));
            output.AddRange(line);
            output.AddRange(random.Next(12) switch
            {
                0 => "\r\n"u8.ToArray(),
                1 => "\r"u8.ToArray(),
                2 => "\n\n"u8.ToArray(),
                3 => "\n  \t \n"u8.ToArray(),
                4 => "\n\u00a0\n"u8.ToArray(),
                5 when i == lines - 1 => [],
                _ => "\n"u8.ToArray(),
            });
        }

        return [.. output];
    }

    public static string CanonicalLine(Random random)
    {
        var received = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(-3)).AddSeconds(random.Next(0, 31 * 86_400));
        var offset = Offsets[random.Next(Offsets.Length)];
        var properties = new List<string>
        {
            Property("protocol", Quote($"2026{random.Next(0, 10_000_000):D7}")),
            Property("channel", Quote(Pick(random, Channels))),
            Property("receivedAt", Instant(received, offset)),
            Property("registeredAt", Instant(received.AddSeconds(random.Next(0, 900)), offset)),
        };
        Optional(random, properties, "kind", () => Quote(Pick(random, Kinds)));
        Optional(random, properties, "category", () => Quote(Pick(random, Words)));
        Optional(random, properties, "priority", () => Quote(Pick(random, Words)));
        Optional(random, properties, "uf", () => Quote(Pick(random, Ufs)));
        Optional(random, properties, "group", () => Quote(Pick(random, Words)));
        Optional(random, properties, "level", () => random.Next(1, 10).ToString(CultureInfo.InvariantCulture));
        Optional(random, properties, "institution", () => Quote(Pick(random, Words)));
        Optional(random, properties, "resolutionDueAt", () => Instant(received.AddHours(random.Next(1, 100)), offset));
        Optional(random, properties, "resolutionTarget", () => Quote(Pick(random, Words)));
        Optional(random, properties, "activityValue", () => Pick(random, ["4404", "0", "12.50", "1250000.00", "0.01"]));
        Optional(random, properties, "events", () => Events(random, received, offset));
        Shuffle(random, properties);
        return "{" + string.Join(",", properties) + "}";
    }

    private static string Events(Random random, DateTimeOffset received, string offset)
    {
        var events = new List<string>();
        var at = received;
        for (var i = random.Next(0, 5); i > 0; i--)
        {
            at = at.AddMinutes(random.Next(0, 600));
            var type = Pick(random, EventTypes);
            var fields = new List<string> { Property("type", Quote(type)), Property("at", Instant(at, offset)) };
            switch (type)
            {
                case "rated":
                    fields.Add(Property("score", random.Next(0, 11).ToString(CultureInfo.InvariantCulture)));
                    break;
                case "resolved" when random.Next(3) > 0:
                    fields.Add(Property("firstContact", random.Next(2) == 0 ? "true" : "false"));
                    break;
                case "escalated":
                    fields.Add(Property("toLevel", random.Next(1, 4).ToString(CultureInfo.InvariantCulture)));
                    fields.Add(Property("group", Quote(Pick(random, Words))));
                    break;
            }

            Shuffle(random, fields);
            events.Add("{" + string.Join(",", fields) + "}");
        }

        return "[" + string.Join(",", events) + "]";
    }

    /// <summary>One or two changes to a canonical line, as text or as bytes.</summary>
    private static byte[] Mutate(Random random, string line)
    {
        for (var n = random.Next(1, 3); n > 0; n--)
        {
            line = random.Next(12) switch
            {
                0 => ReplaceValue(random, line),
                1 => ReplaceValue(random, line),
                2 => ReplaceValue(random, line),
                3 => line.Insert(1, Property(Pick(random, ["extra", "Protocol", "CHANNEL", "uf", "level", "events", "registeredat"]), Pick(random, OddValues)) + ","),
                4 => line.Replace("\"protocol\"", Pick(random, ["\"prot\\u006fcol\"", "\"Protocol\"", "\"protocolo\""]), StringComparison.Ordinal),
                5 => RemoveProperty(random, line),
                6 => Pick(random, [" " + line + " ", "\t" + line, line + "\v", line + "\f", line + " x", line + ",", line + "{}", "[" + line + "]", "null", "{}", "[]", "42", "\"x\""]),
                7 => line[..random.Next(1, line.Length)],
                8 => line.Replace(",", Pick(random, [" , ", ",\t", ",/*c*/", ",,"]), StringComparison.Ordinal),
                9 => line.Replace(":", Pick(random, [" : ", ":\u00a0"]), StringComparison.Ordinal),
                10 => "\uFEFF" + line,
                _ => line,
            };
        }

        var bytes = Encoding.UTF8.GetBytes(line);
        if (random.Next(8) == 0 && bytes.Length > 2)
        {
            // Invalid UTF-8 somewhere (StreamReader decodes it as U+FFFD).
            bytes[random.Next(1, bytes.Length - 1)] = Pick(random, new byte[] { 0xFF, 0xC3, 0x80, 0xED });
        }

        return bytes;
    }

    private static string ReplaceValue(Random random, string line)
    {
        // A field the line has (ticket or event), and often null, which the product never writes.
        var present = FieldNames.Where(n => line.Contains($"\"{n}\":", StringComparison.Ordinal)).ToList();
        if (present.Count == 0)
        {
            return line;
        }

        var key = $"\"{Pick(random, present)}\":";
        var start = line.IndexOf(key, StringComparison.Ordinal);
        var valueStart = start + key.Length;
        var valueEnd = ValueEnd(line, valueStart);
        return line[..valueStart] + (random.Next(5) == 0 ? "null" : Pick(random, OddValues)) + line[valueEnd..];
    }

    private static string RemoveProperty(Random random, string line)
    {
        var key = $"\"{Pick(random, ["protocol", "channel", "receivedAt", "registeredAt", "type", "at", "score"])}\":";
        var start = line.IndexOf(key, StringComparison.Ordinal);
        if (start < 0)
        {
            return line;
        }

        var end = ValueEnd(line, start + key.Length);
        return line[..start] + "\"removed\":0" + line[end..];
    }

    /// <summary>The end of the JSON value starting at <paramref name="start"/> (strings, arrays and objects balanced).</summary>
    private static int ValueEnd(string line, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '[' or '{':
                    depth++;
                    break;
                case ']' or '}' when depth > 0:
                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }

                    break;
                case ',' or ']' or '}' when depth == 0:
                    return i;
            }
        }

        return line.Length;
    }

    private static void Optional(Random random, List<string> properties, string name, Func<string> value)
    {
        if (random.Next(4) > 0)
        {
            properties.Add(Property(name, value()));
        }
    }

    private static string Property(string name, string json) => $"\"{name}\":{json}";

    private static string Quote(string escapedText) => $"\"{escapedText}\"";

    private static string Instant(DateTimeOffset utcBased, string offset)
    {
        var zone = offset == "Z" ? TimeSpan.Zero : TimeSpan.ParseExact(offset[1..], "hh\\:mm", CultureInfo.InvariantCulture) * (offset[0] == '-' ? -1 : 1);
        var local = utcBased.ToOffset(zone);
        return Quote(local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + offset);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static void Shuffle(Random random, List<string> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
