namespace ProgramTracker.Web.Models;

/// <summary>The citation shown beside a figure.</summary>
public sealed record SourceRef(string Code, string Title, string? Publisher, DateOnly? PublishedOn)
{
    public static SourceRef? From(Source? source) =>
        source is null ? null : new SourceRef(source.Code, source.Title, source.Publisher, source.PublishedOn);

    public string Citation => PublishedOn is { } d ? $"{Publisher ?? Title}, {Formats.Current.Date(d)}" : Publisher ?? Title;
}
