namespace ProgramTracker.Core.Domain;

/// <summary>A document that a seeded or reported figure cites: a report, a decision, a decree.</summary>
public class Source
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public string? Publisher { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public string? Document { get; set; }
}
