using System.Globalization;
using System.Text;

namespace Helpdesk.Domain.Knowledge;

/// <summary>Accent- and case-insensitive text for pt-BR search: "Ação", "ACAO" and "acao" fold to "acao".</summary>
public static class TextFolding
{
    /// <summary>Characters below this code point fold through <see cref="Table"/>: none of them is a combining mark or a
    /// surrogate, so the canonical decomposition of a text made only of them is the concatenation of each character's own
    /// decomposition, and folding it character by character gives what <see cref="FoldNormalized"/> gives.</summary>
    private const int TableLimit = 0x300;

    /// <summary>Per character below <see cref="TableLimit"/>: what <see cref="FoldNormalized"/>'s loop appends for it, with
    /// <see cref="Separator"/> standing for "a run of non-letters-or-digits". Built from the reference path itself.</summary>
    private static readonly string[] Table = BuildTable();

    /// <summary>The longest entry of <see cref="Table"/> (the fast path's buffer is this many characters per input one).</summary>
    private static readonly int Widest = Table.Max(e => e.Length);

    private const char Separator = '\0';

    /// <summary>Lower case, diacritics removed (ç → c, ã → a), every run of non-letters-or-digits turned into one space.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        foreach (var c in text)
        {
            if (c >= TableLimit)
            {
                return FoldNormalized(text);
            }
        }

        // Fast path (issue 21: ticket writes fold three search texts each): no ICU normalization, one pass, one buffer.
        var size = text.Length * Widest;
        Span<char> buffer = size <= 2048 ? stackalloc char[size] : new char[size];
        var length = 0;
        var space = true;
        foreach (var c in text)
        {
            foreach (var folded in Table[c])
            {
                if (folded != Separator)
                {
                    buffer[length++] = folded;
                    space = false;
                }
                else if (!space)
                {
                    buffer[length++] = ' ';
                    space = true;
                }
            }
        }

        while (length > 0 && buffer[length - 1] == ' ')
        {
            length--;
        }

        return new string(buffer[..length]);
    }

    /// <summary>The reference: canonical decomposition (ICU), then the per-character loop. Used for any text with a
    /// character at or above <see cref="TableLimit"/>, and to build <see cref="Table"/>.</summary>
    internal static string FoldNormalized(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = true;
        foreach (var c in decomposed)
        {
            switch (FoldDecomposed(c))
            {
                case null:
                    break;
                case Separator when !space:
                    builder.Append(' ');
                    space = true;
                    break;
                case Separator:
                    break;
                case { } letter:
                    builder.Append(letter);
                    space = false;
                    break;
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>One character of a decomposed text: null for a diacritic (dropped), the lower-case letter or digit, or
    /// <see cref="Separator"/> for anything else. The one rule both paths (and <see cref="Table"/>) fold by.</summary>
    private static char? FoldDecomposed(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark ? null
        : char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c)
        : Separator;

    /// <summary>The distinct folded words of a query, in order.</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();

    private static string[] BuildTable()
    {
        var table = new string[TableLimit];
        for (var code = 0; code < TableLimit; code++)
        {
            var entry = new StringBuilder();
            foreach (var c in ((char)code).ToString().Normalize(NormalizationForm.FormD))
            {
                if (FoldDecomposed(c) is { } folded)
                {
                    entry.Append(folded);
                }
            }

            table[code] = entry.ToString();
        }

        return table;
    }
}
