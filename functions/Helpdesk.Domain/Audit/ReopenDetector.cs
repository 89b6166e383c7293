namespace Helpdesk.Domain.Audit;

/// <summary>
/// Seed 002, 5.4.4.11–12: sort the complaints by CPF then time, keep the requesters with two or more, and search their
/// text for reopening words, to find unsolved complaints not flagged as reopened. Requesters are keyed by CPF/CNPJ
/// when given, else by e-mail (the desk's requesters often give no CPF). Every record passed is treated as a complaint:
/// the caller chooses the population (all records, or only the complaint categories).
/// </summary>
public static class ReopenDetector
{
    /// <param name="window">How far back an earlier complaint of the same requester counts.</param>
    /// <param name="requireKeyword">When true (the seed's procedure), a repeated complaint is listed only if its text has a
    /// reopening word; when false every unflagged repetition is listed.</param>
    public static IReadOnlyList<ReopenFinding> Detect(IEnumerable<AuditRecord> records, TimeSpan window, AuditKeywords keywords, bool requireKeyword = true)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(keywords);
        if (window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), "The window must be positive.");
        }

        var findings = new List<ReopenFinding>();
        foreach (var group in records.GroupBy(RequesterKey, StringComparer.Ordinal).Where(g => g.Skip(1).Any()))
        {
            AuditRecord? previous = null;
            foreach (var record in group.OrderBy(r => r.RegisteredAt).ThenBy(r => r.Protocol, StringComparer.Ordinal))
            {
                if (previous is not null && !record.Reopening && record.RegisteredAt - previous.RegisteredAt <= window)
                {
                    var found = AuditKeywords.Find(record.Description, keywords.Reopening);
                    if (found.Count > 0 || !requireKeyword)
                    {
                        findings.Add(new ReopenFinding(record.Protocol, group.Key, previous.Protocol, record.RegisteredAt, found));
                    }
                }

                previous = record;
            }
        }

        return [.. findings.OrderBy(f => f.Protocol, StringComparer.Ordinal)];
    }

    /// <summary>"cpf:…" / "cnpj:…" digits when given, else "email:" the lower-cased address.</summary>
    public static string RequesterKey(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.TaxId is { } id
            ? (id.Kind == Common.TaxIdKind.Cpf ? "cpf:" : "cnpj:") + id.Value
            : "email:" + (record.RequesterEmail ?? record.CustomerCode).ToLowerInvariant();
    }
}
