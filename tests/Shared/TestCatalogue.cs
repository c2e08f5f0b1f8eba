using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProgramTracker.Core.Catalogue;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.TestSupport;

/// <summary>
/// Test data builder: indicators for a set whose catalogue the seed leaves empty, added through the catalogue's
/// own door (<see cref="CatalogueService"/>, which the admin form and the table import use). Thresholds here are
/// test values, not facts.
/// </summary>
public static class TestCatalogue
{
    public static async Task<List<Indicator>> AddIndicatorsAsync(PortalFactory factory, string setCode)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var catalogue = scope.ServiceProvider.GetRequiredService<CatalogueService>();
        var db = scope.ServiceProvider.GetRequiredService<ProgramTrackerDbContext>();
        var numbers = await db.Criteria.Where(c => c.CriteriaSet.Code == setCode).OrderBy(c => c.Number).Take(3).Select(c => c.Number).ToListAsync();
        static Dictionary<string, ThresholdInput> Common(decimal? value) => new() { [Zones.Common] = new ThresholdInput(value) };
        IndicatorDefinition[] rows =
        [
            new($"{setCode}.t1", numbers[0], "Thu nhập bình quân (thử)", "triệu đồng/người/năm", ValueKind.Number, Comparator.AtLeast, Common(50m)),
            new($"{setCode}.t2", numbers[1], "Tỷ lệ hộ nghèo (thử)", "%", ValueKind.Percent, Comparator.AtMost, Common(1.5m)),
            new($"{setCode}.t3", numbers[2], "Có quy hoạch được duyệt (thử)", null, ValueKind.Boolean, Comparator.Equal, Common(null)),
        ];
        var result = await catalogue.ApplyAsync(setCode, rows, null, "Dữ liệu thử", ProgramTracker.Core.Localization.Formats.Vietnamese);
        if (!result.Ok)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        var codes = rows.Select(r => r.Code).ToList();
        return await db.Indicators.AsNoTracking().Where(i => codes.Contains(i.Code)).OrderBy(i => i.Code).ToListAsync();
    }
}
