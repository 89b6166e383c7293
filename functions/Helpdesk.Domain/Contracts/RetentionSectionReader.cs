using System.Text.Json;

namespace Helpdesk.Domain.Contracts;

/// <summary>Reads the <c>retention</c> section: <c>{"closedTicketYears": 5}</c> (whole years, 0 to 30). Missing: the
/// default of five years.</summary>
internal static class RetentionSectionReader
{
    public static RetentionPolicy? Read(JsonElement? section, JsonFields fields)
    {
        const string path = "retention";
        if (section is not { } element)
        {
            return RetentionPolicy.Default;
        }

        if (!fields.IsObject(element, path, "closedTicketYears"))
        {
            return null;
        }

        var years = fields.Number(element, "closedTicketYears", path);
        if (years is null)
        {
            return element.TryGetProperty("closedTicketYears", out _) ? null : RetentionPolicy.Default;
        }

        if (years < 0 || years > RetentionPolicy.MaxYears || years != Math.Floor(years.Value))
        {
            fields.Error(JsonFields.Join(path, "closedTicketYears"), $"is a whole number of years from 0 to {RetentionPolicy.MaxYears}.");
            return null;
        }

        return new RetentionPolicy((int)years.Value);
    }
}
