namespace Helpdesk.Domain.Indicators;

internal static class LevelNames
{
    private static readonly string[] Names = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    public static string Of(int level) => level is >= 0 and <= 9 ? Names[level] : "?";
}
