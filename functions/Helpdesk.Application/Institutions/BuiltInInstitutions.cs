using Helpdesk.Domain.Common;
using Helpdesk.Domain.Institutions;

namespace Helpdesk.Application.Institutions;

/// <summary>The rows a new domain → institution table starts with. SQLite's schema seeds them in its migrations
/// (versions 2 and 8 of <c>SqliteSchema</c>, which cannot change); the Cosmos DB directory seeds these once. The
/// directories' contract suite checks that a fresh table of either lists exactly these.</summary>
public static class BuiltInInstitutions
{
    /// <summary>Who and when the built-in rows were written, as the SQLite migration records them.</summary>
    public const string ChangedBy = "system";

    public static readonly DateTimeOffset ChangedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<InstitutionMapping> All { get; } =
    [
        new("ifrs.edu.br", "Instituto Federal do Rio Grande do Sul (IFRS)", Uf.Parse("RS")),
        new("ifsc.edu.br", "Instituto Federal de Santa Catarina (IFSC)", Uf.Parse("SC")),
        new("ifsp.edu.br", "Instituto Federal de São Paulo (IFSP)", Uf.Parse("SP")),
        new("ufmg.br", "Universidade Federal de Minas Gerais (UFMG)", Uf.Parse("MG")),
    ];
}
