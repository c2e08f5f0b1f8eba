using System.Globalization;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Domain;

namespace ProgramTracker.Tests.Integration;

/// <summary>
/// The attainment read model (issue 24): the rows kept on write by saves, workflow steps and catalogue versions equal a
/// full recomputation from the stored values, on PostgreSQL and on the embedded SQLite default. Everything is done
/// through the pages people use (entry form, workflow buttons, the administrator's indicator form), in a random order
/// from a fixed seed.
/// </summary>
public sealed partial class AttainmentReadModelTests
{
    private static readonly (string User, string Form)[] Forms =
    [
        ("xa.namson", "/communes/nam-son/entry/2023-Q3"),
        ("xa.namson", "/communes/nam-son/entry/2023-Q4"),
        ("xa.bache", "/communes/xa-ba-che/entry/2025-Q3"),
    ];

    private static readonly string[] Steps = ["Submit", "Approve", "Reopen"];

    [Fact]
    public async Task After_random_saves_approvals_reopenings_and_catalogue_versions_the_read_model_equals_a_recomputation_on_PostgreSQL()
    {
        var (factory, database) = await PortalFactory.OnSeededCopyAsync();
        await using (database)
        await using (factory)
        {
            await ExerciseAndCompareAsync(factory, seed: 24);
        }
    }

    [Fact]
    public async Task After_random_saves_approvals_reopenings_and_catalogue_versions_the_read_model_equals_a_recomputation_on_SQLite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pt-{Guid.NewGuid():N}.db");
        try
        {
            await using var factory = new PortalFactory("Sqlite", $"Data Source={file};Pooling=false");
            await ExerciseAndCompareAsync(factory, seed: 27);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task ExerciseAndCompareAsync(PortalFactory factory, int seed)
    {
        // The seed's own values have their rows from the start.
        (await StoredAsync(factory)).Should().Equal(await RecomputedAsync(factory));

        var random = new Random(seed);
        var step = new int[Forms.Length];
        var setId = await factory.WithDbAsync(db => db.CriteriaSets.Where(s => s.Code == "ntm-xa").Select(s => s.Id).SingleAsync());
        var done = new List<string>();
        async Task StepAsync(int form)
        {
            var (user, address) = Forms[form];
            var name = Steps[step[form] % Steps.Length];
            if (name == "Submit")
            {
                await SaveAsync(factory, user, address, random, all: true);
            }

            await (await factory.SignedInClientAsync(name == "Submit" ? user : "admin")).WorkflowStepAsync(address, setId, name, name == "Reopen" ? "Sửa lại số liệu (kiểm thử)" : null);
            step[form]++;
            done.Add($"{name} {address}");
        }

        for (var round = 0; round < 20; round++)
        {
            var pick = random.Next(Forms.Length);
            var (user, form) = Forms[pick];
            // Steps on Nam Sơn's forms only (xã Ba Chẽ's 2025 form is saved, never submitted); a form is saved only while it is open.
            switch (random.Next(4))
            {
                case 0 when step[pick] % Steps.Length == 0:
                    await SaveAsync(factory, user, form, random, all: false);
                    done.Add($"save {form}");
                    break;
                case 1 when pick < 2:
                    await StepAsync(pick);
                    break;
                case 2:
                    var threshold = 70 + (5 * random.Next(6));
                    var from = random.Next(2) == 0 ? "" : "2025-Q3";
                    await NewThresholdAsync(factory, threshold, from);
                    done.Add($"threshold {threshold} from '{from}'");
                    break;
                default:
                    await SaveAsync(factory, Forms[2].User, Forms[2].Form, random, all: false);
                    done.Add($"save {Forms[2].Form}");
                    break;
            }
        }

        // Whatever the draw, Nam Sơn's 2023-Q3 goes once through submit, approval and reopening, and is saved again.
        while (step[0] < Steps.Length || step[0] % Steps.Length != 0)
        {
            await StepAsync(0);
        }

        await SaveAsync(factory, Forms[0].User, Forms[0].Form, random, all: false);
        // and Nam Sơn's 2023-Q4 ends approved.
        while (step[1] % Steps.Length != 2)
        {
            await StepAsync(1);
        }

        done.Should().Contain(d => d.StartsWith("save", StringComparison.Ordinal))
            .And.Contain(d => d.StartsWith("Approve", StringComparison.Ordinal))
            .And.Contain(d => d.StartsWith("threshold", StringComparison.Ordinal));
        var stored = await StoredAsync(factory);
        stored.Should().Equal(await RecomputedAsync(factory), string.Join("; ", done));
        var approved = await factory.WithDbAsync(db => db.AttainmentSummaries.Where(r => r.Unit.Slug == "nam-son" && r.CriteriaSetId == setId
            && r.Period.Year == 2023 && r.Period.Quarter == 4).Select(r => r.Status).SingleAsync());
        approved.Should().Be(SubmissionStatus.Approved, "an approval reaches the read model");
    }

    /// <summary>The read model as stored, one line per unit, set and period.</summary>
    private static Task<List<string>> StoredAsync(PortalFactory factory) => factory.WithDbAsync(async db =>
        Lines(await db.AttainmentSummaries.AsNoTracking().ToListAsync()));

    /// <summary>Every row recomputed from the values by the rules, set by set, nothing saved.</summary>
    private static Task<List<string>> RecomputedAsync(PortalFactory factory) => factory.WithDbAsync(async db =>
    {
        var updater = new SummaryUpdater(db);
        foreach (var set in await db.CriteriaSets.Select(s => s.Id).ToListAsync())
        {
            await updater.RebuildSetAsync(set, null, default);
        }

        var rows = db.ChangeTracker.Entries<AttainmentSummary>().Select(e => e.Entity).ToList();
        db.ChangeTracker.Clear();
        return Lines(rows);
    });

    private static List<string> Lines(IEnumerable<AttainmentSummary> rows) => rows
        // A row with no value left judges nothing; the recomputation visits only units with values.
        .Where(s => s.ValuesEntered > 0 || s.IndicatorsMet > 0)
        .Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s.UnitId}|{s.CriteriaSetId}|{s.PeriodId}|{s.CriteriaMet}|{s.IndicatorsMet}|{s.ValuesEntered}|{s.Achieved}|{(int)s.Status}|{s.IndicatorsDefined}|{s.IndicatorsJudged}|{s.CriteriaJudged}|{s.CriteriaUnknown}"))
        .Order(StringComparer.Ordinal)
        .ToList();

