using System.Diagnostics.CodeAnalysis;

namespace Helpdesk.Domain.Common;

public enum TaxIdKind
{
    /// <summary>A person's tax id (11 digits).</summary>
    Cpf,

    /// <summary>A company's tax id (14 characters: 12 alphanumeric, then 2 check digits, as the 2026 alphanumeric CNPJ allows).</summary>
    Cnpj,
}

/// <summary>
/// A CPF or CNPJ, valid by construction (length and check digits). Personal data under the LGPD: show
/// <see cref="Masked"/> to anyone whose role does not need the full number, and never log <see cref="Value"/>.
/// </summary>
public readonly record struct TaxId
{
    private static readonly int[] CpfWeights1 = [10, 9, 8, 7, 6, 5, 4, 3, 2];
    private static readonly int[] CpfWeights2 = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2];
    private static readonly int[] CnpjWeights1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    private static readonly int[] CnpjWeights2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

    private TaxId(TaxIdKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    public TaxIdKind Kind { get; }

    /// <summary>Digits (and, for an alphanumeric CNPJ, upper-case letters) without punctuation.</summary>
    public string Value { get; }

    /// <summary>The usual punctuation: <c>123.456.789-09</c> or <c>12.345.678/0001-95</c>.</summary>
    public string Formatted => Kind == TaxIdKind.Cpf
        ? $"{Value[..3]}.{Value[3..6]}.{Value[6..9]}-{Value[9..]}"
        : $"{Value[..2]}.{Value[2..5]}.{Value[5..8]}/{Value[8..12]}-{Value[12..]}";

    /// <summary>The masked form (LGPD): <c>***.456.789-**</c> or <c>**.345.678/0001-**</c>.</summary>
    public string Masked => Kind == TaxIdKind.Cpf
        ? $"***.{Value[3..6]}.{Value[6..9]}-**"
        : $"**.{Value[2..5]}.{Value[5..8]}/{Value[8..12]}-**";

    public static TaxId Parse(string? text) =>
        TryParse(text, out var id, out var error) ? id : throw new DomainException("taxId.invalid", error);

    /// <summary>Accepts a CPF or CNPJ with or without punctuation (<c>.</c>, <c>-</c>, <c>/</c>, spaces).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TaxId id, [NotNullWhen(false)] out string? error)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "is required";
            return false;
        }

        var chars = new List<char>(14);
        foreach (var c in text.Trim())
        {
            if (c is '.' or '-' or '/' or ' ')
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c) || chars.Count == 14)
            {
                error = "is not a CPF (11 digits) or CNPJ (14 characters)";
                return false;
            }

            chars.Add(char.ToUpperInvariant(c));
        }

        var value = new string([.. chars]);
        if (value.Length == 11 && value.All(char.IsAsciiDigit))
        {
            if (value.Distinct().Count() == 1 || !CheckDigits(value, CpfWeights1, CpfWeights2))
            {
                error = "is not a valid CPF (check digits do not match)";
                return false;
            }

            id = new TaxId(TaxIdKind.Cpf, value);
            error = null;
            return true;
        }

        if (value.Length == 14 && char.IsAsciiDigit(value[12]) && char.IsAsciiDigit(value[13]))
        {
            if (value.Distinct().Count() == 1 || !CheckDigits(value, CnpjWeights1, CnpjWeights2))
            {
                error = "is not a valid CNPJ (check digits do not match)";
                return false;
            }

            id = new TaxId(TaxIdKind.Cnpj, value);
            error = null;
            return true;
        }

        error = "is not a CPF (11 digits) or CNPJ (14 characters)";
        return false;
    }

    /// <summary>Modulo-11 check digits. Each character counts as its code minus 48 ('0' = 0, 'A' = 17), the rule of
    /// both the numeric and the alphanumeric CNPJ.</summary>
    private static bool CheckDigits(string value, int[] weights1, int[] weights2)
    {
        var first = Digit(value, weights1);
        var second = Digit(value, weights2);
        return value[weights1.Length] - '0' == first && value[weights2.Length] - '0' == second;
    }

    private static int Digit(string value, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += (value[i] - '0') * weights[i];
        }

        var remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }

    public override string ToString() => Masked;
}
