using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Domain.Catalogue;

/// <summary>
/// The service catalogue as data: categories, priorities and support groups per level, with the level-1 scripts.
/// Level 2 maintains it (seed 001). Valid by construction: codes unique, every category's groups exist at the right
/// level, its default priority exists, reason keywords only on level-2 groups. A group given without reason keywords
/// (null: a catalogue stored before they were data, or a document that leaves the field out) gets the built-in keywords
/// of its code (<see cref="BuiltInReasonKeywords"/>) when it is a level-2 group, none otherwise.
/// </summary>
public sealed record SupportCatalogue
{
    public const int MaxCodeLength = 64;

    /// <summary>The largest value of one service order (BRL): a guard against a typo of a few zeros.</summary>
    public const decimal MaxActivityValue = 100_000_000m;

    public SupportCatalogue(IReadOnlyList<CatalogueCategory> categories, IReadOnlyList<CataloguePriority> priorities, IReadOnlyList<SupportGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(priorities);
        ArgumentNullException.ThrowIfNull(groups);
        var errors = Validate(categories, priorities, groups);
        if (errors.Count > 0)
        {
            throw new CatalogueException(errors);
        }

        Categories = categories;
        Priorities = priorities;
        Groups = [.. groups.Select(WithKeywords)];
    }

    public IReadOnlyList<CatalogueCategory> Categories { get; }

    public IReadOnlyList<CataloguePriority> Priorities { get; }

    public IReadOnlyList<SupportGroup> Groups { get; }

