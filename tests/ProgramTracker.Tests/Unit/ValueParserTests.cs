using ProgramTracker.Core.Localization;
using ProgramTracker.Core.Entry;
using ValueType = ProgramTracker.Core.Domain.ValueType;

namespace ProgramTracker.Tests.Unit;

public class ValueParserTests
{
    [Theory]
    [InlineData(ValueType.Number, "14,5", 14.5)]
    [InlineData(ValueType.Number, "1.250,5", 1250.5)]
    [InlineData(ValueType.Percent, "0,46", 0.46)]
    [InlineData(ValueType.Percent, "100", 100)]
    [InlineData(ValueType.Count, "7", 7)]
    [InlineData(ValueType.Money, "119.000.000.000", 119000000000)]
    [InlineData(ValueType.Boolean, "1", 1)]
    [InlineData(ValueType.Boolean, "Đạt", 1)]
    [InlineData(ValueType.Boolean, "0", 0)]
    public void Accepts_what_people_type(ValueType type, string raw, double expected)
    {
        var parsed = ValueParser.Parse(type, raw, Formats.Vietnamese);
        parsed.Ok.Should().BeTrue();
        parsed.Value.Should().Be((decimal)expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Empty_means_no_value(string? raw) => ValueParser.Parse(ValueType.Number, raw, Formats.Vietnamese).Should().Be(ParsedValue.Empty);

    [Theory]
    [InlineData(ValueType.Number, "mười", "Không đọc được số")]
    [InlineData(ValueType.Number, "1,2,3", "nhiều dấu phẩy")]
    [InlineData(ValueType.Number, "68.125", "hãy viết 68,125")]
    [InlineData(ValueType.Money, "1,234.5", "kiểu tiếng Anh")]
    [InlineData(ValueType.Percent, "101", "từ 0 đến 100")]
    [InlineData(ValueType.Percent, "-1", "từ 0 đến 100")]
    [InlineData(ValueType.Count, "-3", "không được âm")]
    [InlineData(ValueType.Count, "2,5", "số nguyên")]
    [InlineData(ValueType.Money, "-5", "không được âm")]
    [InlineData(ValueType.Boolean, "có lẽ", "Đạt")]
    [InlineData(ValueType.Number, "1e9", "Không đọc được số")]
    [InlineData(ValueType.Number, "99999999999999999999999", "Số quá lớn")]
    [InlineData(ValueType.Number, "1,123456", "4 chữ số thập phân")]
    [InlineData(ValueType.Number, "<script>", "Không đọc được số")]
    public void Refuses_bad_input_with_a_vietnamese_message(ValueType type, string raw, string message)
    {
        var parsed = ValueParser.Parse(type, raw, Formats.Vietnamese);
        parsed.Ok.Should().BeFalse();
        parsed.Error.Should().Contain(message);
    }

    [Theory]
    [InlineData("119.000.000.000", 119000000000)]
    [InlineData("850000000", 850000000)]
    [InlineData("0", 0)]
    public void Amounts_in_dong_are_whole_numbers(string raw, double expected) =>
        ValueParser.ParseAmountVnd(raw, Formats.Vietnamese).Should().Be(ParsedValue.Of((decimal)expected));

    [Theory]
    [InlineData("14,5", "không có phần lẻ")]
    [InlineData("0,125", "không có phần lẻ")]
    [InlineData("0.125", "hãy viết 0,125")]
    [InlineData("-1", "không được âm")]
    [InlineData("", "Nhập số tiền")]
    public void Amounts_in_dong_are_refused_rather_than_rounded(string raw, string message)
    {
        var parsed = ValueParser.ParseAmountVnd(raw, Formats.Vietnamese);
        parsed.Ok.Should().BeFalse();
        parsed.Error.Should().Contain(message);
    }
}
