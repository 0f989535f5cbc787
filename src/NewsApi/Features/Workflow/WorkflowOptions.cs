namespace NewsApi.Features.Workflow;

public sealed class WorkflowOptions
{
    public const string SectionName = "Workflow";

    /// <summary>How often scheduled articles are looked for; an article goes live at most this long after its time.</summary>
    public int IntervalSeconds { get; set; } = 15;

    /// <summary>Off for servers that must not write on their own (a read replica, a one-off command).</summary>
    public bool Enabled { get; set; } = true;
}
