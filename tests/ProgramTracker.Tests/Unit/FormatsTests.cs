using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;
using ProgramTracker.Core.Poverty;

namespace ProgramTracker.Tests.Unit;

public class FormatsTests
{
    [Theory]
    [InlineData(14.5, "14,5")]
    [InlineData(65.5, "65,5")]
    [InlineData(72, "72")]
    [InlineData(1500000, "1.500.000")]
    [InlineData(0.46, "0,46")]
    public void Numbers_use_a_decimal_comma_and_dot_grouping(double value, string expected) =>
        Formats.Vietnamese.Number((decimal)value).Should().Be(expected);

    [Fact]
    public void Percent_has_a_space_before_the_sign() => Formats.Vietnamese.Percent(0.46m).Should().Be("0,46 %");

    [Theory]
    [InlineData(119000000000, "119 tỷ đồng")]
    [InlineData(55000000000, "55 tỷ đồng")]
    [InlineData(850000000, "850 triệu đồng")]
    public void Money_reads_as_officials_write_it(double vnd, string expected) => Formats.Vietnamese.Money((decimal)vnd).Should().Be(expected);

    [Theory]
    [InlineData("triệu đồng/người/năm", false, "46,2 triệu đồng/người/năm")]
    [InlineData("triệu đồng/người/năm", true, "46.2 million VND/person/year")]
    [InlineData(null, false, "46,2 đồng")]
    [InlineData("đồng", true, "46.2 VND")]
    public void A_money_value_is_shown_in_its_indicators_unit(string? unit, bool english, string expected)
    {
        // Issue 32.3: 46,2 entered in "triệu đồng/người/năm" read as "46,2 đồng", a million times too small.
        (english ? Formats.English : Formats.Vietnamese).Value(46.2m, ValueKind.Money, unit).Should().Be(expected);
    }

    [Fact]
    public void Qualifiers_stay_on_their_values()
    {
        Formats.Vietnamese.Qualified("68", ValueQualifier.Estimate).Should().Be("ước 68");
        Formats.Vietnamese.Qualified("119 tỷ đồng", ValueQualifier.MoreThan, money: true).Should().Be("hơn 119 tỷ đồng");
        Formats.Vietnamese.Qualified("99 %", ValueQualifier.MoreThan).Should().Be("trên 99 %");
    }

