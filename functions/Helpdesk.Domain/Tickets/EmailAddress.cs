using System.Diagnostics.CodeAnalysis;
using Helpdesk.Domain.Common;

namespace Helpdesk.Domain.Tickets;

/// <summary>An e-mail address in the simple <c>local@domain</c> form, with the domain in lower case.</summary>
public readonly record struct EmailAddress
{
    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public string Domain => Value[(Value.LastIndexOf('@') + 1)..];

    public static EmailAddress Parse(string? text) =>
        TryParse(text, out var address, out var error) ? address : throw new DomainException("email.invalid", error);

    public static bool TryParse([NotNullWhen(true)] string? text, out EmailAddress address, [NotNullWhen(false)] out string? error)
    {
        address = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            error = "is required";
            return false;
        }

        if (trimmed.Length > 254)
        {
            error = "is longer than 254 characters";
            return false;
        }

        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1 || trimmed.IndexOf('@', StringComparison.Ordinal) != at)
        {
            error = "is not an e-mail address (expected name@domain)";
            return false;
        }

        var domain = trimmed[(at + 1)..];
        if (!domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.') ||
            domain.Contains("..", StringComparison.Ordinal))
        {
            error = "has an invalid domain";
            return false;
        }

        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '(' or ')' or ',' or ';' or ':' or '"' or '[' or ']' or '\\')
            {
                error = "contains a character not allowed in an e-mail address";
                return false;
            }
        }

        address = new EmailAddress(trimmed[..at] + "@" + domain.ToLowerInvariant());
        error = null;
        return true;
    }

    /// <summary>A form safe for logs and for roles that must not see personal data: <c>j***@domain</c>.</summary>
    public string Masked() => Value[0] + "***" + Value[Value.LastIndexOf('@')..];

    public override string ToString() => Value;
}
