using Microsoft.Extensions.DependencyInjection;
using ProgramTracker.Core.Accounts;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Localization;
using ProgramTracker.Core.Poverty;
using ProgramTracker.Core.Workflow;

namespace ProgramTracker.Tests.Integration;

/// <summary>The entry service and the workflow against a real PostgreSQL, each test on a fresh database; the services come from the portal's container.</summary>
public sealed class EntryWorkflowTests : IAsyncLifetime
{
    private PortalFactory _factory = null!;
    private TestDatabase _database = null!;
    private List<Indicator> _indicators = null!;
    private int _namSon;
    private int _period;
    private int _set;

    public async Task InitializeAsync()
    {
        (_factory, _database) = await PortalFactory.OnSeededCopyAsync();
        _ = _factory.Server;
        _indicators = await TestCatalogue.AddIndicatorsAsync(_factory, "ntm-xa-nang-cao");
        (_namSon, _period, _set) = await _factory.WithDbAsync(async db => (
            await db.Units.Where(u => u.Slug == "nam-son").Select(u => u.Id).SingleAsync(),
            await db.Periods.Where(p => p.Year == 2023 && p.Quarter == 4).Select(p => p.Id).SingleAsync(),
            await db.CriteriaSets.Where(s => s.Code == "ntm-xa-nang-cao").Select(s => s.Id).SingleAsync()));
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_full_form_is_saved_with_one_audit_entry_per_changed_value()
    {
        var result = await Save("xa.namson", (0, 55m, 0), (1, 0.8m, 0), (2, 1m, 0));

        result.Outcome.Should().Be(SaveOutcome.Saved);
        result.Changed.Should().Be(3);
        var values = await Values();
        values.Should().BeEquivalentTo(new Dictionary<int, decimal?> { [_indicators[0].Id] = 55m, [_indicators[1].Id] = 0.8m, [_indicators[2].Id] = 1m });
        (await Audit(AuditAction.ValueChanged)).Should().HaveCount(3).And.OnlyContain(a => a.UserName == "xa.namson" && a.OldValue == null);
    }

    [Fact]
    public async Task Unchanged_cells_are_not_written_nor_audited()
    {
        await Save("xa.namson", (0, 55m, 0));

        var again = await Save("xa.namson", (0, 55m, 1));

        again.Changed.Should().Be(0);
        (await Audit(AuditAction.ValueChanged)).Should().HaveCount(1);
    }

    [Fact]
    public async Task A_locked_period_refuses_writes_and_keeps_the_values()
    {
        await Save("xa.namson", (0, 55m, 0));
        await _factory.LockPeriodAsync("2023-Q4");

        var result = await Save("xa.namson", (0, 60m, 1));

        result.Outcome.Should().Be(SaveOutcome.Refused);
        result.Message.Should().Contain("đã khóa");
        (await Values())[_indicators[0].Id].Should().Be(55m);
    }

    [Fact]
    public async Task Two_people_saving_the_same_form_give_one_conflict_and_no_lost_value()
    {
        // Both opened the form when the cell was empty (version 0).
        var first = Save("xa.namson", (0, 55m, 0));
        var second = Save("huyen", (0, 61m, 0));
        var results = await Task.WhenAll(first, second);

        results.Count(r => r.Outcome == SaveOutcome.Saved).Should().Be(1);
        var conflict = results.Single(r => r.Outcome == SaveOutcome.Conflict);
        var winner = results[0].Outcome == SaveOutcome.Saved ? 55m : 61m;
        conflict.Conflicts.Should().ContainSingle().Which.CurrentValue.Should().Be(winner);
        (await Values())[_indicators[0].Id].Should().Be(winner);

        // The loser saw the winner's value and version; saving again now goes through, on purpose.
        var retry = await Save(results[0].Outcome == SaveOutcome.Saved ? "huyen" : "xa.namson", (0, 70m, conflict.Conflicts[0].CurrentVersion));
        retry.Outcome.Should().Be(SaveOutcome.Saved);
        (await Audit(AuditAction.ValueChanged)).Select(a => a.NewValue).Should().BeEquivalentTo([winner.ToString(System.Globalization.CultureInfo.InvariantCulture), "70"]);
    }

    [Fact]
    public async Task N_random_edits_make_N_audit_entries_with_old_and_new_values()
    {
        var random = new Random(20231);
        var version = 0;
        decimal? last = null;
        const int n = 25;
        for (var i = 0; i < n; i++)
        {
            var value = last + 1 ?? random.Next(1, 100);
            (await Save("xa.namson", (0, value, version))).Outcome.Should().Be(SaveOutcome.Saved);
            last = value;
            version++;
        }

        var audit = await Audit(AuditAction.ValueChanged);
        audit.Should().HaveCount(n);
        audit.Zip(audit.Skip(1)).Should().OnlyContain(p => p.First.NewValue == p.Second.OldValue);
    }

    [Fact]
    public async Task Editing_a_cited_value_drops_its_source_and_qualifier()
    {
        var (district, q3, income) = await _factory.WithDbAsync(async db => (
            await db.Units.Where(u => u.Slug == "ba-che").Select(u => u.Id).SingleAsync(),
            await db.Periods.Where(p => p.Year == 2023 && p.Quarter == 3).Select(p => p.Id).SingleAsync(),
            await db.IndicatorValues.Where(v => v.Indicator.Code == "dtts-thu-nhap").Select(v => new { v.IndicatorId, v.Version }).SingleAsync()));

        var result = await WithService("huyen", (entry, _) => entry.SaveAsync(district, q3, [new CellInput(income.IndicatorId, 69m, null, income.Version)]));

        result.Outcome.Should().Be(SaveOutcome.Saved);
        var stored = await _factory.WithDbAsync(db => db.IndicatorValues.AsNoTracking().SingleAsync(v => v.IndicatorId == income.IndicatorId));
        (stored.Value, stored.SourceId, stored.Qualifier, stored.UpdatedBy).Should().Be((69m, (int?)null, ValueQualifier.None, "huyen"));
    }

    [Fact]
    public async Task Workflow_submit_return_resubmit_approve_then_values_are_locked()
    {
        await Save("xa.namson", (0, 55m, 0), (1, 0.8m, 0), (2, 1m, 0));

        (await Step(WorkflowStep.Submit, null, "xa.namson")).Status.Should().Be(SubmissionStatus.Submitted);
        (await Save("xa.namson", (0, 56m, 1))).Outcome.Should().Be(SaveOutcome.Refused, "a submitted form is not edited");
        (await Step(WorkflowStep.Return, "", "huyen")).Ok.Should().BeFalse("a return needs a comment");
        (await Step(WorkflowStep.Return, "Kiểm tra lại thu nhập", "huyen")).Status.Should().Be(SubmissionStatus.Returned);
        (await Save("xa.namson", (0, 56m, 1))).Outcome.Should().Be(SaveOutcome.Saved);
        (await Step(WorkflowStep.Submit, null, "xa.namson")).Status.Should().Be(SubmissionStatus.Submitted);
        (await Step(WorkflowStep.Approve, null, "huyen")).Status.Should().Be(SubmissionStatus.Approved);
        (await Save("huyen", (0, 57m, 2))).Outcome.Should().Be(SaveOutcome.Refused, "an approved form is locked");
        (await Step(WorkflowStep.Submit, null, "xa.namson")).Ok.Should().BeFalse();
        (await Step(WorkflowStep.Reopen, "Sửa số liệu theo kiểm tra", "huyen")).Status.Should().Be(SubmissionStatus.Draft);
        (await Save("huyen", (0, 57m, 2))).Outcome.Should().Be(SaveOutcome.Saved);

        var steps = await _factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action != AuditAction.ValueChanged && a.Action != AuditAction.CatalogueChanged && a.Action != AuditAction.UnitsReorganised).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        steps.Should().Equal(AuditAction.Submitted, AuditAction.Returned, AuditAction.Submitted, AuditAction.Approved, AuditAction.Reopened);
    }

