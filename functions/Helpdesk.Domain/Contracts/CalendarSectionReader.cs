using System.Text.Json;
using Helpdesk.Domain.Calendar;

namespace Helpdesk.Domain.Contracts;

/// <summary>Reads the <c>calendar</c> section into a <see cref="CalendarDefinition"/>.</summary>
internal static class CalendarSectionReader
{
    private static readonly string[] WeekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    public static (CalendarDefinition? Calendar, TimeZoneInfo? Zone) Read(
        JsonElement? section, JsonFields fields, Func<string, TimeZoneInfo?> resolveZone)
    {
        const string path = "calendar";
        if (section is not { } element)
        {
            var fallback = CalendarDefinition.NationalMondayToFriday;
            return (fallback, Resolve(fallback.TimeZoneId, path, fields, resolveZone));
        }

        if (!fields.IsObject(element, path, "timeZone", "businessHours", "optionalDays", "extraHolidays", "atypicalDays"))
        {
            return (null, null);
        }

        var zoneId = fields.String(element, "timeZone", path, required: false) ?? CalendarDefinition.SaoPauloTimeZoneId;
        var zone = Resolve(zoneId, path, fields, resolveZone);
        var week = ReadWeek(element, fields, path);
        var optional = ReadOptionalDays(element, fields, path);
        var extras = ReadExtraHolidays(element, fields, path);
        var atypical = ReadAtypicalDays(element, fields, path);
        if (week is null)
        {
            return (null, zone);
        }

        try
        {
            return (new CalendarDefinition(zoneId, week, optional, extras, atypical), zone);
        }
        catch (ArgumentException ex)
        {
            fields.Error(JsonFields.Join(path, "atypicalDays"), ex.Message);
            return (null, zone);
        }
    }

    private static TimeZoneInfo? Resolve(string zoneId, string path, JsonFields fields, Func<string, TimeZoneInfo?> resolveZone)
    {
        var zone = resolveZone(zoneId);
        if (zone is null)
        {
            fields.Error(JsonFields.Join(path, "timeZone"), $"'{zoneId}' is not a known IANA time zone (e.g. America/Sao_Paulo).");
        }

        return zone;
    }

    private static WeeklyBusinessHours? ReadWeek(JsonElement calendar, JsonFields fields, string path)
    {
        if (!calendar.TryGetProperty("businessHours", out var hours))
        {
            return WeeklyBusinessHours.MondayToFriday8To18;
        }

        var hoursPath = JsonFields.Join(path, "businessHours");
        if (!fields.IsObject(hours, hoursPath, WeekdayNames))
        {
            return null;
        }

        var byDay = new List<BusinessHoursInterval>[7];
        for (var d = 0; d < 7; d++)
        {
            byDay[d] = hours.TryGetProperty(WeekdayNames[d], out var day)
                ? fields.Intervals(day, JsonFields.Join(hoursPath, WeekdayNames[d]))
                : [];
        }

        return WeeklyBusinessHours.Build(d => byDay[(int)d]);
    }

    private static List<OptionalDay> ReadOptionalDays(JsonElement calendar, JsonFields fields, string path)
    {
        var result = new List<OptionalDay>();
        foreach (var (item, itemPath) in fields.Array(calendar, "optionalDays", path))
        {
            var name = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (Enum.TryParse<OptionalDay>(name, ignoreCase: true, out var day) && Enum.IsDefined(day) && !int.TryParse(name, out _))
            {
                result.Add(day);
            }
            else
            {
                fields.Error(itemPath, $"{JsonFields.Describe(item)} is not an optional day; use carnivalMonday, carnivalTuesday or corpusChristi.");
            }
        }

        return result;
    }

    private static List<ExtraHoliday> ReadExtraHolidays(JsonElement calendar, JsonFields fields, string path)
    {
        var result = new List<ExtraHoliday>();
        foreach (var (item, itemPath) in fields.Array(calendar, "extraHolidays", path))
        {
            if (!fields.IsObject(item, itemPath, "date", "annual", "name", "scope", "place"))
            {
                continue;
            }

            var name = fields.String(item, "name", itemPath, required: true);
            var scopeText = fields.String(item, "scope", itemPath, required: true);
            var place = fields.String(item, "place", itemPath, required: false);
            HolidayScope? scope = scopeText switch
            {
                "state" => HolidayScope.State,
                "municipal" => HolidayScope.Municipal,
                "contract" => HolidayScope.Contract,
                null => null,
                _ => null,
            };
            if (scopeText is not null && scope is null)
            {
                fields.Error(JsonFields.Join(itemPath, "scope"), $"'{scopeText}' is not a scope; use state, municipal or contract.");
            }

            var dateText = fields.String(item, "date", itemPath, required: false);
            var annualText = fields.String(item, "annual", itemPath, required: false);
            if ((dateText is null) == (annualText is null))
            {
                fields.Error(itemPath, "give exactly one of 'date' (yyyy-MM-dd) or 'annual' (MM-dd).");
                continue;
            }

            if (name is null || scope is null)
            {
                continue;
            }

            if (dateText is not null)
            {
                if (fields.Date(dateText, JsonFields.Join(itemPath, "date")) is { } date)
                {
                    result.Add(ExtraHoliday.OnDate(date, name, scope.Value, place));
                }
            }
            else if (DateOnly.TryParseExact("2000-" + annualText, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var monthDay))
            {
                result.Add(ExtraHoliday.Annual(monthDay.Month, monthDay.Day, name, scope.Value, place));
            }
            else
            {
                fields.Error(JsonFields.Join(itemPath, "annual"), $"'{annualText}' is not a day of the year; write MM-dd.");
            }
        }

        return result;
    }

    private static List<AtypicalDay> ReadAtypicalDays(JsonElement calendar, JsonFields fields, string path)
    {
        var result = new List<AtypicalDay>();
        var seen = new HashSet<DateOnly>();
        foreach (var (item, itemPath) in fields.Array(calendar, "atypicalDays", path))
        {
            if (!fields.IsObject(item, itemPath, "date", "reason", "businessHours"))
            {
                continue;
            }

            var date = fields.Date(fields.String(item, "date", itemPath, required: true), JsonFields.Join(itemPath, "date"));
            var reason = fields.String(item, "reason", itemPath, required: true);
            var hours = item.TryGetProperty("businessHours", out var h)
                ? fields.Intervals(h, JsonFields.Join(itemPath, "businessHours"))
                : [];
            if (date is null || reason is null)
            {
                continue;
            }

            if (!seen.Add(date.Value))
            {
                fields.Error(JsonFields.Join(itemPath, "date"), $"{date:yyyy-MM-dd} is listed twice.");
                continue;
            }

            result.Add(new AtypicalDay(date.Value, reason, hours));
        }

        return result;
    }
}
