using System.Text.Json;
using Helpdesk.Domain.Calendar;
using Helpdesk.Domain.Sla;

namespace Helpdesk.Domain.Contracts;

/// <summary>Reads the <c>clockSettings</c> section; every field is optional and defaults to <see cref="ClockSettings.Default"/>.</summary>
internal static class ClockSettingsSectionReader
{
    public static ClockSettings? Read(JsonElement? section, JsonFields fields)
    {
        const string path = "clockSettings";
        if (section is not { } element)
        {
            return ClockSettings.Default;
        }

        if (!fields.IsObject(element, path, "atRiskThreshold", "pauseStartDayCounts", "resumeOnNextDay", "pendingCancellationDays", "businessDayDeadline", "businessDayCountStart", "externalHandOffSuspendsClock"))
        {
            return null;
        }

        var settings = ClockSettings.Default;
        var ok = true;
        if (fields.Number(element, "atRiskThreshold", path) is { } threshold)
        {
            if (threshold is > 0 and < 1)
            {
                settings = settings with { AtRiskThreshold = threshold };
            }
            else
            {
                fields.Error(JsonFields.Join(path, "atRiskThreshold"), $"{threshold} must be between 0 and 1 (exclusive), e.g. 0.8.");
                ok = false;
            }
        }

        if (fields.Boolean(element, "pauseStartDayCounts", path) is { } startCounts)
        {
            settings = settings with { PauseStartDayCounts = startCounts };
        }

        if (fields.Boolean(element, "resumeOnNextDay", path) is { } nextDay)
        {
            settings = settings with { ResumeOnNextDay = nextDay };
        }

        if (fields.Boolean(element, "externalHandOffSuspendsClock", path) is { } handOffSuspends)
        {
            settings = settings with { ExternalHandOffSuspendsClock = handOffSuspends };
        }

        if (fields.Number(element, "pendingCancellationDays", path) is { } days)
        {
            if (days >= 1 && days <= 3650 && days == Math.Floor(days))
            {
                settings = settings with { PendingCancellationDays = (int)days };
            }
            else
            {
                fields.Error(JsonFields.Join(path, "pendingCancellationDays"), $"{days} must be a whole number of days from 1 to 3650.");
                ok = false;
            }
        }

        switch (fields.String(element, "businessDayDeadline", path, required: false))
        {
            case null:
                break;
            case "endOfBusinessHours":
                settings = settings with { BusinessDayDeadline = BusinessDayDeadline.EndOfBusinessHours };
                break;
            case "endOfDay":
                settings = settings with { BusinessDayDeadline = BusinessDayDeadline.EndOfDay };
                break;
            case var other:
                fields.Error(JsonFields.Join(path, "businessDayDeadline"), $"'{other}' is not a choice; use endOfBusinessHours or endOfDay.");
                ok = false;
                break;
        }

        switch (fields.String(element, "businessDayCountStart", path, required: false))
        {
            case null:
                break;
            case "nextDay":
                settings = settings with { BusinessDayCountStart = BusinessDayCountStart.NextDay };
                break;
            case "receiptDay":
                settings = settings with { BusinessDayCountStart = BusinessDayCountStart.ReceiptDay };
                break;
            case var other:
                fields.Error(JsonFields.Join(path, "businessDayCountStart"), $"'{other}' is not a choice; use nextDay or receiptDay.");
                ok = false;
                break;
        }

        return ok ? settings : null;
    }
}
