using System.Globalization;
using System.Text;

namespace Helpdesk.Domain.Knowledge;

/// <summary>Accent- and case-insensitive text for pt-BR search: "Ação", "ACAO" and "acao" fold to "acao".</summary>
public static class TextFolding
{
    /// <summary>Lower case, diacritics removed (ç → c, ã → a), every run of non-letters-or-digits turned into one space.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                builder.Append(' ');
                space = true;
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>The distinct folded words of a query, in order.</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
}
