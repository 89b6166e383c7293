using System.Globalization;
using System.Text;
using System.Text.Json;
using Helpdesk.Application.Finance;
using Helpdesk.Application.Finance.Formats;
using Helpdesk.Domain.Exports;

namespace Helpdesk.Cli.Tests.Finance;

/// <summary>
/// The fast export reader (<see cref="Utf8TicketJsonlReader"/>) against the reference reader (<see cref="TicketJsonlReader"/>,
/// System.Text.Json reflection): on many generated exports, canonical and mutated (escapes, unknown, repeated and
/// case-changed names, nulls, numbers in strings, bad instants, bad UTF-8, odd whitespace and line ends, byte-order
/// marks), both give the same records (compared field by field, offsets included) and stop at the same error.
/// </summary>
public class TicketJsonlReaderDifferentialTests
{
    private const int Exports = 1_000;

    [Theory]
    [InlineData(1, 16)]
    [InlineData(2, 64)]
    [InlineData(3, 4096)]
    [InlineData(4, Utf8TicketJsonlReader.DefaultBufferSize)]
    public void Both_readers_agree_on_generated_exports(int seed, int bufferSize)
    {
        var random = new Random(seed);
        var failures = 0;
        var records = 0;
        for (var export = 0; export < Exports; export++)
        {
            var bytes = ExportGenerator.Export(random, lines: random.Next(1, 12), mutationRate: 0.35);
            var reference = Outcome.Of(() => TicketJsonlReader.Read(new StreamReader(new MemoryStream(bytes)), "t.jsonl"));
            var fast = Outcome.Of(() => Utf8TicketJsonlReader.Read(new MemoryStream(bytes), "t.jsonl", bufferSize));

            Assert.True(reference.Equals(fast), $"export {export} (seed {seed}):\n{Printable(bytes)}\nreference: {reference}\nfast:      {fast}");
            failures += reference.Error is null ? 0 : 1;
            records += reference.Records.Count;
        }

        // The generator must exercise both sides: accepted records and rejected exports.
        Assert.InRange(failures, Exports / 10, Exports * 9 / 10);
        Assert.True(records > 300, $"only {records} records accepted");
    }

