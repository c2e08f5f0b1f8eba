using ProgramTracker.Core.Validation;

namespace ProgramTracker.Tests.Unit;

/// <summary>The small expression language of rules between indicators (issue 25): syntax, positions of errors, evaluation.</summary>
public class RuleExpressionTests
{
    private static readonly HashSet<string> Codes = ["ho-ngheo", "ho-can-ngheo", "tong-ho", "ty-le", "ntm-xa.3.1"];

    private static readonly Dictionary<string, decimal?> Values = new()
    {
        ["ho-ngheo"] = 30, ["ho-can-ngheo"] = 50, ["tong-ho"] = 1000, ["ty-le"] = 3.04m, ["ntm-xa.3.1"] = null,
    };

    private static RuleExpression Parse(string text)
    {
        var (expression, error) = RuleExpression.Parse(text, Codes.Contains);
        error.Should().BeNull(text);
        return expression!;
    }

    private static bool? Holds(string text) => Parse(text).Holds(c => Values[c]);

    [Theory]
    [InlineData("ho-ngheo <= tong-ho", true)]
    [InlineData("ho-ngheo + ho-can-ngheo ≤ tong-ho", true)]
    [InlineData("ho-ngheo + ho-can-ngheo > tong-ho", false)]
    [InlineData("ho-ngheo * 40 >= tong-ho", true)]
    [InlineData("ho-ngheo * 30 > tong-ho", false)]
    [InlineData("ho-ngheo < ho-can-ngheo - 20", false)]
    [InlineData("ho-ngheo < ho-can-ngheo - 19", true)]
    [InlineData("ty-le = ho-ngheo / tong-ho * 100 within 0.01", false)]
    [InlineData("ty-le = ho-ngheo / tong-ho * 100 within 0.05", true)]
    [InlineData("ty-le = 3.04", true)]
    [InlineData("(ho-ngheo + ho-can-ngheo) * 2 = 160", true)]
    [InlineData("ho-ngheo + ho-can-ngheo * 2 = 130", true)]
    [InlineData("-ho-ngheo + 30 = 0", true)]
    [InlineData("100 - ho-ngheo / 10 = 97", true)]
    public void Evaluates_with_precedence_parentheses_and_tolerance(string text, bool expected) => Holds(text).Should().Be(expected);

    [Theory]
    [InlineData("ntm-xa.3.1 <= 100")]
    [InlineData("ho-ngheo / (tong-ho - 1000) = 1")]
    public void A_missing_value_or_a_division_by_zero_is_neither_met_nor_broken(string text) => Holds(text).Should().BeNull();

    [Fact]
    public void Lists_each_code_once_in_order()
    {
        Parse("ho-ngheo + ho-can-ngheo + ho-ngheo <= tong-ho").Codes.Should().Equal("ho-ngheo", "ho-can-ngheo", "tong-ho");
        Parse("ntm-xa.3.1 >= 0").Codes.Should().Equal("ntm-xa.3.1");
    }

    [Theory]
    [InlineData("ho-ngheo <= tong-hoo", 12, ExpressionFault.UnknownCode)]
    [InlineData("ho-nghe <= tong-ho", 0, ExpressionFault.UnknownCode)]
    [InlineData("ho-ngheo tong-ho", 9, ExpressionFault.Syntax)]
    [InlineData("ho-ngheo <= ", 12, ExpressionFault.Syntax)]
    [InlineData("(ho-ngheo <= tong-ho", 10, ExpressionFault.Syntax)]
    [InlineData("ho-ngheo <= tong-ho)", 19, ExpressionFault.Syntax)]
    [InlineData("ho-ngheo <= tong-ho within 2", 20, ExpressionFault.Syntax)]
    [InlineData("ty-le = tong-ho within", 22, ExpressionFault.Syntax)]
    [InlineData("ho-ngheo ≤ 1.2.3", 11, ExpressionFault.Syntax)]
    [InlineData("ho-ngheo <= tong-ho # x", 20, ExpressionFault.Syntax)]
    [InlineData("", 0, ExpressionFault.Syntax)]
    public void Bad_syntax_or_an_unknown_code_is_refused_with_its_position(string text, int position, ExpressionFault fault)
    {
        var (expression, error) = RuleExpression.Parse(text, Codes.Contains);

        expression.Should().BeNull();
        error.Should().NotBeNull();
        error!.Fault.Should().Be(fault, error.Detail);
        error.Position.Should().Be(position, error.Detail);
    }

    [Fact]
    public void The_comparators_read_as_written()
    {
        Parse("ho-ngheo <= tong-ho").Comparator.Should().Be(RuleComparator.AtMost);
        Parse("ho-ngheo < tong-ho").Comparator.Should().Be(RuleComparator.Less);
        Parse("ho-ngheo >= tong-ho").Comparator.Should().Be(RuleComparator.AtLeast);
        Parse("ho-ngheo ≥ tong-ho").Comparator.Should().Be(RuleComparator.AtLeast);
        Parse("ho-ngheo > tong-ho").Comparator.Should().Be(RuleComparator.Greater);
        Parse("ho-ngheo = tong-ho").Comparator.Should().Be(RuleComparator.Equal);
        var within = Parse("ho-ngheo = tong-ho WITHIN 0.5");
        within.Comparator.Should().Be(RuleComparator.Within);
        within.Tolerance.Should().Be(0.5m);
    }
}
