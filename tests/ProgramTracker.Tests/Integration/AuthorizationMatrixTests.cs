using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProgramTracker.Core.Accounts;

namespace ProgramTracker.Tests.Integration;

/// <summary>
/// Every controller action of the app, against an explicit table of who may call it. A new action without a decided
/// entry fails here; each GET is then called by every role and by an anonymous visitor, and each unsafe action by
/// every role it does not allow.
/// </summary>
public sealed class AuthorizationMatrixTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private enum Access
    {
        /// <summary>Anyone, signed in or not.</summary>
        Anonymous,

        /// <summary>Any signed-in account.</summary>
        SignedIn,

        /// <summary>The four roles, each scoped to what it may read.</summary>
        Readers,

        /// <summary>Admin, district staff and commune officers (the data-entry policy; units checked per request).</summary>
        Editors,

        /// <summary>Admin and district staff.</summary>
        AdminOrDistrict,

        /// <summary>The national administrator and a province administrator (accounts, classifications; scoped per request).</summary>
        Administrators,

        AdminOnly,
    }

    private sealed record Rule(Access Access, string Url);

    /// <summary>The decided access of each action ("Controller.Action"); GET and POST of one name share an entry.</summary>
    private static readonly Dictionary<string, Rule> Table = new()
    {
        ["Errors.Show"] = new(Access.Anonymous, "/error/404"),
        ["Account.Login"] = new(Access.Anonymous, "/account/login"),
        ["Help.Index"] = new(Access.Anonymous, "/help"),
        ["Help.Guide"] = new(Access.Anonymous, "/help/officer"),
        ["Help.Picture"] = new(Access.Anonymous, "/help/pictures/officer-entry-vi.png"),
        ["Language.Set"] = new(Access.Anonymous, "/language/en?returnUrl=/"),
        ["Account.LoginTwoFactor"] = new(Access.Anonymous, "/account/login-2fa"),
        ["Account.Logout"] = new(Access.SignedIn, "/account/logout"),
        ["Account.TwoFactor"] = new(Access.SignedIn, "/account/two-factor"),
        ["Account.DisableTwoFactor"] = new(Access.SignedIn, "/account/two-factor/disable"),
        ["Account.ChangePassword"] = new(Access.SignedIn, "/account/password"),
        ["AccountTokens.Index"] = new(Access.SignedIn, "/account/tokens"),
        ["AccountTokens.Create"] = new(Access.SignedIn, "/account/tokens"),
        ["AccountTokens.Revoke"] = new(Access.SignedIn, "/account/tokens/999999/revoke"),
        ["Home.Index"] = new(Access.Readers, "/"),
        ["Communes.Index"] = new(Access.Readers, "/communes"),
        ["Communes.Show"] = new(Access.Readers, "/communes/nam-son"),
        ["Units.ByCode"] = new(Access.Readers, "/units/06970"),
        ["Units.Search"] = new(Access.Readers, "/units/search?q=ky+thuong"),
        ["Districts.Show"] = new(Access.Readers, "/districts/ba-che"),
        ["Programmes.Index"] = new(Access.Readers, "/programmes"),
        ["Programmes.Show"] = new(Access.Readers, "/programmes/ntm"),
        ["CriteriaSets.Show"] = new(Access.Readers, "/criteria-sets/ntm-xa-nang-cao"),
        ["Indicators.Show"] = new(Access.Readers, "/indicators/{indicator}"),
        ["Entry.Commune"] = new(Access.Readers, "/communes/nam-son/entry/2023-Q4"),
        ["Entry.District"] = new(Access.Readers, "/districts/ba-che/entry/2023-Q4"),
        ["Entry.SaveCommune"] = new(Access.Editors, "/communes/nam-son/entry/2023-Q4"),
        ["Entry.SaveDistrict"] = new(Access.Editors, "/districts/ba-che/entry/2023-Q4"),
        ["Entry.CommuneWorkflow"] = new(Access.Editors, "/communes/nam-son/entry/2023-Q4/workflow"),
        ["Entry.DistrictWorkflow"] = new(Access.Editors, "/districts/ba-che/entry/2023-Q4/workflow"),
        ["EntryWorkbook.CommuneWorkbook"] = new(Access.Readers, "/communes/nam-son/entry/2023-Q4/workbook.xlsx"),
        ["EntryWorkbook.DistrictWorkbook"] = new(Access.Readers, "/districts/ba-che/entry/2023-Q4/workbook.csv"),
        ["EntryWorkbook.ReviewerWorkbook"] = new(Access.AdminOrDistrict, "/entry/2023-Q4/workbook.xlsx?unit=ba-che"),
        ["EntryWorkbook.Reviewer"] = new(Access.AdminOrDistrict, "/entry/2023-Q4/import?unit=ba-che"),
        ["EntryWorkbook.ImportCommune"] = new(Access.Editors, "/communes/nam-son/entry/2023-Q4/import"),
        ["EntryWorkbook.ImportDistrict"] = new(Access.Editors, "/districts/ba-che/entry/2023-Q4/import"),
        ["EntryWorkbook.ImportReviewer"] = new(Access.AdminOrDistrict, "/entry/2023-Q4/import?unit=ba-che"),
        ["EntryWorkbook.Apply"] = new(Access.Editors, "/entry/2023-Q4/import/apply"),
        ["PovertyEntry.Show"] = new(Access.Readers, "/districts/ba-che/poverty/2023-Q3"),
        ["PovertyEntry.Save"] = new(Access.Editors, "/districts/ba-che/poverty/2023-Q3"),
        ["Planning.Targets"] = new(Access.Readers, "/districts/ba-che/targets/2023"),
        ["Planning.SaveTargets"] = new(Access.Editors, "/districts/ba-che/targets/2023"),
        ["Planning.Capital"] = new(Access.Readers, "/districts/ba-che/capital/2023-Q3"),
        ["Planning.AddCapital"] = new(Access.Editors, "/districts/ba-che/capital/2023-Q3"),
        ["Planning.EditCapital"] = new(Access.Editors, "/districts/ba-che/capital/2023-Q3/1"),
        ["Planning.DeleteCapital"] = new(Access.Editors, "/districts/ba-che/capital/2023-Q3/1/delete"),
        ["Inbox.Index"] = new(Access.Readers, "/inbox"),
        ["Overview.Index"] = new(Access.Readers, "/overview"),
        ["Audit.Index"] = new(Access.AdminOrDistrict, "/audit"),
        ["Audit.Value"] = new(Access.Readers, "/audit/value?unit={namson}&indicator={indicator}&period=1"),
        ["AdminPeriods.Index"] = new(Access.AdminOnly, "/admin/periods"),
        ["AdminPeriods.Create"] = new(Access.AdminOnly, "/admin/periods"),
        ["AdminPeriods.Lock"] = new(Access.AdminOnly, "/admin/periods/2023-Q4/lock"),
        ["AdminPeriods.Unlock"] = new(Access.AdminOnly, "/admin/periods/2023-Q4/unlock"),
        ["AdminPeriods.Deadline"] = new(Access.AdminOnly, "/admin/periods/2023-Q4/deadline"),
        ["AdminCatalogue.New"] = new(Access.AdminOnly, "/admin/criteria-sets/ntm-xa-nang-cao/indicators/new"),
        ["AdminCatalogue.Edit"] = new(Access.AdminOnly, "/admin/indicators/{indicator}/edit"),
        ["AdminCatalogue.Save"] = new(Access.AdminOnly, "/admin/criteria-sets/ntm-xa-nang-cao/indicators"),
        ["CriteriaSetTables.Export"] = new(Access.Readers, "/criteria-sets/ntm-xa/export.xlsx"),
        ["CriteriaSetTables.ExportCsv"] = new(Access.Readers, "/criteria-sets/ntm-xa/export.csv"),
        ["CriteriaSetTables.Template"] = new(Access.Readers, "/criteria-sets/ntm-xa/template.xlsx"),
        ["AdminCatalogueImport.Upload"] = new(Access.AdminOnly, "/admin/criteria-sets/ntm-xa/import"),
        ["AdminCatalogueImport.Preview"] = new(Access.AdminOnly, "/admin/criteria-sets/ntm-xa/import"),
        ["AdminCatalogueImport.Apply"] = new(Access.AdminOnly, "/admin/criteria-sets/ntm-xa/import/apply"),
        ["AdminReorganisations.Index"] = new(Access.AdminOnly, "/admin/reorganisations"),
        ["AdminReorganisations.Create"] = new(Access.AdminOnly, "/admin/reorganisations"),
        ["Reports.SummaryDocument"] = new(Access.Readers, "/reports/summary.docx?unit=ba-che&period=2023-Q3"),
        ["ReportSettings.Show"] = new(Access.Readers, "/units/ba-che/report-settings"),
        ["ReportSettings.Save"] = new(Access.Editors, "/units/ba-che/report-settings"),
        ["Dashboard.Index"] = new(Access.Readers, "/dashboard?unit=ba-che&period=2023-Q3"),
        ["Dashboard.Export"] = new(Access.Readers, "/dashboard/export?unit=ba-che&period=2023-Q3"),
        ["Reports.Summary"] = new(Access.Readers, "/reports/summary?unit=ba-che&period=2023-Q3"),
        ["TrustReports.Completeness"] = new(Access.Readers, "/reports/completeness?unit=ba-che&period=2023-Q3"),
        ["TrustReports.Validation"] = new(Access.Readers, "/reports/validation?unit=ba-che&period=2023-Q3"),
        ["TrustReports.CompletenessXlsx"] = new(Access.Readers, "/reports/completeness.xlsx?unit=ba-che&period=2023-Q3"),
        ["TrustReports.ValidationXlsx"] = new(Access.Readers, "/reports/validation.xlsx?unit=ba-che&period=2023-Q3"),
        ["AdminRules.Index"] = new(Access.AdminOnly, "/admin/criteria-sets/ntm-xa-nang-cao/rules"),
        ["AdminRules.New"] = new(Access.AdminOnly, "/admin/criteria-sets/ntm-xa-nang-cao/rules/new"),
        ["AdminRules.Edit"] = new(Access.AdminOnly, "/admin/criteria-sets/ntm-xa-nang-cao/rules/khong-co/edit"),
        ["AdminRules.Save"] = new(Access.AdminOnly, "/admin/criteria-sets/ntm-xa-nang-cao/rules"),
        ["FollowUps.Commune"] = new(Access.Editors, "/communes/nam-son/entry/2023-Q4/follow-up"),
        ["FollowUps.District"] = new(Access.Editors, "/districts/ba-che/entry/2023-Q4/follow-up"),
        ["UnitExports.Commune"] = new(Access.Readers, "/communes/nam-son/export?period=2023-Q3"),
        ["UnitExports.District"] = new(Access.Readers, "/districts/ba-che/export?period=2023-Q3"),
        ["AdminUsers.Index"] = new(Access.Administrators, "/admin/users"),
        ["AdminUsers.Create"] = new(Access.Administrators, "/admin/users/new"),
        ["AdminUsers.Edit"] = new(Access.Administrators, "/admin/users/{user}"),
        ["AdminUsers.ResetPassword"] = new(Access.Administrators, "/admin/users/{user}/password"),
        ["AdminUsers.Disable"] = new(Access.Administrators, "/admin/users/{user}/disable"),
        ["AdminUsers.Enable"] = new(Access.Administrators, "/admin/users/{user}/enable"),
        ["AdminUserImport.Upload"] = new(Access.Administrators, "/admin/users/import"),
        ["AdminUserImport.Template"] = new(Access.Administrators, "/admin/users/import/template.xlsx"),
        ["AdminUserImport.Preview"] = new(Access.Administrators, "/admin/users/import"),
        ["AdminUserImport.Apply"] = new(Access.Administrators, "/admin/users/import/apply"),
        ["AdminClassificationImport.Upload"] = new(Access.Administrators, "/admin/unit-classifications/import"),
        ["AdminClassificationImport.Template"] = new(Access.Administrators, "/admin/unit-classifications/import/template.xlsx"),
        ["AdminClassificationImport.Preview"] = new(Access.Administrators, "/admin/unit-classifications/import"),
        ["AdminClassificationImport.Apply"] = new(Access.Administrators, "/admin/unit-classifications/import/apply"),
        ["AdminUsers.ResetTwoFactor"] = new(Access.Administrators, "/admin/users/{user}/two-factor/reset"),
    };

    /// <summary>One demo account per role; null is the anonymous visitor.</summary>
    private static readonly (string? User, string? Role)[] Callers =
    [
        (null, null),
        ("admin", Roles.Admin),
        ("huyen", Roles.DistrictStaff),
        ("lanhdao", Roles.Leader),
        ("xa.namson", Roles.CommuneOfficer),
        ("tinh", Roles.DistrictStaff),
        ("lanhdao.tinh", Roles.Leader),
        ("xa.bache", Roles.CommuneOfficer),
        ("quantri.qn", Roles.ProvinceAdmin),
    ];

    private const string TargetUser = "matrix.target";

    /// <summary>The GETs whose allowed, signed-in callers get another status than 200, each decided; every other GET answers 200.</summary>
    private static readonly Dictionary<string, int> AllowedStatus = new()
    {
        ["Account.Login"] = 302, // already signed in: sent on
        ["Account.LoginTwoFactor"] = 302, // no sign-in under way: sent on
        ["Errors.Show"] = 404, // the 404 page itself
        ["Home.Index"] = 302, // the start page sends each role to its own page
        ["Language.Set"] = 302, // back to returnUrl
        ["Units.ByCode"] = 302, // a statistics code sends on to the unit's page
        ["AdminRules.Edit"] = 404, // the seed gives the set no rule of its own: a code the set does not have is not found
    };

    [Fact]
    public void Every_controller_action_has_a_decided_entry_in_the_access_table_and_no_entry_is_stale()
    {
        var keys = Actions().Select(a => a.Key).Distinct().ToList();

        keys.Where(k => !Table.ContainsKey(k)).Should().BeEmpty("every action needs a decided entry in the access table");
        Table.Keys.Where(k => !keys.Contains(k)).Should().BeEmpty("the table lists only actions that exist");
        Actions().Should().HaveCountGreaterThanOrEqualTo(54);
    }

    [Fact]
    public async Task Every_GET_action_answers_each_role_and_the_anonymous_visitor_as_the_table_says()
    {
        var urls = await PlaceholdersAsync();
        var failures = new List<string>();
        var calls = 0;
        foreach (var action in Actions().Where(a => a.Methods.Contains("GET")))
        {
            var rule = Table[action.Key];
            var url = Resolve(rule.Url, urls);
            foreach (var (user, role) in Callers)
            {
                var client = user is null ? fixture.Factory.AnonymousClient() : await fixture.ClientAsync(user);
                var response = await client.GetAsync(url);
                calls++;
                var problem = Check(rule.Access, role, response);
                if (problem is not null)
                {
                    failures.Add($"GET {url} ({action.Key}) as {user ?? "anonymous"}: {problem}");
                }
                else if (user is not null && (rule.Access == Access.Anonymous || Allowed(rule.Access, role!))
                    && (int)response.StatusCode != AllowedStatus.GetValueOrDefault(action.Key, 200))
                {
                    failures.Add($"GET {url} ({action.Key}) as {user}: allowed, expected {AllowedStatus.GetValueOrDefault(action.Key, 200)}, got {(int)response.StatusCode}");
                }
            }
        }

        // A signed-in caller the table allows gets exactly the status of AllowedStatus (200 unless listed): a 404 or a 400 is
        // a failure, not "allowed".
        string.Join("\n", failures).Should().BeEmpty();
        calls.Should().BeGreaterThanOrEqualTo(17 * Callers.Length);
    }

    [Fact]
    public async Task Every_unsafe_action_redirects_anonymous_visitors_and_refuses_roles_it_does_not_allow()
    {
        var urls = await PlaceholdersAsync();
        var failures = new List<string>();
        var calls = 0;
        foreach (var action in Actions().Where(a => a.Methods.Contains("POST")))
        {
            var rule = Table[action.Key];
            var url = Resolve(rule.Url, urls);
            foreach (var (user, role) in Callers)
            {
                // Allowed callers would change data here; their POSTs are covered by the feature tests.
                if (rule.Access == Access.Anonymous || (role is not null && Allowed(rule.Access, role)))
                {
                    continue;
                }

                var client = user is null ? fixture.Factory.AnonymousClient() : await fixture.ClientAsync(user);
                var token = user is null ? null : await client.AntiforgeryTokenAsync("/account/password");
                var response = await client.PostFormAsync(url, new Dictionary<string, string> { ["Role"] = Roles.Admin }, token);
                calls++;
                var problem = Check(rule.Access, role, response);
                if (problem is not null)
                {
                    failures.Add($"POST {url} ({action.Key}) as {user ?? "anonymous"}: {problem}");
                }
            }
        }

        failures.Should().BeEmpty();
        calls.Should().BeGreaterThan(20);
        (await fixture.Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == TargetUser).Select(u => u.IsDisabled).SingleAsync()))
            .Should().BeFalse("no refused POST changed the target account");
    }

    private static string? Check(Access access, string? role, HttpResponseMessage response)
    {
        var status = response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        if (role is null && access != Access.Anonymous)
        {
            return status == HttpStatusCode.Redirect && location.Contains("/account/login", StringComparison.Ordinal)
                ? null
                : $"expected 302 to /account/login, got {(int)status} {location}";
        }

        if (access == Access.Anonymous || Allowed(access, role!))
        {
            if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)status >= 500)
            {
                return $"allowed, but got {(int)status}";
            }

            return status == HttpStatusCode.Redirect && location.Contains("/account/login", StringComparison.Ordinal) && access != Access.Anonymous
                ? $"allowed, but sent to sign in ({location})"
                : null;
        }

        return status == HttpStatusCode.Forbidden ? null : $"expected 403, got {(int)status} {location}";
    }

    private static bool Allowed(Access access, string role) => access switch
    {
        Access.Anonymous or Access.SignedIn or Access.Readers => true,
        Access.Editors => role is Roles.Admin or Roles.DistrictStaff or Roles.CommuneOfficer,
        Access.AdminOrDistrict => role is Roles.Admin or Roles.DistrictStaff,
        Access.Administrators => role is Roles.Admin or Roles.ProvinceAdmin,
        _ => role == Roles.Admin,
    };

    private sealed record ActionEntry(string Key, IReadOnlyList<string> Methods);

    /// <summary>The actions as the app routes them: from the endpoint data source, not from a list kept by hand.</summary>
    private List<ActionEntry> Actions() =>
        fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (Endpoint: e, Descriptor: e.Metadata.GetMetadata<ControllerActionDescriptor>()))
            // The JSON API (bearer tokens, no cookies) has its own matrix: ApiAuthorizationMatrixTests.
            .Where(x => x.Descriptor is not null && !x.Descriptor.ControllerTypeInfo.Namespace!.EndsWith(".Api", StringComparison.Ordinal))
            .Select(x => new ActionEntry(
                $"{x.Descriptor!.ControllerName}.{x.Descriptor.ActionName}",
                x.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToList() is { Count: > 0 } methods ? methods : ["GET"]))
            .ToList();

    private async Task<Dictionary<string, string>> PlaceholdersAsync()
    {
        var indicator = await fixture.Factory.WithDbAsync(db => db.Indicators.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync());
        var user = await fixture.Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == TargetUser).Select(u => u.Id).FirstOrDefaultAsync());
        if (user is null)
        {
            var thanhSon = await fixture.Factory.WithDbAsync(db => db.Units.Where(u => u.Slug == "thanh-son").Select(u => u.Id).SingleAsync());
            var created = await fixture.Factory.WithServiceAsync<UserAdministration, IdentityResult>(a =>
                a.CreateAsync(TargetUser, "matrix-target-password", new AccountSettings(null, Roles.CommuneOfficer, [thanhSon])));
            created.Succeeded.Should().BeTrue();
            user = await fixture.Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == TargetUser).Select(u => u.Id).SingleAsync());
        }

        var namSon = await fixture.Factory.WithDbAsync(db => db.Units.Where(u => u.Slug == "nam-son").Select(u => u.Id).SingleAsync());
        return new()
        {
            ["{indicator}"] = indicator.ToString(System.Globalization.CultureInfo.InvariantCulture), ["{user}"] = user,
            ["{namson}"] = namSon.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static string Resolve(string url, Dictionary<string, string> values) =>
        values.Aggregate(url, (u, kv) => u.Replace(kv.Key, kv.Value, StringComparison.Ordinal));
}
