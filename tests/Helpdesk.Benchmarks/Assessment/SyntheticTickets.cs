using Helpdesk.Domain.Exports;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Benchmarks.Assessment;

/// <summary>Deterministic synthetic ticket history (fixed seed): the same rows for the C# assessment and for SQLite.</summary>
internal static class SyntheticTickets
{
    private static readonly TimeSpan Brt = TimeSpan.FromHours(-3);
    private static readonly string[] Ufs = ["DF", "SP", "RJ", "MG", "GO", "BA", "PE", "RS", "PR", "AM", "PA", "CE"];
    private static readonly string[] Categories = ["acesso", "certificado", "bolsas", "sistemas", "financeiro", "matricula", "diploma", "outros"];
    private static readonly string[] Groups = ["N1", "N2-sistemas", "N2-certificados", "N2-financeiro"];
    private static readonly string[] Institutions = ["MEC", "UFG", "UnB", "UFMG", "USP", "UFRJ", "IFB", "UFBA"];
    private static readonly ExportedChannel[] Channels = [ExportedChannel.Email, ExportedChannel.Phone, ExportedChannel.WebForm, ExportedChannel.Chat, ExportedChannel.Chatbot];

    /// <summary><paramref name="count"/> tickets received in March 2026, ~4 events each.</summary>
    public static IEnumerable<ExportedTicket> Generate(int count, int seed = 20260301)
    {
        var random = new Random(seed);
        var monthStart = new DateTimeOffset(2026, 3, 1, 0, 0, 0, Brt);
        var secondsInMonth = 31 * 24 * 3600;
        for (var i = 1; i <= count; i++)
        {
            var received = monthStart.AddSeconds(random.Next(secondsInMonth - 5 * 24 * 3600));
            var due = received.AddHours(8 + random.Next(72));
            var firstReply = received.AddMinutes(5 + random.Next(600));
            var late = random.Next(100) < 7;
            var resolved = late ? due.AddMinutes(1 + random.Next(5_000)) : firstReply.AddMinutes(random.Next(Math.Max(1, (int)(due - firstReply).TotalMinutes)));
            if (resolved < firstReply)
            {
                resolved = firstReply;
            }

            var kind = (TicketKind)(random.Next(100) switch { < 45 => 0, < 70 => 1, < 90 => 2, _ => 3 });
            var events = new List<ExportedEvent>(5)
            {
                new() { Type = ExportedEventType.AgentReply, At = firstReply },
                new() { Type = ExportedEventType.Resolved, At = resolved, FirstContact = random.Next(100) < 72 },
            };
            if (random.Next(100) < 3)
            {
                events.Add(new ExportedEvent { Type = ExportedEventType.Reopened, At = resolved.AddHours(2) });
                events.Add(new ExportedEvent { Type = ExportedEventType.Resolved, At = resolved.AddHours(20), FirstContact = false });
            }

            if (random.Next(100) < 40)
            {
                events.Add(new ExportedEvent { Type = ExportedEventType.Rated, At = events[^1].At.AddHours(1), Score = random.Next(11) });
            }

            yield return new ExportedTicket
            {
                Protocol = "2026" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture),
                Channel = Channels[random.Next(Channels.Length)],
                Kind = kind,
                ReceivedAt = received,
                RegisteredAt = received.AddSeconds(random.Next(100) < 96 ? random.Next(400) : 421 + random.Next(3_000)),
                Category = Categories[random.Next(Categories.Length)],
                Priority = "medium",
                Uf = Ufs[random.Next(Ufs.Length)],
                Group = Groups[random.Next(Groups.Length)],
                Level = 1 + random.Next(2),
                Institution = Institutions[random.Next(Institutions.Length)],
                ResolutionDueAt = due,
                ActivityValue = random.Next(100) == 0 ? 1_000m + random.Next(50_000) : null,
                Events = events,
            };
        }
    }
}
