using ProgramTracker.Core.Domain;

namespace ProgramTracker.Tools.Synthetic;

/// <summary>A quarter of the synthetic timeline with its database id.</summary>
public sealed record SyntheticPeriod(int Id, int Year, int Quarter)
{
    public int TimeIndex => ValueModel.TimeIndex(Year, Quarter);

    public DateOnly StartsOn => new(Year, Quarter * 3 - 2, 1);

    public DateOnly EndsOn => new DateOnly(Year, Quarter * 3, 1).AddMonths(1).AddDays(-1);

    public DateTime EndsOnUtc => EndsOn.ToDateTime(new TimeOnly(0, 0), DateTimeKind.Utc);
}

/// <summary>A register unit found in the database: its plan and its database id.</summary>
public sealed record WrittenUnit(int Id, PlannedUnit Plan)
{
    public ulong Key { get; } = Mix.Of(Plan.Code);
}

/// <summary>What a commune-level unit reports in one quarter: the sets in force (ids) and all their indicators.</summary>
public sealed record QuarterCatalogue(IReadOnlyList<int> SetIds, IReadOnlyList<ModelIndicator> Indicators);

/// <summary>A programme and the years it has capital in (2021–2025 programmes until 2025, the merged one from 2026).</summary>
public sealed record SyntheticProgramme(int Id, string Code, int FirstYear, int LastYear);

public readonly record struct ValueRow(int UnitId, int IndicatorId, int PeriodId, decimal Value, DateOnly AsOf, DateTime UpdatedAtUtc);

public readonly record struct SubmissionRow(
    int UnitId, int CriteriaSetId, int PeriodId, SubmissionStatus Status, string? Comment,
    string? SubmittedBy, DateTime? SubmittedAtUtc, string? ReviewedBy, DateTime? ReviewedAtUtc, DateTime UpdatedAtUtc, int Version);

public readonly record struct PovertyRow(int UnitId, int PeriodId, int StandardId, DateOnly AsOf, int HouseholdsTotal, int PoorHouseholds, int NearPoorHouseholds);

public readonly record struct CapitalRow(
    int ProgrammeId, int UnitId, int PeriodId, CapitalMeasure Measure, CapitalKind Kind, string FundingSource, decimal AmountVnd, int? WorksCount, DateOnly AsOf);

/// <summary>
/// Streams the synthetic rows: nothing is collected, each row is computed from its keys when the writer asks for it.
/// Rows come in the order of each table's unique index (unit, period, …), which keeps index inserts sequential.
/// </summary>
public static class SyntheticRows
{
    public const string CommuneOfficer = "th.canbo.xa";
    public const string ProvinceReviewer = "th.canbo.tinh";
    public const string Writer = "th.generator";
    public const string CapitalDescription = "[TH] Số liệu tổng hợp để đo tải, không phải số liệu thật.";

    private static readonly string[] ReturnComments =
    [
        "Đề nghị bổ sung minh chứng cho các chỉ tiêu chưa đạt.",
        "Số liệu thu nhập chưa khớp với báo cáo của Chi cục Thống kê, đề nghị rà soát lại.",
        "Tỷ lệ hộ nghèo chưa cập nhật theo kết quả rà soát cuối năm.",
    ];

    /// <summary>Every indicator of the sets in force for every commune-level unit and quarter: units by id, then periods by id, then indicators by id.</summary>
    public static IEnumerable<ValueRow> IndicatorValues(
        IReadOnlyList<WrittenUnit> units,
        IReadOnlyList<SyntheticPeriod> periods,
        IReadOnlyDictionary<int, QuarterCatalogue> catalogue)
    {
        var byId = periods.OrderBy(p => p.Id).ToList();
        var ordered = byId.ToDictionary(p => p.Id, p => catalogue[p.Id].Indicators.OrderBy(i => i.Id).ToList());
        var trends = new Dictionary<int, (double, double)>();
        foreach (var unit in units.Where(u => !u.Plan.IsProvince).OrderBy(u => u.Id))
        {
            trends.Clear();
            foreach (var period in byId)
            {
                var t = period.TimeIndex;
                var updated = period.EndsOnUtc.AddDays(3 + (int)(Mix.Unit(unit.Key, 30, (ulong)t) * 20)).AddMinutes(60 * 7 + (int)(Mix.Unit(unit.Key, 31, (ulong)t) * 600));
                foreach (var indicator in ordered[period.Id])
                {
                    if (!trends.TryGetValue(indicator.Id, out var trend))
                    {
                        trends[indicator.Id] = trend = ValueModel.Trend(unit.Key, unit.Plan.Development, indicator);
                    }

                    yield return new ValueRow(unit.Id, indicator.Id, period.Id, ValueModel.Value(unit.Key, indicator, trend, Math.Max(0, t - indicator.PhaseStart)), period.EndsOn, updated);
                }
            }
        }
    }

