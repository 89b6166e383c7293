namespace Helpdesk.Domain.Catalogue;

/// <summary>A priority of the catalogue; <see cref="Rank"/> orders them (1 = most urgent).</summary>
public sealed record CataloguePriority(string Code, string Name, int Rank);
