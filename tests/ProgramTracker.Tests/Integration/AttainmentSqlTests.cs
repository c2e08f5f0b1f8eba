using System.Globalization;
using Npgsql;
using ProgramTracker.Core.Attainment;
using ProgramTracker.Core.Domain;

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
        var fromSql = await MetBySqlAsync(cases.Select(c => ((int)c.Kind, (int)c.Comparator, c.Threshold, c.Value)));

        var fromCSharp = cases.Select(c => AttainmentRules.Evaluate(c.Kind, c.Comparator, c.Threshold, c.Value) == IndicatorStatus.Met).ToList();
        cases.Count.Should().Be(Enum.GetValues<ValueKind>().Length * Enum.GetValues<Comparator>().Length * Thresholds.Length * Values.Length);
        fromSql.Should().HaveCount(cases.Count);
        var differences = cases.Where((c, i) => fromSql[i] != fromCSharp[i]).ToList();
        differences.Should().BeEmpty("the SQL of the bulk rebuild must judge as AttainmentRules does");
        fromCSharp.Should().Contain(true).And.Contain(false, "the grid covers met and not met");
    }

    /// <summary>
    /// The rule as a literal truth table, written by hand from the domain (domain.md: "đạt" is value ≥, ≤ or = the threshold;
    /// a đạt/không đạt indicator is met when its value is 1; no value or no threshold is never met). Kinds and comparators are the
    /// numbers stored in the database (ValueKind: 1 yes/no, 2 number, 3 percent, 4 money, 5 count; Comparator: 1 at least,
    /// 2 at most, 3 equal), so a wrong operator mapping or a renumbered enum fails here, whatever Holds says.
    /// </summary>
    private static readonly (int Kind, int Comparator, decimal? Threshold, decimal? Value, bool Met)[] TruthTable =
    [
        // at least (≥)
        (2, 1, 2.5m, 2.4999m, false), (2, 1, 2.5m, 2.5m, true), (2, 1, 2.5m, 2.5001m, true), (2, 1, 0m, -1m, false), (2, 1, 0m, 0m, true),
        (3, 1, 100m, 99m, false), (3, 1, 100m, 100m, true), (4, 1, 1m, 3m, true), (5, 1, 3m, 2m, false),
        // at most (≤)
        (2, 2, 2.5m, 2.4999m, true), (2, 2, 2.5m, 2.5m, true), (2, 2, 2.5m, 2.5001m, false), (2, 2, 0m, -1m, true), (3, 2, 1m, 100m, false),
        (4, 2, 3m, 0.0001m, true), (5, 2, 0m, 1m, false),
        // equal (=)
        (2, 3, 2.5m, 2.5m, true), (2, 3, 2.5m, 2.4999m, false), (2, 3, 2.5m, 2.5001m, false), (5, 3, 0m, 0m, true), (3, 3, 100m, 100m, true),
        // yes/no: 1 is met whatever the comparator and threshold (even none); anything else is not
        (1, 1, null, 1m, true), (1, 2, 0m, 1m, true), (1, 3, 3m, 1m, true), (1, 1, 1m, 0m, false), (1, 2, 3m, 2m, false), (1, 1, 0m, 100m, false),
        // no value, or no threshold for a measured kind: never met
        (2, 1, 1m, null, false), (1, 1, null, null, false), (2, 1, null, 3m, false), (2, 2, null, -1m, false), (3, 3, null, 0m, false),
    ];

    [Fact]
    public async Task The_generated_sql_and_the_csharp_rule_both_reproduce_the_literal_truth_table()
    {
        var fromSql = await MetBySqlAsync(TruthTable.Select(c => (c.Kind, c.Comparator, c.Threshold, c.Value)));

        fromSql.Should().HaveCount(TruthTable.Length);
        TruthTable.Where((c, i) => fromSql[i] != c.Met).Should().BeEmpty("the SQL of the bulk rebuild must give the literal answers");
        TruthTable.Where(c => (AttainmentRules.Evaluate((ValueKind)c.Kind, (Comparator)c.Comparator, c.Threshold, c.Value) == IndicatorStatus.Met) != c.Met)
            .Should().BeEmpty("the C# rule must give the literal answers");
    }

    [Theory]
    [InlineData(1, 3, 2, true)]
    [InlineData(1, 2, 2, true)]
    [InlineData(1, 1, 2, false)]
    [InlineData(2, 1, 2, true)]
    [InlineData(2, 2, 2, true)]
    [InlineData(2, 3, 2, false)]
    [InlineData(3, 2, 2, true)]
    [InlineData(3, 1, 2, false)]
    [InlineData(3, 3, 2, false)]
    public void Holds_gives_the_literal_answer(int comparator, int value, int threshold, bool expected) =>
        AttainmentRules.Holds((Comparator)comparator, value, threshold).Should().Be(expected);

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

    /// <summary>The rule's SQL (<see cref="AttainmentRules.MetSql"/>) run by PostgreSQL on each case (stored kind and comparator numbers), in order.</summary>
    private static async Task<List<bool>> MetBySqlAsync(IEnumerable<(int Kind, int Comparator, decimal? Threshold, decimal? Value)> cases)
    {
        var rows = string.Join(",\n", cases.Select((c, i) => string.Create(CultureInfo.InvariantCulture,
            $"({i}, {c.Kind}, {c.Comparator}, {Sql(c.Threshold)}::numeric, {Sql(c.Value)}::numeric)")));
        var met = AttainmentRules.MetSql("x.kind", "x.comparator", "x.threshold", "x.value");
        await using var database = await TestDatabase.CreateAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT x.id, {met} FROM (VALUES {rows}) AS x(id, kind, comparator, threshold, value) ORDER BY x.id", connection);
        var fromSql = new List<bool>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            fromSql.Add(reader.GetBoolean(1));
        }

        return fromSql;
    }
}
