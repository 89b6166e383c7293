using System.Text.Json;
using Helpdesk.Domain.Catalogue;

namespace Helpdesk.Domain.Contracts;

/// <summary>Reads the <c>externalTeams</c> section: <c>{"teams": [{code, name}]}</c>; codes unique. Missing: no team.</summary>
internal static class ExternalTeamsSectionReader
{
    public static IReadOnlyList<ExternalTeam>? Read(JsonElement? section, JsonFields fields)
    {
        const string path = "externalTeams";
        if (section is not { } element)
        {
            return [];
        }

        if (!fields.IsObject(element, path, "teams"))
        {
            return null;
        }

        var teams = new List<ExternalTeam>();
        var ok = true;
        foreach (var (item, itemPath) in fields.Array(element, "teams", path))
        {
            if (!fields.IsObject(item, itemPath, "code", "name"))
            {
                ok = false;
                continue;
            }

            var code = fields.String(item, "code", itemPath, required: true);
            var name = fields.String(item, "name", itemPath, required: true);
            if (code is null || name is null)
            {
                ok = false;
                continue;
            }

            if (code.Length > ExternalTeam.MaxCodeLength || name.Length > ExternalTeam.MaxNameLength)
            {
                fields.Error(itemPath, $"code is at most {ExternalTeam.MaxCodeLength} characters and name at most {ExternalTeam.MaxNameLength}.");
                ok = false;
                continue;
            }

            if (teams.Exists(t => string.Equals(t.Code, code, StringComparison.Ordinal)))
            {
                fields.Error(JsonFields.Join(itemPath, "code"), $"'{code}' is listed twice.");
                ok = false;
                continue;
            }

            teams.Add(new ExternalTeam(code, name));
        }

        return ok ? teams : null;
    }
}