    /// <summary>
    /// One submission per commune-level unit, set in force and period: past quarters are nearly all approved;
    /// the quarter before the latest is still partly under review; the latest is a mix of drafts, submissions, approvals and returns.
    /// </summary>
    public static IEnumerable<SubmissionRow> Submissions(
        IReadOnlyList<WrittenUnit> units,
        IReadOnlyList<SyntheticPeriod> periods,
        IReadOnlyDictionary<int, QuarterCatalogue> catalogue)
    {
        var latest = periods.Max(p => p.TimeIndex);
        var byId = periods.OrderBy(p => p.Id).ToList();
        var sets = byId.SelectMany(p => catalogue[p.Id].SetIds).Distinct().Order().ToList();
        foreach (var unit in units.Where(u => !u.Plan.IsProvince).OrderBy(u => u.Id))
        {
            foreach (var setId in sets)
            {
                foreach (var period in byId.Where(p => catalogue[p.Id].SetIds.Contains(setId)))
                {
                    yield return Submission(unit, setId, period, latest);
                }
            }
        }
    }

    private static SubmissionRow Submission(WrittenUnit unit, int setId, SyntheticPeriod period, int latest)
    {
        var t = period.TimeIndex;
        var draw = Mix.Unit(unit.Key, (ulong)setId, 10, (ulong)t);
        var status = (latest - t) switch
        {
            0 => draw switch { < 0.30 => SubmissionStatus.Draft, < 0.60 => SubmissionStatus.Submitted, < 0.92 => SubmissionStatus.Approved, _ => SubmissionStatus.Returned },
            1 => draw switch { < 0.85 => SubmissionStatus.Approved, < 0.95 => SubmissionStatus.Submitted, _ => SubmissionStatus.Returned },
            _ => draw switch { < 0.97 => SubmissionStatus.Approved, < 0.99 => SubmissionStatus.Submitted, _ => SubmissionStatus.Returned },
        };

        var submitted = period.EndsOnUtc.AddDays(2 + (int)(Mix.Unit(unit.Key, (ulong)setId, 11, (ulong)t) * 10)).AddHours(9);
        var reviewed = submitted.AddDays(1 + (int)(Mix.Unit(unit.Key, (ulong)setId, 12, (ulong)t) * 9)).AddHours(5);
        return status switch
        {
            SubmissionStatus.Draft => new(unit.Id, setId, period.Id, status, null, null, null, null, null, period.EndsOnUtc.AddDays(1), 1),
            SubmissionStatus.Submitted => new(unit.Id, setId, period.Id, status, null, CommuneOfficer, submitted, null, null, submitted, 2),
            SubmissionStatus.Approved => new(unit.Id, setId, period.Id, status, null, CommuneOfficer, submitted, ProvinceReviewer, reviewed, reviewed, 3),
            _ => new(unit.Id, setId, period.Id, status, ReturnComments[(int)(draw * 1000) % ReturnComments.Length], CommuneOfficer, submitted,
                ProvinceReviewer, reviewed, reviewed, 3),
        };
    }

    /// <summary>
    /// Household counts per commune-level unit, period and standard in force: the national standard everywhere,
    /// Quảng Ninh's own standard for its units while it is in force (<paramref name="provincialStandards"/>, by period).
    /// The national standard's poverty falls by roughly 1–1.5 points a year where it is high; Quảng Ninh's higher
    /// income line counts more households as poor.
    /// </summary>
    public static IEnumerable<PovertyRow> Poverty(
        IReadOnlyList<WrittenUnit> units,
        IReadOnlyList<SyntheticPeriod> periods,
        IReadOnlyDictionary<int, IReadOnlyList<int>> nationalStandards,
        IReadOnlyDictionary<int, IReadOnlyList<int>> provincialStandards)
    {
        var byId = periods.OrderBy(p => p.Id).ToList();
        var provincial = provincialStandards.Values.SelectMany(s => s).ToHashSet();
        foreach (var unit in units.Where(u => !u.Plan.IsProvince).OrderBy(u => u.Id))
        {
            var households0 = 900 + 3300 * Mix.Unit(unit.Key, 20);
            var poor0 = 1.0 + 16 * Math.Pow(1 - unit.Plan.Development, 1.6) * (0.7 + 0.6 * Mix.Unit(unit.Key, 21));
            var decline = 0.015 + 0.02 * Mix.Unit(unit.Key, 22);
            var nearFactor = 0.9 + 0.5 * Mix.Unit(unit.Key, 23);
            foreach (var period in byId)
            {
                var t = period.TimeIndex;
                var households = (int)Math.Round(households0 * (1 + 0.004 * t));
                var poorRate = Math.Max(0.1, poor0 * Math.Exp(-decline * t) * (1 + 0.03 * Mix.Symmetric(unit.Key, 24, (ulong)t)));
                var nearRate = poorRate * nearFactor + 1.0;
                var standards = unit.Plan.ProvinceCode == UnitPlan.QuangNinh
                    ? nationalStandards[period.Id].Concat(provincialStandards[period.Id])
                    : nationalStandards[period.Id];
                foreach (var standardId in standards.Order())
                {
                    var isProvincial = provincial.Contains(standardId);
                    var poor = isProvincial ? poorRate * 1.45 + 0.4 : poorRate;
                    var near = isProvincial ? nearRate * 1.3 : nearRate;
                    yield return new PovertyRow(unit.Id, period.Id, standardId, period.EndsOn, households,
                        (int)Math.Round(households * poor / 100), (int)Math.Round(households * near / 100));
                }
            }
        }
    }

