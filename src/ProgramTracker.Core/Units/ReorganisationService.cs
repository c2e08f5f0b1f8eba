using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;

namespace ProgramTracker.Core.Units;

/// <summary>A predecessor as an admin or the seed gives it: a unit of the portal, or the name of one outside it.</summary>
public sealed record PredecessorInput(int? UnitId, string? Name, bool Whole);

/// <summary>The successor: an existing unit, or a new one with its name, kind, parent and statistics code.</summary>
public sealed record SuccessorInput(int? ExistingUnitId, string? Slug, string? Name, UnitKind Kind, int? ParentId, string? StatisticsCode);

public sealed record ReorganisationInput(
    string Code, string ActNumber, DateOnly ActDate, DateOnly EffectiveOn, SuccessorInput Successor, IReadOnlyList<PredecessorInput> Predecessors,
    string? Note = null, int? SourceId = null);

/// <summary>The outcome of recording a reorganisation: errors keyed by the form field they belong to ("" for the whole form).</summary>
public sealed record ReorganisationResult(bool Ok, IReadOnlyList<(string Field, string Message)> Errors, int? SuccessorId = null)
{
    public static ReorganisationResult Fail(string field, string message) => new(false, [(field, message)]);
}

/// <summary>
/// Records a reorganisation: validates it against the units as they are, creates the successor when it is new,
/// ends every predecessor that goes in whole on the day before the act takes effect, and links each predecessor
/// to its successor. One transaction; the admin form and the seed both come through here.
/// </summary>
public sealed class ReorganisationService(ProgramTrackerDbContext db, TimeProvider clock)
{
    public async Task<ReorganisationResult> RecordAsync(ReorganisationInput input, CancellationToken ct = default)
    {
        var errors = new List<(string, string)>();
        // Refusals in the reader's language; the audit lines below stay Vietnamese (stored data).
        var f = Formats.Current;
        var code = input.Code.Trim();
        if (await db.Set<Reorganisation>().AnyAsync(r => r.Code == code, ct))
        {
            errors.Add(("Code", f.Format("Reorg.Error.CodeTaken", code)));
        }

        if (input.EffectiveOn < input.ActDate)
        {
            errors.Add(("EffectiveOn", f["Reorg.Error.EffectiveBeforeAct"]));
        }

        if (input.Predecessors.Count == 0)
        {
            errors.Add(("Predecessors", f["Reorg.Error.NoPredecessor"]));
        }

        var dayBefore = input.EffectiveOn.AddDays(-1);
        var ids = input.Predecessors.Where(p => p.UnitId is not null).Select(p => p.UnitId!.Value).ToList();
        if (ids.Count != ids.Distinct().Count())
        {
            errors.Add(("Predecessors", f["Reorg.Error.ChosenTwice"]));
        }

        var units = await db.Units.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var wholeElsewhere = await db.Set<ReorganisationPart>().AsNoTracking()
            .Where(p => p.PredecessorId != null && ids.Contains(p.PredecessorId.Value) && p.Whole)
            .Select(p => new { p.PredecessorId, p.Reorganisation.ActNumber, Successor = p.Successor.Name })
            .ToListAsync(ct);
        foreach (var p in input.Predecessors)
        {
            if (p.UnitId is { } id)
            {
                if (!units.TryGetValue(id, out var unit))
                {
                    errors.Add(("Predecessors", f["Reorg.Error.PredecessorUnknown"]));
                    continue;
                }

                if (!AdministrativeUnit.Overlaps(unit.ValidFrom, unit.ValidTo, dayBefore, dayBefore))
                {
                    errors.Add(("Predecessors", f.Format("Reorg.Error.PredecessorGone", f.UnitName(unit.Kind, unit.Name), f.Date(dayBefore), Range(f, unit.ValidFrom, unit.ValidTo))));
                }

                if (p.Whole && wholeElsewhere.FirstOrDefault(w => w.PredecessorId == id) is { } other)
                {
                    errors.Add(("Predecessors", f.Format("Reorg.Error.AlreadyMerged", f.UnitName(unit.Kind, unit.Name), other.Successor, other.ActNumber)));
                }
            }
            else if (string.IsNullOrWhiteSpace(p.Name))
            {
                errors.Add(("Predecessors", f["Reorg.Error.OutsideName"]));
            }
        }

        AdministrativeUnit? successor = null;
        if (input.Successor.ExistingUnitId is { } existingId)
        {
            successor = await db.Units.FirstOrDefaultAsync(u => u.Id == existingId, ct);
            if (successor is null)
            {
                errors.Add(("Successor", f["Reorg.Error.SuccessorUnknown"]));
            }
            else if (ids.Contains(existingId))
            {
                errors.Add(("Successor", f["Reorg.Error.IntoItself"]));
            }
            else if (successor.ValidTo is { } to && to < input.EffectiveOn)
            {
                errors.Add(("Successor", f.Format("Reorg.Error.SuccessorEnds", f.UnitName(successor.Kind, successor.Name), f.Date(to))));
            }
            else if (await IsPredecessorOfAsync(existingId, ids, ct))
            {
                errors.Add(("Successor", f.Format("Reorg.Error.Cycle", f.UnitName(successor.Kind, successor.Name))));
            }
        }
        else
        {
            var slug = input.Successor.Slug?.Trim() ?? "";
            if (!ProgramTracker.Core.Seeding.SeedValidator.IsSlug(slug))
            {
                errors.Add(("SuccessorSlug", f["Reorg.Error.SlugFormat"]));
            }
            else if (await db.Units.AnyAsync(u => u.Slug == slug, ct))
            {
                errors.Add(("SuccessorSlug", f.Format("Reorg.Error.SlugTaken", slug)));
            }

            if (string.IsNullOrWhiteSpace(input.Successor.Name) || input.Successor.Name.Trim().Length > 120)
            {
                errors.Add(("SuccessorName", f["Reorg.Error.NameRequired"]));
            }

            if (input.Successor.StatisticsCode is { Length: > 0 } sc && (sc.Length > 10 || !sc.All(char.IsAsciiDigit)))
            {
                errors.Add(("SuccessorStatisticsCode", f["Reorg.Error.StatisticsCode"]));
            }
            else if (input.Successor.StatisticsCode is { Length: > 0 } newCode
                && await db.Units.AsNoTracking().Where(u => u.StatisticsCode == newCode.Trim()).Select(u => new { u.Kind, u.Name }).FirstOrDefaultAsync(ct) is { } holder)
            {
                errors.Add(("SuccessorStatisticsCode", f.Format("Reorg.Error.StatisticsCodeTaken", newCode.Trim(), f.UnitName(holder.Kind, holder.Name))));
            }

            var parent = input.Successor.ParentId is { } pid ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == pid, ct) : null;
            if (parent is null)
            {
                errors.Add(("SuccessorParent", f["Reorg.Error.ParentRequired"]));
            }
            else if (!AdministrativeUnit.Overlaps(parent.ValidFrom, parent.ValidTo, input.EffectiveOn, input.EffectiveOn))
            {
                errors.Add(("SuccessorParent", f.Format("Reorg.Error.ParentGone", f.UnitName(parent.Kind, parent.Name), f.Date(input.EffectiveOn))));
            }

            if (errors.Count == 0)
            {
                successor = new AdministrativeUnit
                {
                    Slug = slug, Name = input.Successor.Name!.Trim(), Kind = input.Successor.Kind, ParentId = parent!.Id,
                    ValidFrom = input.EffectiveOn, StatisticsCode = string.IsNullOrWhiteSpace(input.Successor.StatisticsCode) ? null : input.Successor.StatisticsCode.Trim(),
                };
                db.Units.Add(successor);
            }
        }

