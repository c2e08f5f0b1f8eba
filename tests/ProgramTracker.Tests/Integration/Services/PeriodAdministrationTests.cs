using ProgramTracker.Core.Catalogue;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Periods;
using ProgramTracker.Core.Planning;

using ProgramTracker.Tests.Integration;

namespace ProgramTracker.Tests.Integration.Services;

/// <summary>
/// The Core services behind the admin controllers, called on their own (no HTTP) against the real PostgreSQL:
/// each write comes with its audit entry and raises the data version, or nothing is written.
/// </summary>
public sealed class PeriodAdministrationTests : SeededCopyTests
{
    [Fact]
    public async Task Opening_a_period_writes_it_with_its_audit_entry_and_raises_the_catalogue_version_and_a_second_open_is_refused()
    {
        var before = await CatalogueVersionAsync();

        var opened = await Factory.AsUserAsync<PeriodAdministration, PeriodChange>("admin", s => s.OpenAsync("2040-Q2", new DateOnly(2040, 7, 10)));
        var again = await Factory.AsUserAsync<PeriodAdministration, PeriodChange>("admin", s => s.OpenAsync("2040-Q2", null));

        opened.Ok.Should().BeTrue();
        again.Should().Be(new PeriodChange(null, PeriodAdministration.Messages.Exists));
        var audit = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.PeriodChanged && a.Period!.Year == 2040)
            .Select(a => new { a.UserName, a.Note }).ToListAsync());
        audit.Should().ContainSingle().Which.Should().Be(new { UserName = "admin", Note = (string?)"Mở kỳ 2040-Q2, hạn 10/07/2040" });
        (await Factory.WithDbAsync(db => db.Periods.CountAsync(p => p.Year == 2040))).Should().Be(1);
        (await CatalogueVersionAsync()).Should().BeGreaterThan(before);
    }

    [Fact]
    public async Task Locking_and_deadlines_are_audited_and_an_unknown_code_writes_nothing()
    {
        var code = await Factory.WithDbAsync(async db => (await db.Periods.OrderBy(p => p.Id).FirstAsync()).Code);
        var audits = await AuditCountAsync();

        var locked = await Factory.AsUserAsync<PeriodAdministration, PeriodChange>("admin", s => s.SetLockedAsync(code, true));
        var deadline = await Factory.AsUserAsync<PeriodAdministration, PeriodChange>("admin", s => s.SetDeadlineAsync(code, null));
        var unknown = await Factory.AsUserAsync<PeriodAdministration, PeriodChange>("admin", s => s.SetLockedAsync("1999-Q9", true));
        var malformed = await Factory.AsUserAsync<PeriodAdministration, PeriodChange>("admin", s => s.SetDeadlineAsync("không phải kỳ", null));

        (locked.Ok, deadline.Ok, unknown.Period is null, malformed.Period is null).Should().Be((true, true, true, true));
        var stored = await Factory.WithDbAsync(db => db.Periods.AsNoTracking().SingleAsync(p => p.Id == locked.Period!.Id));
        stored.IsLocked.Should().BeTrue();
        stored.Deadline.Should().BeNull();
        (await AuditCountAsync()).Should().Be(audits + 2);
        (await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.PeriodId == stored.Id && a.Action == AuditAction.PeriodChanged)
            .OrderBy(a => a.Id).Select(a => a.Note).ToListAsync())).Should().EndWith(["Khóa kỳ", "Bỏ hạn nộp"]);
    }

    [Fact]
    public async Task The_catalogue_code_check_refuses_a_taken_code_a_changed_code_and_an_indicator_of_another_set()
    {
        var (id, code, set, otherSet) = await Factory.WithDbAsync(async db =>
        {
            var i = await db.Indicators.OrderBy(x => x.Id).Select(x => new { x.Id, x.Code, Set = x.Criterion.CriteriaSet.Code }).FirstAsync();
            var other = await db.CriteriaSets.Where(s => s.Code != i.Set).Select(s => s.Code).FirstAsync();
            return (i.Id, i.Code, i.Set, other);
        });

        async Task<CodeCheck> Check(string setCode, int? indicator, string? c) =>
            await Factory.WithServiceAsync<CatalogueService, CodeCheck>(s => s.CheckCodeAsync(setCode, indicator, c, ProgramTracker.Core.Localization.Formats.Vietnamese));

        (await Check(set, id, code)).Should().Be(CodeCheck.Fine);
        (await Check(set, null, "ma-moi-chua-dung")).Should().Be(CodeCheck.Fine);
        (await Check(set, null, code)).Should().Be(new CodeCheck(true, "Mã này đã dùng cho chỉ tiêu khác."));
        (await Check(set, id, code + "-khac")).Should().Be(new CodeCheck(true, "Không đổi mã của chỉ tiêu đã có (số liệu đã nhập gắn với mã này); thêm chỉ tiêu mới nếu cần."));
        (await Check(otherSet, id, code)).InSet.Should().BeFalse();
    }

    [Fact]
    public async Task The_context_stamps_a_change_and_its_audit_entry_with_the_acting_user_and_one_time_and_the_seed_as_seed()
    {
        var (period, programme, unit) = await Factory.WithDbAsync(async db => (
            await db.Periods.Where(p => !p.IsLocked).OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync(),
            await db.Programmes.Select(p => p.Id).FirstAsync(),
            await db.Units.Where(u => u.Slug == "ba-che").Select(u => u.Id).SingleAsync()));

        var saved = await Factory.AsUserAsync<PlanningService, SaveResult>("huyen", s => s.AddCapitalAsync(period,
            new CapitalInput(programme, null, unit, CapitalMeasure.Allocated, CapitalKind.Investment, null, 123_456_789m, "Dòng thử dấu người sửa")));

        saved.Outcome.Should().Be(SaveOutcome.Saved);
        var figure = await Factory.WithDbAsync(db => db.CapitalFigures.SingleAsync(c => c.Description == "Dòng thử dấu người sửa"));
        var audit = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.CapitalChanged).OrderBy(a => a.Id).LastAsync());
        (figure.UpdatedBy, audit.UserName).Should().Be(("huyen", "huyen"));
        figure.UpdatedAtUtc.Should().Be(audit.AtUtc, "the change and its audit entry are stamped in one save");
        (await Factory.WithDbAsync(db => db.CriteriaSetVersions.Select(v => v.CreatedBy).Distinct().ToListAsync())).Should().Equal("seed");
        (await Factory.WithDbAsync(db => db.IndicatorValues.Select(v => v.UpdatedBy).Distinct().ToListAsync())).Should().Equal("seed");
    }

    private Task<int> AuditCountAsync() => Factory.WithDbAsync(db => db.AuditEntries.CountAsync());

    private Task<long> CatalogueVersionAsync() => Factory.WithDbAsync(async db =>
        await db.DataVersions.Where(v => v.Id == DataScopes.Catalogue).Select(v => v.Value).FirstOrDefaultAsync());
}
