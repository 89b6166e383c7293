namespace Helpdesk.Domain.Penalties;

/// <summary>The impact level of a fine (seed 003, 4.5–4.6). Counted for rescission (4.2).</summary>
public enum Impact
{
    None,
    Low,
    Medium,
    High,
}
