using System.Text.Json;

namespace Helpdesk.Application.Finance.Formats;

/// <summary>
/// Interns the small strings an export repeats on every line (category, priority, UF, group, institution): one
/// <see cref="string"/> per distinct UTF-8 value instead of one per occurrence. A fixed-size, direct-mapped table; a
/// collision simply replaces the slot. Not thread-safe: one pool per reader.
/// </summary>
internal sealed class Utf8StringPool
{
    /// <summary>Longer values are not interned (protocols, descriptions): they rarely repeat.</summary>
    public const int MaxLength = 64;

    private const int Slots = 1024;

    private readonly byte[]?[] _keys = new byte[Slots][];
    private readonly string[] _values = new string[Slots];

    /// <summary>The current string token's value (the reader must be on a <see cref="JsonTokenType.String"/>).</summary>
    public string Get(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxLength)
        {
            return reader.GetString()!;
        }

        var bytes = reader.ValueSpan;
        var slot = (int)(Hash(bytes) & (Slots - 1));
        if (_keys[slot] is { } key && bytes.SequenceEqual(key))
        {
            return _values[slot];
        }

        // GetString validates the UTF-8 (it throws on invalid bytes), so a pooled value is always a valid one.
        var value = reader.GetString()!;
        _keys[slot] = bytes.ToArray();
        _values[slot] = value;
        return value;
    }

    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash ^ (hash >> 15);
    }
}