    private static async Task SaveAsync(PortalFactory factory, string user, string form, Random random, bool all)
    {
        var client = await factory.SignedInClientAsync(user);
        var page = await client.GetStringAsync(form);
        var fields = HtmlParts.EntryHiddenFields(page);
        var cells = HtmlParts.EntryCellIndex().Matches(page).Where(m => m.Groups["code"].Value.StartsWith("ntm-xa.", StringComparison.Ordinal)).ToList();
        foreach (var cell in cells.Where(_ => all || random.Next(3) == 0).DefaultIfEmpty(cells[0]))
        {
            // Percentages for the three numeric indicators, yes/no (1/0) for the others; an empty cell now and then unless all are filled.
            string[] choices = cell.Groups["code"].Value is "ntm-xa.3.1" or "ntm-xa.5" or "ntm-xa.6.3" ? ["0", "60", "85", "100"] : ["0", "1"];
            fields[$"Cells[{cell.Groups["i"].Value}].Raw"] = !all && random.Next(6) == 0 ? "" : choices[random.Next(choices.Length)];
        }

        (await client.PostAsync(form, new FormUrlEncodedContent(fields))).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    /// <summary>The administrator changes 3.1's threshold, from a period on (a new version) or in place.</summary>
    private static async Task NewThresholdAsync(PortalFactory factory, int threshold, string from)
    {
        var admin = await factory.SignedInClientAsync("admin");
        var indicator = await factory.WithDbAsync(db => db.Indicators.Where(i => i.Code == "ntm-xa.3.1").Select(i => new { i.Id, i.CriterionId }).SingleAsync());
        var token = await admin.AntiforgeryTokenAsync($"/admin/indicators/{indicator.Id}/edit");
        var post = await admin.PostFormAsync("/admin/criteria-sets/ntm-xa/indicators", new()
        {
            ["Id"] = $"{indicator.Id}", ["CriterionId"] = $"{indicator.CriterionId}", ["Code"] = "ntm-xa.3.1",
            ["Name"] = "Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động", ["Unit"] = "%", ["ValueType"] = "Percent",
            ["Comparator"] = "AtLeast", ["Threshold"] = threshold.ToString(CultureInfo.InvariantCulture), ["EffectiveFrom"] = from,
        }, token);
        post.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}
