using Helpdesk.Domain.Catalogue;

namespace Helpdesk.Application.Ports;

/// <summary>The stored service catalogue and its version (for If-Match).</summary>
public sealed record StoredCatalogue(SupportCatalogue Catalogue, int Version);

/// <summary>Keeps the service catalogue (one document). A store that holds none answers the built-in default at version 0.</summary>
public interface ICatalogueStore
{
    Task<StoredCatalogue> GetAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the catalogue if the stored version is still <paramref name="expectedVersion"/>; otherwise
    /// throws <see cref="ConcurrencyConflictException"/>.</summary>
    Task<StoredCatalogue> SaveAsync(SupportCatalogue catalogue, int expectedVersion, string changedBy, DateTimeOffset now, CancellationToken cancellationToken);
}
