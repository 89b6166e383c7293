namespace Helpdesk.Domain.Indicators;

/// <summary>Tallies per dimension and value, e.g. Uf → "DF" → 120 tickets (with their protocols).</summary>
public sealed class Breakdown
{
    private readonly Dictionary<Dimension, Dictionary<string, Tally>> _tallies = [];
    private readonly Dictionary<string, Tally>?[] _byDimension = new Dictionary<string, Tally>?[Enum.GetValues<Dimension>().Length];

    public IReadOnlyDictionary<Dimension, Dictionary<string, Tally>> Tallies => _tallies;

    public int Total { get; private set; }

    public void Add(Dimension dimension, string value, string protocol)
    {
        var byValue = _byDimension[(int)dimension];
        if (byValue is null)
        {
            byValue = new Dictionary<string, Tally>(StringComparer.Ordinal);
            _byDimension[(int)dimension] = byValue;
            _tallies[dimension] = byValue;
        }

        if (!byValue.TryGetValue(value, out var tally))
        {
            tally = new Tally();
            byValue[value] = tally;
        }

        tally.Add(protocol);
    }

    public void CountTicket() => Total++;

    public int CountOf(Dimension dimension, string value) =>
        _tallies.TryGetValue(dimension, out var byValue) && byValue.TryGetValue(value, out var t) ? t.Count : 0;
}
