namespace ProgramTracker.Core.Domain;

/// <summary>
/// One row whose value rises with every committed change to the portal's data. Page caches key on it, so a
/// cached page can never outlive a write, on this instance or on any other behind the same load balancer.
/// </summary>
public class DataVersion
{
    public int Id { get; set; }
    public long Value { get; set; }
}
