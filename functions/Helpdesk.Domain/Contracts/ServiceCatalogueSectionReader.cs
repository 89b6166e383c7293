using System.Text.Json;
using Helpdesk.Domain.Sla;

namespace Helpdesk.Domain.Contracts;

/// <summary>Reads the <c>serviceCatalogue</c> section: <c>{"entries": [{category, priority, firstResponse, resolution}],
/// "unclassified": {firstResponse, resolution}}</c> (the latter optional: <see cref="ServiceCatalogue.DefaultUnclassified"/>).</summary>
internal static class ServiceCatalogueSectionReader
{
    public static ServiceCatalogue? Read(JsonElement? section, JsonFields fields)
    {
        const string path = "serviceCatalogue";
        if (section is not { } element)
        {
            return new ServiceCatalogue([]);
        }

        if (!fields.IsObject(element, path, "entries", "unclassified"))
        {
            return null;
        }

        var entries = new List<ServiceCatalogueEntry>();
        var keys = new HashSet<(string, string)>();
        var ok = true;
        foreach (var (item, itemPath) in fields.Array(element, "entries", path))
        {
            if (!fields.IsObject(item, itemPath, "category", "priority", "firstResponse", "resolution"))
            {
                ok = false;
                continue;
            }

            var category = fields.String(item, "category", itemPath, required: true);
            var priority = fields.String(item, "priority", itemPath, required: true);
            var firstResponse = Target(item, "firstResponse", itemPath, fields);
            var resolution = Target(item, "resolution", itemPath, fields);
            if (category is null || priority is null || firstResponse is null || resolution is null)
            {
                ok = false;
                continue;
            }

            if (!keys.Add((category.ToUpperInvariant(), priority.ToUpperInvariant())))
            {
                fields.Error(itemPath, $"{category} × {priority} is listed twice.");
                ok = false;
                continue;
            }

            entries.Add(new ServiceCatalogueEntry(category, priority, firstResponse, resolution));
        }

        ServiceCatalogueEntry? unclassified = null;
        if (element.TryGetProperty("unclassified", out var fallback))
        {
            var fallbackPath = JsonFields.Join(path, "unclassified");
            if (!fields.IsObject(fallback, fallbackPath, "firstResponse", "resolution"))
            {
                ok = false;
            }
            else
            {
                var firstResponse = Target(fallback, "firstResponse", fallbackPath, fields);
                var resolution = Target(fallback, "resolution", fallbackPath, fields);
                ok &= firstResponse is not null && resolution is not null;
                unclassified = firstResponse is null || resolution is null ? null : new ServiceCatalogueEntry(string.Empty, string.Empty, firstResponse, resolution);
            }
        }

        return ok ? new ServiceCatalogue(entries, unclassified) : null;
    }

    /// <summary>A target: either a duration string ("8 business hours") or {"due", "limit", "limitPastRequested"}.</summary>
    private static SlaTarget? Target(JsonElement entry, string name, string path, JsonFields fields)
    {
        var targetPath = JsonFields.Join(path, name);
        if (!entry.TryGetProperty(name, out var value))
        {
            fields.Error(targetPath, "is required.");
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return fields.Duration(entry, name, path, required: true) is { } due ? new SlaTarget(due) : null;
        }

        if (!fields.IsObject(value, targetPath, "due", "limit", "limitPastRequested"))
        {
            return null;
        }

        var dueDuration = fields.Duration(value, "due", targetPath, required: true);
        var limit = fields.Duration(value, "limit", targetPath, required: false);
        var pastRequested = fields.Duration(value, "limitPastRequested", targetPath, required: false);
        if (dueDuration is null)
        {
            return null;
        }

        if (limit is { } l && l.Unit == dueDuration.Value.Unit && l.Amount < dueDuration.Value.Amount)
        {
            fields.Error(JsonFields.Join(targetPath, "limit"), $"{l} is shorter than the due target {dueDuration.Value}.");
            return null;
        }

        return new SlaTarget(dueDuration.Value, limit, pastRequested);
    }
}
