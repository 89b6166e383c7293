using Helpdesk.Domain.Contracts;

namespace Helpdesk.Domain.Tests.Contracts;

/// <summary>The built-in contract document with its calendar in America/Manaus (UTC−4 all year; São Paulo is UTC−3).</summary>
public static class ManausContract
{
    public static ContractDefinition Definition { get; } = Load();

    public static string Json() =>
        DefaultContract.Json().Replace("\"timeZone\": \"America/Sao_Paulo\"", "\"timeZone\": \"America/Manaus\"", StringComparison.Ordinal);

    private static ContractDefinition Load()
    {
        var json = Json();
        if (json == DefaultContract.Json())
        {
            throw new InvalidOperationException("The built-in contract no longer names its zone as calendar.timeZone \"America/Sao_Paulo\".");
        }

        var result = ContractDefinitionLoader.Load(json);
        return result.IsSuccess ? result.Definition : throw new InvalidOperationException(string.Join("; ", result.Errors));
    }
}
