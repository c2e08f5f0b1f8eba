using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ProgramTracker.Tests.Integration.Api;

/// <summary>
/// The API's contract: the document the portal serves is the committed docs/openapi/v1.json (from which the tests' client
/// is generated at build time), every operation is described, and it passes Redocly's recommended rules.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ApiContractTests(ApiFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>Set to 1 to write the served document over the committed one (then review the diff and commit it).</summary>
    public const string UpdateVariable = "PROGRAMTRACKER_UPDATE_OPENAPI";

    public const string RedoclyPackage = "@redocly/cli@2.77.0";

    private static readonly string ContractPath = Path.Combine(RepoPaths.Root, "docs", "openapi", "v1.json");

    [Fact]
    public async Task The_served_document_is_the_committed_contract_that_the_client_is_generated_from()
    {
        using var anonymous = fixture.Client(null);
        var served = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        var text = served.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n";
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(ContractPath, text);
        }

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(ContractPath))!;
        JsonNode.DeepEquals(served, committed).Should().BeTrue(
            $"the portal serves the committed contract; after a deliberate API change run `{UpdateVariable}=1 ./test.sh --filter FullyQualifiedName~ApiContractTests`, review and commit docs/openapi/v1.json");
    }

    [Fact]
    public async Task Every_operation_has_an_id_a_summary_a_scope_a_success_schema_and_problem_details_for_its_errors()
    {
        using var anonymous = fixture.Client(null);
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        var operations = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => (Path: p.Key, Method: m.Key, Operation: m.Value!))).ToList();

        operations.Should().HaveCount(23); // 19, issue 25's two reports and a quarter's warnings, issue 26's combined attainment of a window
        operations.Select(o => o.Operation["operationId"]?.GetValue<string>()).Should().OnlyHaveUniqueItems().And.NotContainNulls()
            .And.Contain(["listUnits", "getForm", "putFormValues", "postWorkflowStep", "listValues"]);
        foreach (var (path, method, operation) in operations)
        {
            var name = $"{method} {path}";
            operation["summary"].Should().NotBeNull(name);
            operation["description"].Should().NotBeNull(name);
            var scopes = operation["security"]![0]!["bearer"]!.AsArray().Select(s => s!.GetValue<string>());
            scopes.Should().Equal([method == "get" ? "read" : "write"], name);
            var responses = operation["responses"]!.AsObject();
            var success = responses["200"]!["content"]!.AsObject();
            success.Select(c => c.Value!["schema"]).Should().NotContainNulls(name);
            responses.Select(r => r.Key).Should().Contain(["401", "403", "429"], name);
            foreach (var error in responses.Where(r => r.Key.StartsWith('4')))
            {
                error.Value!["content"]!.AsObject().Select(c => c.Key).Should().Equal(["application/problem+json"], $"{name} {error.Key}");
            }

            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                parameter!["description"].Should().NotBeNull($"{name} {parameter["name"]}");
                parameter["example"].Should().NotBeNull($"{name} {parameter["name"]}");
            }
        }

        var lists = operations.Where(o => o.Operation["operationId"]!.GetValue<string>().StartsWith("list", StringComparison.Ordinal)).ToList();
        lists.Should().HaveCount(13); // with issue 26's listCombinedAttainment
        foreach (var (_, _, operation) in lists)
        {
            var reference = operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
            var schema = document["components"]!["schemas"]![reference.Split('/')[^1]]!;
            schema["properties"]!.AsObject().Select(p => p.Key).Should().Equal("items", "next");
        }

        var put = document["paths"]!["/api/v1/values/{unit}/{set}/{period}"]!["put"]!["responses"]!;
        put["409"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>().Should().EndWith("/ConflictProblem");
        put["422"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>().Should().EndWith("/InvalidValuesProblem");
        var conflict = document["components"]!["schemas"]!["ConflictProblem"]!["properties"]!.AsObject().Select(p => p.Key);
        conflict.Should().Contain(["conflicts", "current", "title", "detail", "status"]);
        document["components"]!["schemas"]!["InvalidValuesProblem"]!["properties"]!.AsObject().Select(p => p.Key).Should().Contain("errors");
        put["409"]!["content"]!["application/problem+json"]!["examples"]!["nam-son"]!["value"]!["conflicts"]![0]!["currentVersion"]!.GetValue<int>()
            .Should().Be(1, "the example is a conflict the seeded portal answered");
    }

    /// <summary>Redocly's recommended rules on the committed document: no error, no warning (exceptions in docs/openapi/.redocly.lint-ignore.yaml).</summary>
    [Fact]
    public async Task The_contract_passes_Redocly_recommended_rules_without_a_warning()
    {
        if (!CommandExists("npx"))
        {
            // test.sh installs Node.js where it is missing; a machine without it (an IDE's runner) cannot lint.
            output.WriteLine("npx is not on PATH: Redocly's lint was not run (./test.sh installs Node.js).");
            return;
        }

        var start = new ProcessStartInfo("npx", ["--yes", RedoclyPackage, "lint", "v1.json", "--format=stylish"])
        {
            WorkingDirectory = Path.GetDirectoryName(ContractPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NO_COLOR"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await stdout + await stderr;
        output.WriteLine($"{RedoclyPackage} lint in {watch.Elapsed.TotalSeconds:0.0} s:\n{text}");

        process.ExitCode.Should().Be(0, text);
        // "You have N warnings." closes a run with warnings; stylish lines read "LINE:COL  warning  RULE  MESSAGE".
        text.Should().Contain("Your API description is valid").And.NotContain("You have").And.NotMatchRegex(@"\d+:\d+\s+(warning|error)\s");
    }

    private static bool CommandExists(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, name)));
}
