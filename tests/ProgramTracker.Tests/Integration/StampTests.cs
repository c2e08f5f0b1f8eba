using System.Text;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Tests.Integration.Api;

namespace ProgramTracker.Tests.Integration;

/// <summary>
/// Issue 27.3: one stamping mechanism. EF writes are stamped by the context's interceptor through the stamped rows' own
/// members; the set-based PostgreSQL write takes the same stamp value; nobody stamps by hand. The writes go through the
/// API's doors (values on the raw SQL path, the workflow on EF), and each row says who and when from the portal's clock.
/// </summary>
public sealed class StampTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_save_and_a_submission_are_stamped_with_the_user_and_the_portals_clock_on_both_write_paths()
    {
        var before = TestClock.Provider.GetUtcNow().UtcDateTime;
        using var api = fixture.Client((await fixture.CreateTokenAsync("xa.namson", write: true)).Secret);
        var body = """{"values":[{"indicator":"ntm-xa-nang-cao.t1","raw":"55","version":0},{"indicator":"ntm-xa-nang-cao.t2","raw":"1","version":0},{"indicator":"ntm-xa-nang-cao.t3","raw":"đạt","version":0}]}""";
        (await api.PutAsync("/api/v1/values/nam-son/ntm-xa-nang-cao/2023-Q2", new StringContent(body, Encoding.UTF8, "application/json"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.PostAsync("/api/v1/submissions/nam-son/ntm-xa-nang-cao/2023-Q2/submit", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var after = TestClock.Provider.GetUtcNow().UtcDateTime;

        var (values, audit, submission, summary, token) = await fixture.Factory.WithDbAsync(async db =>
        {
            var unit = await db.Units.Where(u => u.Slug == "nam-son").Select(u => u.Id).SingleAsync();
            var period = await db.Periods.Where(p => p.Year == 2023 && p.Quarter == 2).Select(p => p.Id).SingleAsync();
            return (await db.IndicatorValues.Where(v => v.UnitId == unit && v.PeriodId == period).ToListAsync(),
                await db.AuditEntries.Where(a => a.UnitId == unit && a.PeriodId == period).ToListAsync(),
                await db.Submissions.SingleAsync(s => s.UnitId == unit && s.PeriodId == period),
                await db.AttainmentSummaries.SingleAsync(s => s.UnitId == unit && s.PeriodId == period),
                await db.ApiTokens.OrderByDescending(t => t.Id).FirstAsync());
        });

        values.Should().HaveCount(3).And.OnlyContain(v => v.UpdatedBy == "xa.namson" && v.UpdatedAtUtc >= before && v.UpdatedAtUtc <= after);
        values.Select(v => v.UpdatedAtUtc).Distinct().Should().ContainSingle("one save, one stamp");
        var written = audit.Where(a => a.Action == AuditAction.ValueChanged).ToList();
        written.Should().HaveCount(3).And.OnlyContain(a => a.UserName == "xa.namson" && a.AtUtc == values[0].UpdatedAtUtc, "the raw SQL write takes the same stamp for values and audit");
        audit.Single(a => a.Action == AuditAction.Submitted).UserName.Should().Be("xa.namson");
        submission.SubmittedBy.Should().Be("xa.namson", "the workflow reads the context's stamp");
        submission.SubmittedAtUtc.Should().BeOnOrAfter(values[0].UpdatedAtUtc).And.BeOnOrBefore(submission.UpdatedAtUtc);
        submission.UpdatedAtUtc.Should().BeOnOrBefore(after);
        summary.UpdatedAtUtc.Should().BeOnOrAfter(before).And.BeOnOrBefore(after);
        token.CreatedAtUtc.Should().BeOnOrAfter(before).And.BeOnOrBefore(after);
    }

    [Fact]
    public async Task Every_entity_with_a_stamp_column_implements_the_stamp_interface_so_none_is_skipped()
    {
        var types = await fixture.Factory.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(e => e.ClrType).Distinct().ToList()));

        foreach (var type in types)
        {
            if (type.GetProperty("UpdatedAtUtc") is not null)
            {
                type.Should().Implement<IChangeStamped>();
            }

            if (type.GetProperty("CreatedAtUtc") is not null)
            {
                type.Should().Implement<ICreationStamped>();
            }
        }

        typeof(AuditEntry).Should().Implement<ICreationStamped>();
    }
}