        if (errors.Count > 0 || successor is null)
        {
            db.ChangeTracker.Clear();
            return new ReorganisationResult(false, errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var act = new Reorganisation
        {
            Code = code, ActNumber = input.ActNumber.Trim(), ActDate = input.ActDate, EffectiveOn = input.EffectiveOn, Note = input.Note,
            SourceId = input.SourceId,
        };
        foreach (var p in input.Predecessors)
        {
            var unit = p.UnitId is { } id ? units[id] : null;
            if (unit is not null && p.Whole && (unit.ValidTo is null || unit.ValidTo > dayBefore))
            {
                unit.ValidTo = dayBefore;
            }

            act.Parts.Add(new ReorganisationPart { Predecessor = unit, PredecessorName = unit?.FullName ?? p.Name!.Trim(), Successor = successor, Whole = p.Whole });
        }

        db.Set<Reorganisation>().Add(act);
        db.AuditEntries.Add(new AuditEntry
        {
            Action = AuditAction.UnitsReorganised, Unit = successor,
            NewValue = Clip($"{successor.FullName} từ {Formats.Vietnamese.Date(input.EffectiveOn)}", 200),
            Note = Clip($"{act.ActNumber}: {string.Join(", ", act.Parts.Select(x => x.PredecessorName + (x.Whole ? "" : " (một phần)")))} → {successor.FullName}", 1000),
        });
        await db.SaveChangesAsync(ct);
        return new ReorganisationResult(true, [], successor.Id);
    }

    /// <summary>True when <paramref name="unitId"/> already succeeds (directly or through others) one of <paramref name="ids"/>.</summary>
    private async Task<bool> IsPredecessorOfAsync(int unitId, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var edges = await db.Set<ReorganisationPart>().AsNoTracking().Where(p => p.PredecessorId != null)
            .Select(p => new { From = p.PredecessorId!.Value, To = p.SuccessorId }).ToListAsync(ct);
        var frontier = new Queue<int>(ids);
        var seen = new HashSet<int>();
        while (frontier.TryDequeue(out var id))
        {
            if (!seen.Add(id))
            {
                continue;
            }

            foreach (var e in edges.Where(e => e.To == id))
            {
                if (e.From == unitId)
                {
                    return true;
                }

                frontier.Enqueue(e.From);
            }
        }

        return false;
    }


    private static string Range(Formats f, DateOnly? from, DateOnly? to) => $"{(from is { } d ? f.Date(d) : "…")} – {(to is { } t ? f.Date(t) : f["Reorg.Error.Now"])}";

    private static string? Clip(string? text, int max) => text is { Length: > 0 } t && t.Length > max ? t[..max] : text;

}
