using System.Globalization;
using Npgsql;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Domain;
using ProgramTracker.TestSupport;

namespace ProgramTracker.Tests.Integration;

/// <summary>
/// The attainment rule has one definition in C# (<see cref="AttainmentRules.Evaluate(ValueKind, Comparator, decimal?, decimal?)"/>)
/// and is generated into SQL for the bulk rebuild (<see cref="AttainmentRules.MetSql"/>). This property test runs the
/// generated SQL on PostgreSQL over every value kind, comparator, null value, null threshold and a spread of values
/// around the threshold, and holds it to the C# answer row by row.
/// </summary>
public sealed class AttainmentSqlTests
{
    private static readonly decimal?[] Values = [null, -1m, 0m, 0.0001m, 1m, 2.4999m, 2.5m, 2.5001m, 3m, 100m];
    private static readonly decimal?[] Thresholds = [null, 0m, 1m, 2.5m, 3m];

    [Fact]
    public async Task The_generated_sql_judges_every_kind_comparator_and_null_case_as_the_csharp_rule_does()
    {
        var cases = (from kind in Enum.GetValues<ValueKind>()
                     from comparator in Enum.GetValues<Comparator>()
                     from threshold in Thresholds
                     from value in Values
                     select (Kind: kind, Comparator: comparator, Threshold: threshold, Value: value)).ToList();
        var rows = string.Join(",\n", cases.Select((c, i) => string.Create(CultureInfo.InvariantCulture,
            $"({i}, {(int)c.Kind}, {(int)c.Comparator}, {Sql(c.Threshold)}::numeric, {Sql(c.Value)}::numeric)")));
        var met = AttainmentRules.MetSql("x.kind", "x.comparator", "x.threshold", "x.value");

        await using var database = await TestDatabase.CreateAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT x.id, {met} FROM (VALUES {rows}) AS x(id, kind, comparator, threshold, value) ORDER BY x.id", connection);
        var fromSql = new List<bool>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                fromSql.Add(reader.GetBoolean(1));
            }
        }

        var fromCSharp = cases.Select(c => AttainmentRules.Evaluate(c.Kind, c.Comparator, c.Threshold, c.Value) == IndicatorStatus.Met).ToList();
        cases.Count.Should().Be(Enum.GetValues<ValueKind>().Length * Enum.GetValues<Comparator>().Length * Thresholds.Length * Values.Length);
        fromSql.Should().HaveCount(cases.Count);
        var differences = cases.Where((c, i) => fromSql[i] != fromCSharp[i]).ToList();
        differences.Should().BeEmpty("the SQL of the bulk rebuild must judge as AttainmentRules does");
        fromCSharp.Should().Contain(true).And.Contain(false, "the grid covers met and not met");
    }

    [Fact]
    public void The_comparison_is_the_one_the_dashboard_targets_use()
    {
        foreach (var comparator in Enum.GetValues<Comparator>())
        {
            foreach (var value in Values.OfType<decimal>())
            {
                foreach (var threshold in Thresholds.OfType<decimal>())
                {
                    var figure = new ProgramTracker.Web.Models.Dashboard.TargetFigure(1, 1, "x", null, ValueKind.Number, 2026, comparator, threshold, value, ValueQualifier.None, null, null, null, null);
                    figure.Met.Should().Be(AttainmentRules.Evaluate(ValueKind.Number, comparator, threshold, value) == IndicatorStatus.Met);
                }
            }
        }
    }

    private static string Sql(decimal? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "NULL";
}
