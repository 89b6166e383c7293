namespace Helpdesk.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    /// <summary>The check ran and the records fail it: a broken hash chain, an unexplained gap in the protocol numbers.</summary>
    public const int Findings = 3;
}
