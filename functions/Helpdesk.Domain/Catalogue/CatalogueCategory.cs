namespace Helpdesk.Domain.Catalogue;

/// <summary>A category of the service catalogue ("classificação" / "oferta"): where its tickets start (level-1 group),
/// where they go when level 1 cannot resolve them (level-2 group), the level-1 script ("roteiro") agents follow, and
/// the default priority. Its targets are the contract's (<c>serviceCatalogue</c> entries keyed by category × priority).</summary>
public sealed record CatalogueCategory(
    string Code,
    string Name,
    string Level1Group,
    string Level2Group,
    string DefaultPriority,
    IReadOnlyList<string> Script);