    /// <summary>The reason keywords of the built-in level-2 groups (docs/escalation.md), by group code: what the built-in
    /// catalogue has, and what a group of that code gets when it is given without keywords.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> BuiltInReasonKeywords { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["identity"] = ["senha", "acesso", "login", "permissão", "conta bloqueada"],
        ["network"] = ["vpn", "rede", "conexão", "wi-fi", "internet"],
    };

    /// <summary>The built-in catalogue: the category and priority codes of the built-in contract's targets
    /// (<c>Contracts/default-contract.json</c>), so that every category × priority there has its deadlines.</summary>
    public static SupportCatalogue Default { get; } = new(
        [
            new("information", "Informação / dúvida", "service-desk", "systems", "normal",
                ["Confirme nome, e-mail e instituição do solicitante.", "Procure a resposta na base de conhecimento e envie o artigo.", "Se a dúvida for sobre regra de negócio do sistema, escale para Sistemas."],
                TicketKind.Information),
            new("request", "Solicitação de serviço", "service-desk", "systems", "normal",
                ["Confirme que o solicitante tem autorização (chefia ou gestor do sistema).", "Registre o que foi pedido e o prazo desejado.", "Atenda se houver roteiro; senão, escale para Sistemas."]),
            new("installation", "Instalação", "service-desk", "field", "normal",
                ["Confirme endereço, equipamento e data desejada.", "Agende com a equipe de campo (escale para Campo)."]),
            new("repair", "Reparo", "service-desk", "network", "normal",
                ["Peça ao solicitante para reiniciar o equipamento e testar outro ponto de rede.", "Colete o print do erro e o horário.", "Se persistir, escale para Redes."]),
            new("incident", "Incidente (sistema fora do ar ou com erro)", "service-desk", "systems", "normal",
                ["Verifique se há outros chamados sobre o mesmo sistema (possível duplicidade).", "Colete mensagem de erro, horário e passos para reproduzir.", "Se o sistema estiver fora do ar para vários usuários, use prioridade alta e escale para Sistemas."],
                TicketKind.Incident),
            new("complaint", "Reclamação", "service-desk", "systems", "normal",
                ["Registre o motivo da reclamação com as palavras do solicitante.", "Procure chamados anteriores do mesmo solicitante sobre o mesmo assunto: se houver, trate como reabertura.", "Se a solução depender de outra equipe, escale para Sistemas."],
                TicketKind.Complaint),
        ],
        [
            new("high", "Alta", 1),
            new("normal", "Normal", 2),
        ],
        [
            new("service-desk", "Central de Serviços (1º nível)", SupportGroup.Level1),
            new("systems", "Sistemas (2º nível)", SupportGroup.Level2),
            new("identity", "Identidade e Acesso (2º nível)", SupportGroup.Level2, BuiltInReasonKeywords["identity"]),
            new("network", "Redes e Infraestrutura (2º nível)", SupportGroup.Level2, BuiltInReasonKeywords["network"]),
            new("field", "Atendimento de Campo (2º nível)", SupportGroup.Level2),
        ]);

    /// <summary>A group as kept: its keywords as given, or, when not given, its code's built-in ones (level 2 only).</summary>
    private static SupportGroup WithKeywords(SupportGroup group) => group.ReasonKeywords is not null
        ? group
        : group with { ReasonKeywords = group.Level == SupportGroup.Level2 && BuiltInReasonKeywords.TryGetValue(group.Code, out var keywords) ? keywords : [] };

    public SupportGroup? FindGroup(string? code) => Groups.FirstOrDefault(g => string.Equals(g.Code, code, StringComparison.Ordinal));

    public CatalogueCategory? FindCategory(string? code) => Categories.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));

    public CataloguePriority? FindPriority(string? code) => Priorities.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.Ordinal));

    /// <summary>Every problem of a candidate catalogue, keyed by a JSON path (<c>categories[2].level2Group</c>).</summary>
    public static IReadOnlyDictionary<string, string> Validate(IReadOnlyList<CatalogueCategory> categories, IReadOnlyList<CataloguePriority> priorities, IReadOnlyList<SupportGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(priorities);
        ArgumentNullException.ThrowIfNull(groups);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        CheckCodes(groups.Select(g => g.Code).ToList(), "groups", errors);
        CheckCodes(priorities.Select(p => p.Code).ToList(), "priorities", errors);
        CheckCodes(categories.Select(c => c.Code).ToList(), "categories", errors);
        if (groups.Count == 0)
        {
            errors["groups"] = "at least one group is required";
        }

        if (priorities.Count == 0)
        {
            errors["priorities"] = "at least one priority is required";
        }

        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i].Level is not (SupportGroup.Level1 or SupportGroup.Level2))
            {
                errors[$"groups[{i}].level"] = "must be 1 or 2";
            }

            if (string.IsNullOrWhiteSpace(groups[i].Name))
            {
                errors[$"groups[{i}].name"] = "is required";
            }

            if (groups[i].ReasonKeywords is { } keywords)
            {
                if (keywords.Count > 0 && groups[i].Level != SupportGroup.Level2)
                {
                    errors[$"groups[{i}].reasonKeywords"] = "only level-2 groups receive escalations by keyword";
                }
                else if (keywords.Any(k => string.IsNullOrWhiteSpace(k) || k.Length > SupportGroup.MaxKeywordLength))
                {
                    errors[$"groups[{i}].reasonKeywords"] = $"must be a list of non-empty words of at most {SupportGroup.MaxKeywordLength} characters";
                }
            }
        }

        for (var i = 0; i < categories.Count; i++)
        {
            var c = categories[i];
            if (string.IsNullOrWhiteSpace(c.Name))
            {
                errors[$"categories[{i}].name"] = "is required";
            }

            if (groups.FirstOrDefault(g => g.Code == c.Level1Group) is not { Level: SupportGroup.Level1 })
            {
                errors[$"categories[{i}].level1Group"] = $"'{c.Level1Group}' is not a level-1 group of the catalogue";
            }

            if (groups.FirstOrDefault(g => g.Code == c.Level2Group) is not { Level: SupportGroup.Level2 })
            {
                errors[$"categories[{i}].level2Group"] = $"'{c.Level2Group}' is not a level-2 group of the catalogue";
            }

            if (!priorities.Any(p => p.Code == c.DefaultPriority))
            {
                errors[$"categories[{i}].defaultPriority"] = $"'{c.DefaultPriority}' is not a priority of the catalogue";
            }

            if (c.Script is null || c.Script.Any(string.IsNullOrWhiteSpace))
            {
                errors[$"categories[{i}].script"] = "must be a list of non-empty steps";
            }

            if (!Enum.IsDefined(c.Kind))
            {
                errors[$"categories[{i}].kind"] = "must be request, information, complaint, incident or other";
            }

            if (c.ActivityValue is { } value && (value <= 0m || value > MaxActivityValue))
            {
                errors[$"categories[{i}].activityValue"] = $"must be a positive amount in BRL (at most {MaxActivityValue})";
            }
        }

        return errors;
    }

    private static void CheckCodes(IReadOnlyList<string> codes, string path, Dictionary<string, string> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i];
            if (string.IsNullOrWhiteSpace(code) || code.Length > MaxCodeLength || !code.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '-'))
            {
                errors[$"{path}[{i}].code"] = $"must be 1 to {MaxCodeLength} lower-case letters, digits or '-'";
            }
            else if (!seen.Add(code))
            {
                errors[$"{path}[{i}].code"] = $"'{code}' is listed twice";
            }
        }
    }
}

/// <summary>A catalogue that breaks its rules; <see cref="Errors"/> names each field.</summary>
public sealed class CatalogueException(IReadOnlyDictionary<string, string> errors)
    : DomainException("catalogue.invalid", "The catalogue is invalid: " + string.Join("; ", errors.Select(e => e.Key + " " + e.Value)))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}
