using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ValueType = ProgramTracker.Core.Domain.ValueType;

namespace ProgramTracker.TestSupport;

/// <summary>
/// Test data builder: indicators for a set whose catalogue the seed leaves empty (as an admin would add them).
/// Thresholds here are test values, not facts.
/// </summary>
public static class TestCatalogue
{
    public static async Task<List<Indicator>> AddIndicatorsAsync(ProgramTrackerDbContext db, string setCode)
    {
        var criteria = await db.Criteria.Where(c => c.CriteriaSet.Code == setCode).OrderBy(c => c.Number).Take(3).ToListAsync();
        var indicators = new List<Indicator>
        {
            new() { Code = $"{setCode}.t1", Name = "Thu nhập bình quân (thử)", Unit = "triệu đồng/người/năm", ValueType = ValueType.Number, Comparator = Comparator.AtLeast, Threshold = 50m, Criterion = criteria[0], SortOrder = 1 },
            new() { Code = $"{setCode}.t2", Name = "Tỷ lệ hộ nghèo (thử)", Unit = "%", ValueType = ValueType.Percent, Comparator = Comparator.AtMost, Threshold = 1.5m, Criterion = criteria[1], SortOrder = 1 },
            new() { Code = $"{setCode}.t3", Name = "Có quy hoạch được duyệt (thử)", ValueType = ValueType.Boolean, Comparator = Comparator.Equal, Criterion = criteria[2], SortOrder = 1 },
        };
        db.Indicators.AddRange(indicators);
        await db.SaveChangesAsync();
        return indicators;
    }
}
