using ProgramTracker.ApiClient;

namespace ProgramTracker.Tests.Integration.Api;

/// <summary>
/// The API's round trips as an integrator makes them: through the C# client generated at build time from the committed
/// contract (docs/openapi/v1.json), so an answer the document does not describe, or describes otherwise, fails here.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ApiClientTests(ApiFixture fixture)
{
    [Fact]
    public async Task The_catalogue_reads_through_the_generated_client_programmes_sets_units_with_pages_and_periods()
    {
        var (_, secret) = await fixture.CreateTokenAsync("huyen", write: false);
        var api = fixture.ApiClient(secret);

        var programmes = await api.ListProgrammesAsync();
        var set = await api.GetCriteriaSetAsync("ntm-xa");
        var first = await api.ListUnitsAsync(unit: "ba-che", limit: 2);
        var second = await api.ListUnitsAsync(unit: "ba-che", limit: 2, cursor: first.Next);
        var namSon = await api.GetUnitAsync("nam-son");
        var periods = await api.ListPeriodsAsync();

        programmes.Items.Select(p => p.Code).Should().Contain("ntm");
        programmes.Items.Single(p => p.Code == "ntm").CriteriaSets.Should().Contain("ntm-xa");
        programmes.Next.Should().BeNull("one page");
        set.Set.Code.Should().Be("ntm-xa");
        set.Criteria.SelectMany(c => c.Indicators).Select(i => i.Code).Should().Contain(["ntm-xa.3.1", "ntm-xa.3.2"]);
        set.Versions.Should().NotBeEmpty();
        first.Items.Select(u => u.Slug).Should().Equal("ba-che", "nam-son");
        first.Next.Should().NotBeNullOrEmpty();
        var lastId = first.Items[^1].Id;
        second.Items.Should().NotBeEmpty().And.OnlyContain(u => u.Id > lastId, "the next page starts after the last unit");
        namSon.Kind.Should().Be(UnitKind.Commune);
        namSon.Parent.Should().Be("ba-che");
        namSon.Successors.Select(s => s.Unit).Should().Contain("xa-ba-che");
        periods.Items.Should().Contain(p => p.Code == "2023-Q3" && p.Year == 2023 && p.Quarter == 3);
    }

    [Fact]
    public async Task A_script_with_a_create_token_token_reads_Nam_Son_2023_Q3_and_writes_one_value_back_seen_on_the_form_and_in_the_audit()
    {
        var secret = await fixture.CreateTokenCommandAsync("--user", "xa.namson", "--name", "kịch bản tỉnh", "--write", "--days", "7");
        secret.Should().StartWith("pt_");
        var api = fixture.ApiClient(secret);
        using var http = fixture.Client(secret);
        const string url = "/api/v1/values/nam-son/ntm-xa/2023-Q3";
        var etag = (await http.GetAsync(url)).Headers.ETag!.Tag;

        var form = await api.GetFormAsync("nam-son", "ntm-xa", "2023-Q3");
        (await IfNoneMatchAsync(http, url, etag)).Should().Be(HttpStatusCode.NotModified, "nothing changed since the ETag");
        form.Unit.Should().Be("nam-son");
        form.Status.Should().Be(SubmissionStatus.Draft);
        var percent = form.Values.First(v => v.ValueType == ValueKind.Percent);

        var saved = await api.PutFormValuesAsync("nam-son", "ntm-xa", "2023-Q3", new PutValuesRequest
        {
            Values = [new PutValue { Indicator = percent.Indicator, Value = 87.5, Note = "Theo rà soát", Version = percent.Version }],
        });

        (await IfNoneMatchAsync(http, url, etag)).Should().Be(HttpStatusCode.OK, "a write changes the ETag");
        saved.Changed.Should().Be(1);
        var after = saved.Current.Values.Single(v => v.IndicatorId == percent.IndicatorId);
        after.Value.Should().Be(87.5);
        after.Version.Should().Be(1);
        after.UpdatedBy.Should().Be("xa.namson");
        after.UpdatedAtUtc.Should().NotBeNull();
        var officer = await fixture.Factory.SignedInClientAsync("xa.namson");
        (await officer.GetStringAsync("/communes/nam-son/entry/2023-Q3")).Should().Contain("value=\"87,5\"");
        var audit = await api.ListValueAuditAsync("nam-son", percent.Indicator, "2023-Q3");
        var entry = audit.Items.Single();
        entry.UserName.Should().Be("xa.namson");
        entry.NewValue.Should().Be("87.5");
        entry.Note.Should().Be("qua API: kịch bản tỉnh · Theo rà soát");
        var values = await api.ListValuesAsync(unit: "nam-son", set: "ntm-xa", period: "2023-Q3");
        values.Items.Should().ContainSingle(v => v.Indicator == percent.Indicator && v.Value == 87.5 && v.Version == 1);
        var (unitId, periodId) = await fixture.Factory.WithDbAsync(db => Task.FromResult(
            (db.Units.Where(u => u.Slug == "nam-son").Select(u => u.Id).Single(), db.Periods.Where(p => p.Year == 2023 && p.Quarter == 3).Select(p => p.Id).Single())));
        (await officer.GetStringAsync($"/audit/value?unit={unitId}&indicator={percent.IndicatorId}&period={periodId}")).Should().Contain("qua API: kịch bản tỉnh");
    }

    [Fact]
    public async Task A_stale_version_is_a_409_with_the_conflicts_and_the_current_form_and_nothing_is_written()
    {
        var (_, secret) = await fixture.CreateTokenAsync("huyen", write: true);
        var api = fixture.ApiClient(secret);
        var first = (await api.GetFormAsync("thanh-lam", "ntm-xa", "2023-Q3")).Values[0];
        var value = first.ValueType == ValueKind.Boolean ? 1d : 10d;
        await api.PutFormValuesAsync("thanh-lam", "ntm-xa", "2023-Q3", new PutValuesRequest { Values = [new PutValue { Indicator = first.Indicator, Value = value, Version = 0 }] });

        var stale = () => api.PutFormValuesAsync("thanh-lam", "ntm-xa", "2023-Q3", new PutValuesRequest
        {
            Values = [new PutValue { Indicator = first.Indicator, Value = value + 1, Version = 0 }],
        });

        var conflict = (await stale.Should().ThrowAsync<ApiException<ConflictProblem>>()).Which;
        conflict.StatusCode.Should().Be((int)HttpStatusCode.Conflict);
        conflict.Headers["Content-Type"].Single().Should().StartWith("application/problem+json");
        conflict.Result.Title.Should().Contain("người khác đã lưu");
        conflict.Result.Conflicts.Should().ContainSingle().Which.Should().Match<ConflictDto>(c => c.IndicatorId == first.IndicatorId && c.CurrentVersion == 1 && c.CurrentValue == value);
        conflict.Result.Current!.Values[0].Value.Should().Be(value);
        (await api.GetFormAsync("thanh-lam", "ntm-xa", "2023-Q3")).Values[0].Value.Should().Be(value, "nothing was written");
    }

    [Fact]
    public async Task A_bad_value_is_a_422_listing_each_refused_value_in_the_forms_words()
    {
        var (_, secret) = await fixture.CreateTokenAsync("xa.namson", write: true);
        var api = fixture.ApiClient(secret);

        var refused = () => api.PutFormValuesAsync("nam-son", "ntm-xa-nang-cao", "2023-Q2", new PutValuesRequest
        {
            Values = [new PutValue { Indicator = "ntm-xa-nang-cao.t2", Value = 150, Version = 0 }, new PutValue { Indicator = "ntm-xa-nang-cao.t1", Raw = "abc", Version = 0 }],
        });

        var problem = (await refused.Should().ThrowAsync<ApiException<InvalidValuesProblem>>()).Which;
        problem.StatusCode.Should().Be(422);
        problem.Result.Errors.Should().NotBeNull();
        problem.Result.Errors!.Select(e => e.Indicator).Should().Equal("ntm-xa-nang-cao.t2", "ntm-xa-nang-cao.t1");
        problem.Result.Errors[0].Error.Should().Contain("từ 0 đến 100");
        (await api.GetFormAsync("nam-son", "ntm-xa-nang-cao", "2023-Q2")).Values.Should().OnlyContain(v => v.Version == 0, "nothing was saved");
    }

    [Fact]
    public async Task Submit_and_approve_go_through_the_workflow_with_the_same_rules_and_the_audit_says_qua_API()
    {
        var (_, officerToken) = await fixture.CreateTokenAsync("xa.namson", write: true);
        var (_, reviewerToken) = await fixture.CreateTokenAsync("huyen", write: true);
        var officer = fixture.ApiClient(officerToken);
        var reviewer = fixture.ApiClient(reviewerToken);

        var early = (await ((Func<Task>)(() => officer.PostWorkflowStepAsync("nam-son", "ntm-xa", "2023-Q1", Step.Submit, new WorkflowRequest())))
            .Should().ThrowAsync<ApiException<ProblemDetails>>()).Which;
        early.StatusCode.Should().Be(409);
        early.Result.Title.Should().Contain("chưa nhập số liệu");

        var form = await officer.GetFormAsync("nam-son", "ntm-xa", "2023-Q1");
        await officer.PutFormValuesAsync("nam-son", "ntm-xa", "2023-Q1", new PutValuesRequest
        {
            Values = form.Values.Select(v => new PutValue { Indicator = v.Indicator, Value = v.ValueType == ValueKind.Boolean ? 1 : 50, Version = v.Version }).ToList(),
        });
        var notReviewer = (await ((Func<Task>)(() => officer.PostWorkflowStepAsync("nam-son", "ntm-xa", "2023-Q1", Step.Approve, new WorkflowRequest())))
            .Should().ThrowAsync<ApiException<ProblemDetails>>()).Which;
        notReviewer.StatusCode.Should().Be(403, "a commune officer does not review");
        (await officer.PostWorkflowStepAsync("nam-son", "ntm-xa", "2023-Q1", Step.Submit, new WorkflowRequest())).Status.Should().Be(SubmissionStatus.Submitted);
        (await reviewer.PostWorkflowStepAsync("nam-son", "ntm-xa", "2023-Q1", Step.Approve, new WorkflowRequest())).Status.Should().Be(SubmissionStatus.Approved);

        var locked = (await ((Func<Task>)(() => officer.PutFormValuesAsync("nam-son", "ntm-xa", "2023-Q1", new PutValuesRequest
        {
            Values = [new PutValue { Indicator = "ntm-xa.3.1", Value = null, Version = 1 }],
        }))).Should().ThrowAsync<ApiException<ConflictProblem>>()).Which;
        locked.Result.Title.Should().Contain("Đã duyệt");
        locked.Result.Conflicts.Should().BeNull("a locked form has no conflicting values");
        var list = await reviewer.ListSubmissionsAsync(unit: "nam-son", set: "ntm-xa", period: "2023-Q1");
        list.Items.Single().Status.Should().Be(SubmissionStatus.Approved);
        list.Items.Single().ReviewedBy.Should().Be("huyen");
        var html = await (await fixture.Factory.SignedInClientAsync("huyen")).GetStringAsync("/audit?unit=nam-son&period=2023-Q1&user=huyen");
        html.Should().Contain("qua API: thử huyen");
    }

    private static async Task<HttpStatusCode> IfNoneMatchAsync(HttpClient http, string url, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
