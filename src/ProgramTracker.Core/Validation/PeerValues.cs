using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Core.Validation;

/// <summary>
/// The committed values of one province's communes in one quarter, kept in memory for the outlier check's peers
/// (docs/adr/0025): every save of a form compares its numeric cells with the other communes of its province, which was
/// a read of ≈ 6,500 values (166 communes × 40 indicators) on every save. A province's quarter is read once, then kept
/// current by the saves of this process, each applied after its transaction commits (never a value that may still roll
/// back); a save made by another process (another instance, a tool) reaches it when the copy expires, after
/// <see cref="Lifetime"/>, or when the catalogue changes. One copy per province and quarter, for at most
/// <see cref="Lifetime"/> after it was read.
/// </summary>
public sealed class PeerValues
{
    /// <summary>How long a province's quarter is kept before it is read again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private sealed class Copy(long catalogueVersion, long readAt)
    {
        public long CatalogueVersion { get; } = catalogueVersion;

        /// <summary>When it was read (<see cref="System.Diagnostics.Stopwatch"/> ticks: elapsed time, not the portal's calendar).</summary>
        public long ReadAt { get; } = readAt;

        /// <summary>Indicator → unit → value; guarded by the copy itself.</summary>
        public Dictionary<int, Dictionary<int, decimal>> Values { get; } = [];
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int Province, int Period), Copy> _copies = new();

    /// <summary>
    /// The values of <paramref name="indicatorIds"/> of the communes <paramref name="communes"/> of <paramref name="province"/> in
    /// the period, by indicator. <paramref name="writing"/> are the cells the calling transaction writes: read inside it,
    /// they are its own uncommitted values, so they are left out of the copy (the commit adds them, <see cref="Apply"/>).
    /// </summary>
    internal async Task<Dictionary<int, List<(int UnitId, decimal Value)>>> GetAsync(ProgramTrackerDbContext db, CatalogueSnapshot snapshot,
        int province, IReadOnlyList<int> communes, int periodId, IReadOnlyCollection<int> indicatorIds, ISet<(int UnitId, int IndicatorId)> writing,
        CancellationToken ct)
    {
        var key = (province, periodId);
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        if (!_copies.TryGetValue(key, out var copy) || copy.CatalogueVersion != snapshot.Version || Expired(copy, now))
        {
            copy = new Copy(snapshot.Version, now);
            _copies[key] = copy;
            Evict(now);
        }

        List<int> missing;
        lock (copy)
        {
            missing = indicatorIds.Where(id => !copy.Values.ContainsKey(id)).ToList();
        }

        if (missing.Count > 0)
        {
            var rows = await db.IndicatorValues.AsNoTracking()
                .Where(v => v.PeriodId == periodId && communes.Contains(v.UnitId) && missing.Contains(v.IndicatorId) && v.Value != null)
                .Select(v => new { v.IndicatorId, v.UnitId, Value = v.Value!.Value })
                .ToListAsync(ct);
            var byIndicator = rows.Where(r => !writing.Contains((r.UnitId, r.IndicatorId))).ToLookup(r => r.IndicatorId);
            lock (copy)
            {
                foreach (var id in missing.Where(id => !copy.Values.ContainsKey(id)))
                {
                    copy.Values[id] = byIndicator[id].ToDictionary(r => r.UnitId, r => r.Value);
                }
            }
        }

        lock (copy)
        {
            return indicatorIds.ToDictionary(id => id, id => copy.Values[id].Select(v => (v.Key, v.Value)).ToList());
        }
    }

    /// <summary>A committed save's cells: each value replaces the unit's, an emptied cell leaves the copy.</summary>
    internal void Apply(int province, int periodId, IEnumerable<(int UnitId, int IndicatorId, decimal? Value)> cells)
    {
        if (!_copies.TryGetValue((province, periodId), out var copy))
        {
            return;
        }

        lock (copy)
        {
            foreach (var (unitId, indicatorId, value) in cells)
            {
                if (!copy.Values.TryGetValue(indicatorId, out var byUnit))
                {
                    continue;
                }

                if (value is { } v)
                {
                    byUnit[unitId] = v;
                }
                else
                {
                    byUnit.Remove(unitId);
                }
            }
        }
    }

    private static bool Expired(Copy copy, long now) => System.Diagnostics.Stopwatch.GetElapsedTime(copy.ReadAt, now) > Lifetime;

    /// <summary>Copies older than <see cref="Lifetime"/> go (a province nobody saves in is not kept).</summary>
    private void Evict(long now)
    {
        foreach (var (key, copy) in _copies)
        {
            if (Expired(copy, now))
            {
                _copies.TryRemove(KeyValuePair.Create(key, copy));
            }
        }
    }
}
