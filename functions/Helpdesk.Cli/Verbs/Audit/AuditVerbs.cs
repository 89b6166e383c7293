namespace Helpdesk.Cli.Verbs.Audit;

/// <summary><c>helpdesk audit &lt;check&gt;</c>: the auditor's checks (seed 002) recomputed offline from the raw-history
/// export and the protocol ledger (docs/audit.md).</summary>
public static class AuditVerbs
{
    public static VerbGroup Group { get; } = new(
        "audit",
        "recompute the auditor's checks offline from exported raw histories (records, protocols, reopenings, misclassified, chains)",
        [new RecordsCheck(), new ProtocolsCheck(), new ReopeningsCheck(), new MisclassifiedCheck(), new ChainsCheck()]);
}
