namespace Helpdesk.Domain.Audit;

/// <summary>Keyword search over the records not classified as complaints, for complaints filed under another category.</summary>
public static class MisclassificationDetector
{
    public static IEnumerable<MisclassificationFinding> Detect(IEnumerable<AuditRecord> records, AuditKeywords keywords)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(keywords);
        foreach (var record in records)
        {
            if (record.IsComplaint(keywords))
            {
                continue;
            }

            var found = AuditKeywords.Find(record.Description, keywords.Complaint);
            if (found.Count > 0)
            {
                yield return new MisclassificationFinding(record.Protocol, record.Classification, found);
            }
        }
    }
}