    [Theory]
    [InlineData("14,5", 14.5)]
    [InlineData("1,250", 1.25)]
    [InlineData("1.250,5", 1250.5)]
    [InlineData("12.000.000", 12000000)]
    [InlineData("−2,87", -2.87)]
    [InlineData("0,46 %", 0.46)]
    [InlineData("1.500.000", 1500000)]
    [InlineData("1 500 000", 1500000)]
    [InlineData("1.500,25", 1500.25)]
    [InlineData("-2,87", -2.87)]
    public void Typed_numbers_parse_with_a_decimal_comma_and_dots_grouping_thousands(string input, double expected)
    {
        Formats.Vietnamese.TryParseNumber(input, out var value).Should().BeTrue();
        value.Should().Be((decimal)expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,2,3")]
    [InlineData("12a")]
    [InlineData("14.5")]
    [InlineData("68.125")]
    [InlineData("1.250")]
    [InlineData("0.125")]
    [InlineData("1,234.5")]
    [InlineData("1.25.000")]
    [InlineData("01.250.000")]
    [InlineData("1.2500,5")]
    [InlineData("14,")]
    public void Garbage_and_ambiguous_numbers_do_not_parse(string input) => Formats.Vietnamese.TryParseNumber(input, out _).Should().BeFalse();

    [Theory]
    [InlineData("68.125", "Số “68.125” không rõ: nếu là 68 phẩy 125 hãy viết 68,125; nếu là 68 nghìn 125 hãy viết 68125.")]
    [InlineData("14.5", "Dấu chấm (.) chỉ dùng để tách hàng nghìn; phần thập phân viết sau dấu phẩy: hãy viết 14,5.")]
    [InlineData("0.125", "Dấu chấm (.) chỉ dùng để tách hàng nghìn; phần thập phân viết sau dấu phẩy: hãy viết 0,125.")]
    [InlineData("1,234.5", "Số “1,234.5” viết theo kiểu tiếng Anh. Ở đây dấu phẩy (,) ngăn phần thập phân và dấu chấm (.) tách hàng nghìn: hãy viết 1.234,5 hoặc 1234,5.")]
    [InlineData("1.25.000", "Số “1.25.000” tách hàng nghìn chưa đúng: mỗi nhóm sau dấu chấm có đúng 3 chữ số, ví dụ 1.250.000 hoặc 1250000.")]
    public void Refused_numbers_say_how_to_write_them(string input, string message)
    {
        var reading = Formats.Vietnamese.ReadNumber(input);
        reading.Ok.Should().BeFalse();
        reading.Error.Should().Be(message);
    }

    [Fact]
    public void Poverty_rates_come_from_counts_when_counts_exist()
    {
        var fromCounts = PovertyRates.Of(households: 2000, poor: 9, nearPoor: 43, reportedPoor: 0.46m, reportedNearPoor: 2.17m);
        fromCounts.Should().Be((0.45m, 2.15m, true));

        var reported = PovertyRates.Of(null, null, null, 0.46m, 2.17m);
        reported.Should().Be((0.46m, 2.17m, false));
    }

    [Theory]
    [InlineData("2023-Q3", 2023, 3)]
    [InlineData("2023", 2023, null)]
    public void Period_codes_parse(string code, int year, int? quarter)
    {
        PeriodCode.TryParse(code, out var y, out var q).Should().BeTrue();
        (y, q).Should().Be((year, quarter));
    }

    [Theory]
    [InlineData("2023-Q5")]
    [InlineData("23-Q1")]
    [InlineData("2023Q1")]
    [InlineData("Q1-2023")]
    public void Bad_period_codes_are_refused(string code) => PeriodCode.TryParse(code, out _, out _).Should().BeFalse();

    // English (en-US): the same facts, the other marks; the same refusal of ambiguous input (ADR 0005).

    [Theory]
    [InlineData(14.5, "14.5")]
    [InlineData(1500000, "1,500,000")]
    [InlineData(0.46, "0.46")]
    public void English_numbers_use_a_decimal_point_and_comma_grouping(double value, string expected) =>
        Formats.English.Number((decimal)value).Should().Be(expected);

    [Fact]
    public void Dates_follow_the_culture()
    {
        Formats.Vietnamese.Date(new DateOnly(2023, 8, 25)).Should().Be("25/08/2023");
        Formats.English.Date(new DateOnly(2023, 8, 25)).Should().Be("25 Aug 2023");
    }

    [Fact]
    public void Amounts_periods_and_unit_names_follow_the_culture()
    {
        Formats.English.Money(119_000_000_000m).Should().Be("119 billion VND");
        Formats.English.Money(850_000_000m).Should().Be("850 million VND");
        Formats.Vietnamese.Period(2023, 3).Should().Be("Quý III/2023");
        Formats.English.Period(2023, 3).Should().Be("Q3 2023");
        Formats.Vietnamese.UnitName(UnitKind.Commune, "Nam Sơn").Should().Be("xã Nam Sơn");
        Formats.English.UnitName(UnitKind.Commune, "Nam Sơn").Should().Be("Nam Sơn commune");
        Formats.English.Qualified("68", ValueQualifier.Estimate).Should().Be("est. 68");
    }

    [Theory]
    [InlineData("14.5", 14.5)]
    [InlineData("1,250.5", 1250.5)]
    [InlineData("12,000,000", 12000000)]
    [InlineData("1 500 000", 1500000)]
    [InlineData("0.46 %", 0.46)]
    [InlineData("−2.87", -2.87)]
    [InlineData("1.250", 1.25)]
    public void English_typed_numbers_parse_with_a_decimal_point_and_commas_grouping_thousands(string input, double expected)
    {
        Formats.English.TryParseNumber(input, out var value).Should().BeTrue();
        value.Should().Be((decimal)expected);
    }

    [Theory]
    [InlineData("14,5")]
    [InlineData("68,125")]
    [InlineData("1,250")]
    [InlineData("1.234,5")]
    [InlineData("1,25,000")]
    [InlineData("1.2.3")]
    [InlineData("14.")]
    public void English_garbage_and_ambiguous_numbers_do_not_parse(string input) => Formats.English.TryParseNumber(input, out _).Should().BeFalse();

    [Theory]
    [InlineData("68,125", "The number “68,125” is unclear: for 68 point 125 write 68.125; for 68 thousand 125 write 68125.")]
    [InlineData("14,5", "A comma (,) only separates thousands; decimals come after a point: write 14.5.")]
    [InlineData("1.234,5", "The number “1.234,5” is written the Vietnamese way. In English a point (.) marks decimals and a comma (,) separates thousands: write 1,234.5 or 1234.5.")]
    public void English_refusals_say_how_to_write_them(string input, string message)
    {
        var reading = Formats.English.ReadNumber(input);
        reading.Ok.Should().BeFalse();
        reading.Error.Should().Be(message);
    }

    [Fact]
    public void The_same_typed_text_is_never_read_as_two_different_numbers()
    {
        // Whatever one culture reads, the other reads the same or refuses: a switch of language never changes a stored value unseen.
        foreach (var input in new[] { "14,5", "14.5", "1.250", "1,250", "1.250,5", "1,250.5", "1.250.000", "1,250,000", "68.125", "68,125", "72" })
        {
            var vi = Formats.Vietnamese.ReadNumber(input);
            var en = Formats.English.ReadNumber(input);
            if (vi.Ok && en.Ok)
            {
                vi.Value.Should().Be(en.Value, input);
            }
        }
    }
}
