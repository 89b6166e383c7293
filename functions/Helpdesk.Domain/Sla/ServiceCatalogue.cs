namespace Helpdesk.Domain.Sla;

/// <summary>The service catalogue's targets, looked up by category and priority (ordinal, case-insensitive).</summary>
public sealed class ServiceCatalogue
{
    private readonly Dictionary<(string, string), ServiceCatalogueEntry> _byKey;

    public ServiceCatalogue(IReadOnlyList<ServiceCatalogueEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries.ToArray();
        _byKey = new Dictionary<(string, string), ServiceCatalogueEntry>();
        foreach (var entry in Entries)
        {
            if (!_byKey.TryAdd(Key(entry.Category, entry.Priority), entry))
            {
                throw new ArgumentException($"The catalogue lists {entry.Category} × {entry.Priority} twice.", nameof(entries));
            }
        }
    }

    public IReadOnlyList<ServiceCatalogueEntry> Entries { get; }

    public ServiceCatalogueEntry? Find(string category, string priority) =>
        _byKey.TryGetValue(Key(category, priority), out var entry) ? entry : null;

    private static (string, string) Key(string category, string priority) =>
        (category.ToUpperInvariant(), priority.ToUpperInvariant());
}
