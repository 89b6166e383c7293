using Helpdesk.Domain.Knowledge;

namespace Helpdesk.Domain.Audit;

/// <summary>
/// The word lists of the auditor's text searches (seed 002, 5.4.4.12 and 5.2.4 d): data, not code, so that a contract
/// or an auditor can replace them. Matching is accent- and case-insensitive on whole words (see <see cref="TextFolding"/>):
/// "não solucionada" matches "NAO SOLUCIONADA!".
/// </summary>
/// <param name="Reopening">Words that suggest a complaint repeats an unsolved earlier one.</param>
/// <param name="Complaint">Words that suggest a record is a complaint whatever its classification.</param>
/// <param name="ComplaintCategories">Catalogue categories that count as "reclamação"; a record in any other category
/// whose text has a complaint word is a candidate misclassification.</param>
public sealed record AuditKeywords(IReadOnlyList<string> Reopening, IReadOnlyList<string> Complaint, IReadOnlyList<string> ComplaintCategories)
{
    /// <summary>Seed 002 names "reaberta", "repetida", "não solucionada" and ends with "etc."; the rest are the usual
    /// pt-BR ways of saying the same.</summary>
    public static AuditKeywords Default { get; } = new(
        ["reaberta", "reaberto", "reabrir", "repetida", "repetido", "não solucionada", "não solucionado", "não resolvida",
            "não resolvido", "novamente", "de novo", "outra vez", "mais uma vez", "persiste", "continua", "voltou"],
        ["reclamação", "reclamar", "reclamo", "insatisfeito", "insatisfeita", "absurdo", "descaso", "ouvidoria", "procon",
            "anatel", "cobrança indevida", "não funciona", "péssimo", "péssima", "falha", "indignado", "indignada"],
        ["reclamacao", "reclamacoes", "complaint"]);

    /// <summary>The keywords of <paramref name="words"/> found in <paramref name="text"/>, folded.</summary>
    public static IReadOnlyList<string> Find(string text, IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var folded = " " + TextFolding.Fold(text) + " ";
        return [.. words.Select(TextFolding.Fold).Where(w => w.Length > 0 && folded.Contains(" " + w + " ", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)];
    }

    public bool IsComplaintCategory(string? category) =>
        category is not null && ComplaintCategories.Any(c => string.Equals(TextFolding.Fold(c), TextFolding.Fold(category), StringComparison.Ordinal));

    /// <summary>A complaint: filed under a complaint category or, where the category does not say so (another
    /// category, or none yet), written as one: its text has a <see cref="Complaint"/> word, matched like
    /// <see cref="Find"/> (accent- and case-insensitive, whole words). The requester's words decide, not only the
    /// agent's classification (seed 002, 5.2.4 d: complaints filed under another category are still complaints).</summary>
    public bool IsComplaint(string? category, string text) =>
        IsComplaintCategory(category) || Find(text, Complaint).Count > 0;

    /// <summary>The most words one list may hold, and the longest word (a list comes from a query string or a command line).</summary>
    public const int MaxListWords = 100;

    public const int MaxWordLength = 100;

    /// <summary>A comma-separated word list ("reaberta, de novo"), trimmed; null when it has no word, more than
    /// <see cref="MaxListWords"/>, or a word longer than <see cref="MaxWordLength"/>.</summary>
    public static IReadOnlyList<string>? ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length == 0 || words.Length > MaxListWords || words.Any(w => w.Length > MaxWordLength) ? null : words;
    }
}