    [Fact]
    public void Canonical_lines_take_the_fast_path()
    {
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            var line = ExportGenerator.CanonicalLine(random);
            var bytes = Encoding.UTF8.GetBytes(line);
            var fast = Utf8TicketJsonlReader.ParseCanonical(bytes);

            Assert.NotNull(fast);
            Assert.Equal(Outcome.Print(TicketJsonlReader.Parse(line, "t", 1)), Outcome.Print(fast));
        }
    }

    [Theory]
    [InlineData("""{"protocol":"1","channel":"Email","receivedAt":"2026-03-02T09:00:00-03:00","registeredAt":"2026-03-02T09:00:00-03:00"}""")]
    [InlineData("""{"PROTOCOL":"1","channel":"email","receivedAt":"2026-03-02T09:00:00-03:00","registeredAt":"2026-03-02T09:00:00-03:00"}""")]
    [InlineData("""{"protocol":"1","channel":"email","level":"2","receivedAt":"2026-03-02T09:00:00-03:00","registeredAt":"2026-03-02T09:00:00-03:00"}""")]
    [InlineData("""{"protocol":"1","protocol":"2","channel":"email","receivedAt":"2026-03-02T09:00:00-03:00","registeredAt":"2026-03-02T09:00:00-03:00"}""")]
    [InlineData("""{"prot\u006fcol":"1","channel":"email","receivedAt":"2026-03-02T09:00:00-03:00","registeredAt":"2026-03-02T09:00:00-03:00"}""")]
    [InlineData("""{"protocol":"1","channel":"email","resolutionTarget":null,"receivedAt":"2026-03-02T09:00:00-03:00","registeredAt":"2026-03-02T09:00:00-03:00"}""")]
    public void Lines_the_reference_accepts_in_other_shapes_are_handed_to_it(string line)
    {
        // Not canonical, so the fast path declines; the reader as a whole still accepts the line, as the reference does.
        Assert.Null(Utf8TicketJsonlReader.ParseCanonical(Encoding.UTF8.GetBytes(line)));
        var fast = Utf8TicketJsonlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(line)), "t").Single();
        Assert.Equal(Outcome.Print(TicketJsonlReader.Parse(line, "t", 1)), Outcome.Print(fast));
    }

    [Fact]
    public void A_bad_field_is_reported_with_the_reference_message_naming_the_line_and_field()
    {
        var export = "\n" + ExportGenerator.CanonicalLine(new Random(1)) + "\r\n" +
            """{"protocol":"3","channel":"fax","receivedAt":"2026-03-02T09:00:00-03:00","registeredAt":"2026-03-02T09:00:00-03:00"}""";

        var error = Assert.Throws<InputFormatException>(() => Utf8TicketJsonlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(export)), "t.jsonl").ToList());

        Assert.StartsWith("t.jsonl:3: channel: ", error.Message, StringComparison.Ordinal);
        var reference = Assert.Throws<InputFormatException>(() => TicketJsonlReader.Read(new StringReader(export), "t.jsonl").ToList());
        Assert.Equal(reference.Message, error.Message);
    }

    [Fact]
    public void A_large_generated_export_reads_the_same_across_block_boundaries()
    {
        var random = new Random(11);
        var text = new StringBuilder();
        for (var i = 0; i < 5_000; i++)
        {
            text.Append(ExportGenerator.CanonicalLine(random)).Append(random.Next(4) == 0 ? "\r\n" : "\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var reference = Outcome.Of(() => TicketJsonlReader.Read(new StreamReader(new MemoryStream(bytes)), "big"));
        var fast = Outcome.Of(() => Utf8TicketJsonlReader.Read(new MemoryStream(bytes), "big", bufferSize: 1_000));

        Assert.Null(reference.Error);
        Assert.Equal(5_000, reference.Records.Count);
        Assert.Equal(reference, fast);
    }

    [Theory]
    [InlineData("uf")]
    [InlineData("category")]
    [InlineData("institution")]
    public void A_null_text_field_is_rejected_naming_it(string field)
    {
        var line = $$$"""{"protocol":"1","channel":"email","receivedAt":"2026-03-02T09:00:00-03:00","registeredAt":"2026-03-02T09:00:00-03:00","{{{field}}}":null}""";

        var error = Assert.Throws<InputFormatException>(() => Utf8TicketJsonlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(line)), "t.jsonl").ToList());

        Assert.StartsWith($"t.jsonl:1: {field}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_export_instant_parser_agrees_with_the_json_reader()
    {
        var random = new Random(5);
        var offsets = new[] { "-03:00", "+00:00", "-00:00", "+05:45", "-13:59", "+13:00", "+14:00", "-14:00", "+14:01", "-03:60", "+03:0x" };
        string[] edges = ["0001-01-01T00:00:00+00:00", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "2024-02-29T12:00:00-03:00",
            "2026-02-29T12:00:00-03:00", "2026-04-31T12:00:00-03:00", "2026-00-10T12:00:00-03:00", "2026-13-10T12:00:00-03:00",
            "2026-03-10T24:00:00-03:00", "2026-03-10T23:60:00-03:00", "2026-03-10T23:59:60-03:00", "2026-03-10 23:59:59-03:00",
            "2026-03-10T23:59:59Z", "2026-03-10T23:59:59.5-03:00", "+026-03-10T23:59:59-03:00", "2026-03-00T23:59:59-03:00"];
        var cases = edges.Concat(Enumerable.Range(0, 5_000).Select(_ =>
            new DateTime(2000, 1, 1).AddSeconds(random.NextInt64(0, 40L * 365 * 86_400)).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            + offsets[random.Next(offsets.Length)]));
        var fastPaths = 0;
        foreach (var text in cases)
        {
            var json = Encoding.UTF8.GetBytes($"\"{text}\"");
            var reader = new Utf8JsonReader(json);
            reader.Read();
            var readerOk = reader.TryGetDateTimeOffset(out var expected);

            if (Utf8TicketJsonlReader.TryParseExportInstant(Encoding.UTF8.GetBytes(text), out var actual))
            {
                fastPaths++;
                Assert.True(readerOk, text);
                Assert.Equal((expected.Ticks, expected.Offset), (actual.Ticks, actual.Offset));
            }
        }

        Assert.True(fastPaths > 2_000, $"{fastPaths} fast");
    }

    private static string Printable(byte[] bytes) =>
        string.Concat(bytes.Select(b => b is >= 0x20 and < 0x7F or (byte)'\n' ? ((char)b).ToString() : $"<{b:X2}>"));

    /// <summary>What reading a whole export gave: the records (printed field by field) and the error that stopped it.</summary>
    private sealed record Outcome(IReadOnlyList<string> Records, string? Error)
    {
        public static Outcome Of(Func<IEnumerable<ExportedTicket>> read)
        {
            var records = new List<string>();
            try
            {
                foreach (var record in read())
                {
                    records.Add(Print(record));
                }

                return new Outcome(records, null);
            }
            catch (Exception ex)
            {
                return new Outcome(records, $"{ex.GetType().Name}: {ex.Message}");
            }
        }

        /// <summary>Every field, instants with their offset, decimals with their scale, null apart from empty.</summary>
        public static string Print(ExportedTicket r) => string.Join(
            "|",
            [
                Text(r.Protocol), r.Channel.ToString(), r.Kind.ToString(), Instant(r.ReceivedAt), Instant(r.RegisteredAt),
                Text(r.Category), Text(r.Priority), Text(r.Uf), Text(r.Group), r.Level.ToString(CultureInfo.InvariantCulture),
                Text(r.Institution), r.ResolutionDueAt is { } due ? Instant(due) : "∅", Text(r.ResolutionTarget),
                r.ActivityValue?.ToString(CultureInfo.InvariantCulture) ?? "∅",
                r.Events is null ? "events ∅" : string.Join(";", r.Events.Select(e => e is null ? "∅" : string.Join(
                    ",",
                    e.Type.ToString(), Instant(e.At), e.Score?.ToString(CultureInfo.InvariantCulture) ?? "∅",
                    e.FirstContact?.ToString() ?? "∅", e.ToLevel?.ToString(CultureInfo.InvariantCulture) ?? "∅", Text(e.Group)))),
            ]);

        public bool Equals(Outcome? other) =>
            other is not null && Records.SequenceEqual(other.Records) && Error == other.Error;

        public override int GetHashCode() => HashCode.Combine(Records.Count, Error);

        public override string ToString() => $"{Records.Count} record(s), error: {Error ?? "none"}\n  " + string.Join("\n  ", Records);

        private static string Text(string? value) => value is null ? "∅" : JsonSerializer.Serialize(value);

        private static string Instant(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);
    }
}
