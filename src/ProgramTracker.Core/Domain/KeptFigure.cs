namespace ProgramTracker.Core.Domain;

/// <summary>
/// A figure staff keep by hand (a target, a capital figure, a poverty record): the source it cites, who changed it last
/// and when (stamped on save through <see cref="Data.IChangeStamped"/>), and its concurrency token. Not an entity of its
/// own: each figure's table holds these columns.
/// </summary>
public abstract class KeptFigure : Data.IChangeStamped
{
    public int? SourceId { get; set; }
    public Source? Source { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTime? UpdatedAtUtc { get; set; }

    /// <summary>Concurrency token: bumped on every write, checked on save.</summary>
    public int Version { get; set; }

    void Data.IChangeStamped.StampChange(Data.Stamp stamp) => (UpdatedBy, UpdatedAtUtc) = (stamp.By, stamp.AtUtc);
}