    [Fact]
    public async Task Summaries_follow_every_write_in_the_same_transaction()
    {
        await Save("xa.namson", (0, 55m, 0), (1, 2.5m, 0), (2, 1m, 0));

        var summary = await Summary();
        (summary.CriteriaMet, summary.IndicatorsMet, summary.ValuesEntered, summary.Achieved, summary.Status)
            .Should().Be((2, 2, 3, false, SubmissionStatus.Draft), "poverty 2,5 % is above the 1,5 % test threshold");

        await Save("xa.namson", (1, 0.9m, 1));
        (await Summary()).CriteriaMet.Should().Be(3);

        await Step(WorkflowStep.Submit, null, "xa.namson");
        await Step(WorkflowStep.Approve, null, "huyen");
        (await Summary()).Status.Should().Be(SubmissionStatus.Approved);
    }

    [Fact]
    public async Task Submitting_an_incomplete_form_is_refused_with_the_count_missing()
    {
        await Save("xa.namson", (0, 55m, 0));

        var result = await Step(WorkflowStep.Submit, null, "xa.namson");

        result.Ok.Should().BeFalse();
        result.Error.Should().Contain("2/3");
    }

    [Fact]
    public async Task A_locked_period_refuses_workflow_steps()
    {
        await _factory.LockPeriodAsync("2023-Q4");

        var result = await Step(WorkflowStep.Submit, null, "xa.namson");

        result.Ok.Should().BeFalse();
        result.Error.Should().Contain("đã khóa");
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed_or_deleted()
    {
        await Save("xa.namson", (0, 55m, 0));

        // Direct writes on purpose: this test is about the context's append-only guard itself, which no page reaches.
        var change = () => _factory.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.FirstAsync();
            entry.NewValue = "999";
            return await db.SaveChangesAsync();
        });
        var delete = () => _factory.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());
            return await db.SaveChangesAsync();
        });

        await change.Should().ThrowAsync<InvalidOperationException>().WithMessage("*append-only*");
        await delete.Should().ThrowAsync<InvalidOperationException>();
        (await Audit(AuditAction.ValueChanged)).Single().NewValue.Should().Be("55");
    }

    [Fact]
    public async Task Poverty_counts_are_saved_audited_and_rates_derive_from_them()
    {
        var (district, q3, standard, version) = await _factory.WithDbAsync(async db => (
            await db.Units.Where(u => u.Slug == "ba-che").Select(u => u.Id).SingleAsync(),
            await db.Periods.Where(p => p.Year == 2023 && p.Quarter == 3).Select(p => p.Id).SingleAsync(),
            await db.PovertyStandards.Where(s => s.Code == "nd-07-2021").Select(s => s.Id).SingleAsync(),
            await db.PovertyRecords.Where(p => p.Unit.Slug == "ba-che" && p.Standard.Code == "nd-07-2021").Select(p => p.Version).SingleAsync()));

        var result = await WithPoverty("huyen", s => s.SaveAsync(q3, standard, [new PovertyInput(district, 5000, 14, 45, version), new PovertyInput(_namSon, 800, 3, 9, 0)]));
        var stale = await WithPoverty("huyen", s => s.SaveAsync(q3, standard, [new PovertyInput(_namSon, 810, 3, 9, 0)]));

        result.Outcome.Should().Be(SaveOutcome.Saved);
        result.Changed.Should().Be(2);
        stale.Outcome.Should().Be(SaveOutcome.Conflict);
        var record = await _factory.WithDbAsync(db => db.PovertyRecords.AsNoTracking().SingleAsync(p => p.UnitId == district && p.StandardId == standard && p.PeriodId == q3));
        PovertyRates.Of(record.HouseholdsTotal, record.PoorHouseholds, record.NearPoorHouseholds, record.ReportedPoorRate, record.ReportedNearPoorRate)
            .Should().Be((0.28m, 0.9m, true));
        record.ReportedPoorRate.Should().Be(0.27m, "the reported rate stays as the source printed it");
        (await Audit(AuditAction.PovertyChanged)).Should().HaveCount(2);
        PovertyEntryService.Validate(100, 60, 50, Formats.Vietnamese).Should().Contain("vượt tổng số hộ");
        PovertyEntryService.Validate(null, 1, null, Formats.Vietnamese).Should().Contain("tổng số hộ");
        PovertyEntryService.Validate(100, 60, 50, Formats.English).Should().Be("Poor and near-poor households together exceed the total number of households.");
    }

    private async Task<SaveResult> WithPoverty(string user, Func<PovertyEntryService, Task<SaveResult>> work)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProgramTrackerDbContext>();
        using var actor = db.ActAs(new NamedUser(user));
        return await work(scope.ServiceProvider.GetRequiredService<PovertyEntryService>());
    }

    private Task<SaveResult> Save(string user, params (int Index, decimal? Value, int Version)[] cells) =>
        WithService(user, (entry, _) => entry.SaveAsync(_namSon, _period, cells.Select(c => new CellInput(_indicators[c.Index].Id, c.Value, null, c.Version)).ToList()));

    private Task<WorkflowResult> Step(WorkflowStep step, string? comment, string user) =>
        WithService(user, (_, workflow) => workflow.ApplyAsync(_namSon, _set, _period, step, comment));

    private async Task<T> WithService<T>(string user, Func<EntryService, WorkflowService, Task<T>> work)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProgramTrackerDbContext>();
        using var actor = db.ActAs(new NamedUser(user));
        // The services as the portal's container builds them (a wiring error fails here), on the scope's context.
        return await work(scope.ServiceProvider.GetRequiredService<EntryService>(), scope.ServiceProvider.GetRequiredService<WorkflowService>());
    }

    private Task<AttainmentSummary> Summary() => _factory.WithDbAsync(db => db.AttainmentSummaries.AsNoTracking()
        .SingleAsync(s => s.UnitId == _namSon && s.PeriodId == _period && s.CriteriaSetId == _set));

    private Task<Dictionary<int, decimal?>> Values() => _factory.WithDbAsync(db => db.IndicatorValues
        .Where(v => v.UnitId == _namSon && v.PeriodId == _period).ToDictionaryAsync(v => v.IndicatorId, v => v.Value));

    private Task<List<AuditEntry>> Audit(AuditAction action) => _factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
        .Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync());
}
