using System.Globalization;
using System.Text.Json;
using Helpdesk.Domain.Calendar;

namespace Helpdesk.Domain.Contracts;

/// <summary>Shared reading helpers for the section readers: every failure is recorded with its JSON path, never thrown.</summary>
internal sealed class JsonFields(List<ContractError> errors)
{
    public void Error(string path, string message) => errors.Add(new ContractError(path, message));

    /// <summary>Checks that <paramref name="element"/> is an object with only the <paramref name="known"/> properties.</summary>
    public bool IsObject(JsonElement element, string path, params string[] known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error(path, $"must be an object, not {Describe(element)}.");
            return false;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (System.Array.IndexOf(known, property.Name) < 0)
            {
                Error(Join(path, property.Name), $"unknown field; expected one of: {string.Join(", ", known)}.");
            }
        }

        return true;
    }

    public static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    public static string Index(string path, int i) => path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";

    public string? String(JsonElement parent, string name, string path, bool required)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error(Join(path, name), "is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            Error(Join(path, name), $"must be a non-empty string, not {Describe(value)}.");
            return null;
        }

        return value.GetString();
    }

    public bool? Boolean(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Error(Join(path, name), $"must be true or false, not {Describe(value)}.");
        return null;
    }

    public double? Number(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
        {
            return number;
        }

        Error(Join(path, name), $"must be a number, not {Describe(value)}.");
        return null;
    }

    public IEnumerable<(JsonElement Item, string Path)> Array(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            yield break;
        }

        var arrayPath = Join(path, name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(arrayPath, $"must be an array, not {Describe(value)}.");
            yield break;
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            yield return (item, Index(arrayPath, i++));
        }
    }

    public DateOnly? Date(string? text, string path)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(path, $"'{text}' is not a date; write yyyy-MM-dd.");
        return null;
    }

    public BusinessDuration? Duration(JsonElement parent, string name, string path, bool required)
    {
        var text = String(parent, name, path, required);
        if (text is null)
        {
            return null;
        }

        if (BusinessDuration.TryParse(text, out var duration, out var error))
        {
            return duration;
        }

        Error(Join(path, name), error);
        return null;
    }

    /// <summary>A list of {"start":"HH:mm","end":"HH:mm"} intervals, sorted and without overlap.</summary>
    public List<BusinessHoursInterval> Intervals(JsonElement array, string path)
    {
        var result = new List<BusinessHoursInterval>();
        if (array.ValueKind != JsonValueKind.Array)
        {
            Error(path, $"must be an array of {{\"start\": \"HH:mm\", \"end\": \"HH:mm\"}}, not {Describe(array)}.");
            return result;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = Index(path, i++);
            if (!IsObject(item, itemPath, "start", "end"))
            {
                continue;
            }

            var start = TimeOfDay(item, "start", itemPath);
            var end = TimeOfDay(item, "end", itemPath);
            if (start is null || end is null)
            {
                continue;
            }

            if (start.Value == BusinessHoursInterval.MinutesPerDay)
            {
                Error(Join(itemPath, "start"), "cannot be 24:00.");
            }
            else if (end.Value <= start.Value)
            {
                Error(Join(itemPath, "end"), $"{BusinessHoursInterval.FormatTimeOfDay(end.Value)} must be after the start {BusinessHoursInterval.FormatTimeOfDay(start.Value)}.");
            }
            else if (result.Count > 0 && start.Value < result[^1].EndMinute)
            {
                Error(Join(itemPath, "start"), $"overlaps or precedes the previous interval {result[^1]}; list intervals in order without overlap.");
            }
            else
            {
                result.Add(BusinessHoursInterval.Create(start.Value, end.Value));
            }
        }

        return result;
    }

    private int? TimeOfDay(JsonElement parent, string name, string path)
    {
        var text = String(parent, name, path, required: true);
        if (text is null)
        {
            return null;
        }

        if (BusinessHoursInterval.TryParseTimeOfDay(text, out var minute))
        {
            return minute;
        }

        Error(Join(path, name), $"'{text}' is not a time of day; write HH:mm (00:00 to 24:00).");
        return null;
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => "null",
    };
}
