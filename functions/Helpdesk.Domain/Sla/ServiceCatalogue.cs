using Helpdesk.Domain.Calendar;

namespace Helpdesk.Domain.Sla;

/// <summary>
/// The service catalogue's targets, looked up by category and priority (ordinal, case-insensitive), and the contract's
/// target for a ticket that has none of its own (<see cref="Unclassified"/>): seed 003 4.1 b counts every deadline from
/// receipt, so a ticket's resolution clock runs from registration whether or not it was classified yet.
/// </summary>
public sealed class ServiceCatalogue
{
    private readonly Dictionary<(string, string), ServiceCatalogueEntry> _byKey;

    public ServiceCatalogue(IReadOnlyList<ServiceCatalogueEntry> entries, ServiceCatalogueEntry? unclassified = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries.ToArray();
        Unclassified = unclassified ?? DefaultUnclassified;
        _byKey = new Dictionary<(string, string), ServiceCatalogueEntry>();
        foreach (var entry in Entries)
        {
            if (!_byKey.TryAdd(Key(entry.Category, entry.Priority), entry))
            {
                throw new ArgumentException($"The catalogue lists {entry.Category} × {entry.Priority} twice.", nameof(entries));
            }
        }
    }

    /// <summary>
    /// The default target of a ticket without a catalogue entry (not classified yet, or a category × priority the contract
    /// does not list) when the contract names none (<c>serviceCatalogue.unclassified</c>): first response in 4 business
    /// hours, resolution in 5 business days with a cap of 10, the regulator's general deadline for requests and
    /// information (seed 002 5.9.1.1).
    /// </summary>
    public static ServiceCatalogueEntry DefaultUnclassified { get; } = new(
        string.Empty,
        string.Empty,
        new SlaTarget(BusinessDuration.BusinessHours(TimeSpan.FromHours(4))),
        new SlaTarget(BusinessDuration.BusinessDays(5), BusinessDuration.BusinessDays(10)));

    public IReadOnlyList<ServiceCatalogueEntry> Entries { get; }

    /// <summary>The targets of a ticket that has no entry of its own (empty category and priority).</summary>
    public ServiceCatalogueEntry Unclassified { get; }

    public ServiceCatalogueEntry? Find(string category, string priority) =>
        _byKey.TryGetValue(Key(category, priority), out var entry) ? entry : null;

    /// <summary>The targets a ticket's clocks run against: its category × priority's entry, else <see cref="Unclassified"/>.
    /// A later classification changes the entry, and the deadline is counted again from receipt with the new target.</summary>
    public ServiceCatalogueEntry TargetsFor(string? category, string? priority) =>
        category is not null && priority is not null && Find(category, priority) is { } entry ? entry : Unclassified;

    private static (string, string) Key(string category, string priority) =>
        (category.ToUpperInvariant(), priority.ToUpperInvariant());
}
