namespace Helpdesk.Domain.Contracts;

/// <summary>The built-in contract (embedded <c>Contracts/default-contract.json</c>), used when no contract file is given.</summary>
public static class DefaultContract
{
    public const string ResourceName = "Helpdesk.Domain.Contracts.default-contract.json";

    private static readonly Lazy<ContractDefinition> Loaded = new(Load);

    private static readonly Lazy<Calendar.BusinessCalendar> Compiled = new(() => Loaded.Value.BuildCalendar());

    public static ContractDefinition Definition => Loaded.Value;

    /// <summary>The built-in contract's business calendar, compiled once (2000..2100).</summary>
    public static Calendar.BusinessCalendar Calendar => Compiled.Value;

    /// <summary>The embedded JSON text.</summary>
    public static string Json()
    {
        using var stream = typeof(DefaultContract).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static ContractDefinition Load()
    {
        var result = ContractDefinitionLoader.Load(Json());
        return result.IsSuccess
            ? result.Definition
            : throw new InvalidOperationException("The built-in contract is invalid: " + string.Join("; ", result.Errors));
    }
}
