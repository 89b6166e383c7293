namespace Helpdesk.Domain.Contracts;

/// <summary>Enum values are written in camelCase in contracts and exports (<c>atLeast</c>, <c>milderBand</c>).</summary>
public static class ContractEnums
{
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        return !string.IsNullOrEmpty(text) && !char.IsDigit(text[0]) && text[0] != '-'
            && System.Enum.TryParse(text, ignoreCase: true, out value) && System.Enum.IsDefined(value);
    }

    public static string Names<T>()
        where T : struct, Enum => string.Join(", ", System.Enum.GetNames<T>().Select(CamelCase));

    public static string CamelCase<T>(T value)
        where T : struct, Enum => CamelCase(value.ToString());

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
