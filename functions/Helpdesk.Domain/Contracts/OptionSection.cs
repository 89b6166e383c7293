using System.Text.Json;

namespace Helpdesk.Domain.Contracts;

/// <summary>Reads a flat JSON object of named settings, recording errors that name the field and rejecting unknown names.</summary>
internal sealed class OptionSection(string path, Dictionary<string, JsonElement>? values, List<string> errors)
{
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public int Int(string name, int fallback, int min, int max)
    {
        if (!TryGet(name, out var e))
        {
            return fallback;
        }

        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var v) || v < min || v > max)
        {
            errors.Add($"{path}.{name}: must be a whole number between {min} and {max}");
            return fallback;
        }

        return v;
    }

    public decimal? Decimal(string name, decimal? fallback, decimal min, decimal max)
    {
        if (!TryGet(name, out var e))
        {
            return fallback;
        }

        if (e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDecimal(out var v) || v < min || v > max)
        {
            errors.Add($"{path}.{name}: must be a number between {min} and {max}");
            return fallback;
        }

        return v;
    }

    public T Enum<T>(string name, T fallback)
        where T : struct, Enum
    {
        if (!TryGet(name, out var e))
        {
            return fallback;
        }

        if (e.ValueKind == JsonValueKind.String && ContractEnums.TryParse<T>(e.GetString(), out var v))
        {
            return v;
        }

        errors.Add($"{path}.{name}: must be one of {ContractEnums.Names<T>()}");
        return fallback;
    }

    /// <summary>Call after reading every known name: reports the rest as unknown.</summary>
    public void RejectUnknown()
    {
        foreach (var key in values?.Keys ?? Enumerable.Empty<string>())
        {
            if (!_known.Contains(key))
            {
                errors.Add($"{path}.{key}: unknown setting");
            }
        }
    }

    private bool TryGet(string name, out JsonElement element)
    {
        _known.Add(name);
        element = default;
        return values is not null && values.TryGetValue(name, out element);
    }
}