    /// <summary>
    /// Capital per province, programme in force and year (recorded on the year's fourth quarter): planned and
    /// disbursed, investment and recurrent, in proportion to the province's communes. Poverty and ethnic-minority
    /// programmes weigh more on less developed provinces.
    /// </summary>
    public static IEnumerable<CapitalRow> Capital(
        IReadOnlyList<WrittenUnit> units,
        IReadOnlyList<SyntheticPeriod> periods,
        IReadOnlyList<SyntheticProgramme> programmes)
    {
        var yearEnds = periods.Where(p => p.Quarter == 4).OrderBy(p => p.Year).ToList();
        if (yearEnds.Count == 0)
        {
            yield break;
        }

        var latestYear = yearEnds.Max(p => p.Year);
        var communes = units.Where(u => !u.Plan.IsProvince).GroupBy(u => u.Plan.ProvinceCode).ToDictionary(g => g.Key, g => g.Count());
        foreach (var unit in units.Where(u => u.Plan.IsProvince).OrderBy(u => u.Id))
        {
            var d = unit.Plan.Development;
            var scale = communes.GetValueOrDefault(unit.Plan.Code) / 15.0;
            foreach (var (programmeId, code, firstYear, lastYear) in programmes.OrderBy(p => p.Id))
            {
                var size = Mix.Unit(unit.Key, Mix.Of(code), 40);
                var baseBillions = code switch
                {
                    "ntm" or SyntheticCatalogue.MergedProgramme => 15 + 60 * size,
                    "gnbv" => 5 + 40 * size * (1.2 - d),
                    _ => 8 + 50 * size * (1.2 - d),
                };
                foreach (var period in yearEnds.Where(p => p.Year >= firstYear && p.Year <= lastYear))
                {
                    var year = (ulong)period.Year;
                    var planned = scale * baseBillions * (0.8 + 0.1 * (period.Year - firstYear)) * (1 + 0.1 * Mix.Symmetric(unit.Key, Mix.Of(code), 41, year));
                    var recurrentShare = 0.15 + 0.2 * Mix.Unit(unit.Key, Mix.Of(code), 42, year);
                    var disbursedShare = period.Year == latestYear
                        ? 0.45 + 0.3 * Mix.Unit(unit.Key, Mix.Of(code), 43, year)
                        : 0.7 + 0.28 * Mix.Unit(unit.Key, Mix.Of(code), 43, year);
                    var works = 2 + (int)(10 * Mix.Unit(unit.Key, Mix.Of(code), 44, year));
                    foreach (var kind in new[] { CapitalKind.Investment, CapitalKind.Recurrent })
                    {
                        var amount = kind == CapitalKind.Investment ? planned : planned * recurrentShare;
                        var source = kind == CapitalKind.Investment ? "ngân sách trung ương" : "ngân sách địa phương";
                        yield return new CapitalRow(programmeId, unit.Id, period.Id, CapitalMeasure.Planned, kind, source, Vnd(amount),
                            kind == CapitalKind.Investment ? works : null, period.EndsOn);
                        yield return new CapitalRow(programmeId, unit.Id, period.Id, CapitalMeasure.Disbursed, kind, source, Vnd(amount * disbursedShare),
                            null, period.EndsOn);
                    }
                }
            }
        }
    }

    /// <summary>Billions of VND to VND, rounded to the million.</summary>
    private static decimal Vnd(double billions) => Math.Round((decimal)billions * 1000m, 0, MidpointRounding.AwayFromZero) * 1_000_000m;
}
