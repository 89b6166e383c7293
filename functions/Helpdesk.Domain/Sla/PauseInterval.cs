namespace Helpdesk.Domain.Sla;

/// <summary>
/// A period during which a ticket was pending on the requester and its clock suspended: from <see cref="From"/>
/// until the solution of the pendency was communicated at <see cref="To"/>, or still open (<see cref="To"/> null).
/// </summary>
public readonly record struct PauseInterval
{
    private PauseInterval(DateTimeOffset from, DateTimeOffset? to)
    {
        From = from;
        To = to;
    }

    public DateTimeOffset From { get; }

    public DateTimeOffset? To { get; }

    public bool IsOpen => To is null;

    public static PauseInterval Closed(DateTimeOffset from, DateTimeOffset to) =>
        to < from ? throw new ArgumentOutOfRangeException(nameof(to), to, "A pause cannot end before it starts.") : new(from, to);

    public static PauseInterval Open(DateTimeOffset from) => new(from, null);

    /// <summary>
    /// Sorts pauses, drops what lies before <paramref name="start"/>, merges overlaps. An open pause absorbs every
    /// later one. Returns a new list.
    /// </summary>
    public static IReadOnlyList<PauseInterval> Normalize(IEnumerable<PauseInterval> pauses, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(pauses);
        var result = new List<PauseInterval>();
        foreach (var pause in pauses.OrderBy(p => p.From))
        {
            if (pause.To is { } end && end <= start)
            {
                continue;
            }

            var from = pause.From < start ? start : pause.From;
            if (result.Count > 0)
            {
                var last = result[^1];
                if (last.To is null)
                {
                    break;
                }

                if (from <= last.To.Value)
                {
                    result[^1] = pause.To is null || pause.To > last.To ? new(last.From, pause.To) : last;
                    continue;
                }
            }

            result.Add(new(from, pause.To));
        }

        return result;
    }
}
