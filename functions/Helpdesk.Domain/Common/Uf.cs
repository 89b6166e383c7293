using System.Diagnostics.CodeAnalysis;

namespace Helpdesk.Domain.Common;

/// <summary>
/// A Brazilian federative unit ("Unidade da Federação": the 26 states and the Distrito Federal), valid by construction:
/// one of the 27 two-letter codes of IBGE. Input is trimmed and upper-cased (<c>" sp "</c> is <c>SP</c>); anything else
/// is rejected with <see cref="ErrorCode"/>.
/// </summary>
public readonly record struct Uf
{
    public const string ErrorCode = "uf.invalid";

    /// <summary>The 27 codes, in alphabetical order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "AC", "AL", "AM", "AP", "BA", "CE", "DF", "ES", "GO", "MA", "MG", "MS", "MT", "PA", "PB", "PE", "PI", "PR", "RJ",
        "RN", "RO", "RR", "RS", "SC", "SE", "SP", "TO",
    ];

    private static readonly HashSet<string> Codes = new(All, StringComparer.Ordinal);

    private Uf(string code) => Code = code;

    /// <summary>The two upper-case letters (<c>DF</c>).</summary>
    public string Code { get; }

    public static bool TryParse([NotNullWhen(true)] string? text, out Uf uf)
    {
        var code = text?.Trim().ToUpperInvariant();
        uf = code is not null && Codes.Contains(code) ? new Uf(code) : default;
        return code is not null && uf.Code is not null;
    }

    public static Uf Parse(string? text) =>
        TryParse(text, out var uf) ? uf : throw new DomainException(ErrorCode, $"A UF deve ser uma das 27 siglas ({string.Join(", ", All)}).");

    /// <summary>Null for a blank text, else <see cref="Parse"/>.</summary>
    public static Uf? ParseOptional(string? text) => string.IsNullOrWhiteSpace(text) ? null : Parse(text);

    public override string ToString() => Code ?? string.Empty;
}
