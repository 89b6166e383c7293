namespace Helpdesk.Domain.Indicators;

/// <summary>
/// One row of the call-centre CSV (docs/call-centre-csv.md): statistics of one interval as the telephony / chat
/// platform reports them. Counts are non-negative; seconds are totals over the interval.
/// </summary>
public sealed record CallCentreInterval
{
    public required DateTimeOffset Start { get; init; }

    public int Minutes { get; init; } = 30;

    public long Offered { get; init; }

    public long Answered { get; init; }

    public long AnsweredWithin20Seconds { get; init; }

    public long AnsweredWithin30Seconds { get; init; }

    public long Abandoned { get; init; }

    public long AbandonedAfter20Seconds { get; init; }

    public long RoutedToHuman { get; init; }

    public decimal WaitSeconds { get; init; }

    public decimal HandlingSeconds { get; init; }

    public long IvrCalls { get; init; }

    public long IvrRetained { get; init; }

    public long BotDemands { get; init; }

    public long BotResolved { get; init; }

    public long ChatDemands { get; init; }

    public long ChatResolved { get; init; }

    public long Chats { get; init; }

    public decimal ChatHandlingSeconds { get; init; }

    public decimal UnavailableSeconds { get; init; }

    /// <summary>The first inconsistency, naming the column; null when the row is usable.</summary>
    public string? Validate()
    {
        if (Minutes <= 0)
        {
            return "intervalMinutes: must be positive";
        }

        (string Name, decimal Value)[] nonNegative =
        [
            ("offered", Offered), ("answered", Answered), ("answeredWithin20s", AnsweredWithin20Seconds), ("answeredWithin30s", AnsweredWithin30Seconds),
            ("abandoned", Abandoned), ("abandonedAfter20s", AbandonedAfter20Seconds), ("routedToHuman", RoutedToHuman), ("waitSeconds", WaitSeconds),
            ("handlingSeconds", HandlingSeconds), ("ivrCalls", IvrCalls), ("ivrRetained", IvrRetained), ("botDemands", BotDemands),
            ("botResolved", BotResolved), ("chatDemands", ChatDemands), ("chatResolved", ChatResolved), ("chats", Chats),
            ("chatHandlingSeconds", ChatHandlingSeconds), ("unavailableSeconds", UnavailableSeconds),
        ];
        foreach (var (name, value) in nonNegative)
        {
            if (value < 0)
            {
                return $"{name}: cannot be negative";
            }
        }

        return AnsweredWithin20Seconds > AnsweredWithin30Seconds ? "answeredWithin20s: more than answeredWithin30s"
            : AnsweredWithin30Seconds > Answered ? "answeredWithin30s: more than answered"
            : AbandonedAfter20Seconds > Abandoned ? "abandonedAfter20s: more than abandoned"
            : IvrRetained > IvrCalls ? "ivrRetained: more than ivrCalls"
            : BotResolved > BotDemands ? "botResolved: more than botDemands"
            : ChatResolved > ChatDemands ? "chatResolved: more than chatDemands"
            : UnavailableSeconds > Minutes * 60m ? "unavailableSeconds: longer than the interval"
            : null;
    }
}
