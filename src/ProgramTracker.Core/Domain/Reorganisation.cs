namespace ProgramTracker.Core.Domain;

/// <summary>
/// An act that reorganises administrative units (e.g. NQ 1679/NQ-UBTVQH15): from the day it takes effect, the
/// units it names end and go, whole or in part, into their successors. Ended units keep their history.
/// </summary>
public class Reorganisation : ProgramTracker.Core.Data.ICreationStamped
{
    public int Id { get; set; }
    /// <summary>A short natural key, e.g. "nq-1679-2025-xa-ba-che".</summary>
    public required string Code { get; set; }
    /// <summary>The act's number, e.g. "NQ 1679/NQ-UBTVQH15".</summary>
    public required string ActNumber { get; set; }
    public DateOnly ActDate { get; set; }
    /// <summary>The first day of the new arrangement; predecessors that go in whole end the day before.</summary>
    public DateOnly EffectiveOn { get; set; }
    public string? Note { get; set; }
    public int? SourceId { get; set; }
    public Source? Source { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    void ProgramTracker.Core.Data.ICreationStamped.StampCreation(ProgramTracker.Core.Data.Stamp stamp) => (CreatedBy, CreatedAtUtc) = (stamp.By, stamp.AtUtc);
    public List<ReorganisationPart> Parts { get; } = [];
}

/// <summary>One predecessor going into one successor. A predecessor outside the portal is named without data.</summary>
public class ReorganisationPart
{
    public int Id { get; set; }
    public int ReorganisationId { get; set; }
    public Reorganisation Reorganisation { get; set; } = null!;
    /// <summary>Null when the predecessor is not a unit of the portal (e.g. a commune of another district).</summary>
    public int? PredecessorId { get; set; }
    public AdministrativeUnit? Predecessor { get; set; }
    /// <summary>The predecessor's name as the act gives it; always set, so units outside the portal are named too.</summary>
    public required string PredecessorName { get; set; }
    public int SuccessorId { get; set; }
    public AdministrativeUnit Successor { get; set; } = null!;
    /// <summary>True when the whole predecessor goes into the successor; false for "một phần".</summary>
    public bool Whole { get; set; } = true;
}
