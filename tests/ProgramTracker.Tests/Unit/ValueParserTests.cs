using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;
using ProgramTracker.Core.Entry;

namespace ProgramTracker.Tests.Unit;

public class ValueParserTests
{
    [Theory]
    [InlineData(ValueKind.Number, "14,5", 14.5)]
    [InlineData(ValueKind.Number, "1.250,5", 1250.5)]
    [InlineData(ValueKind.Percent, "0,46", 0.46)]
    [InlineData(ValueKind.Percent, "100", 100)]
    [InlineData(ValueKind.Count, "7", 7)]
    [InlineData(ValueKind.Money, "119.000.000.000", 119000000000)]
    [InlineData(ValueKind.Boolean, "1", 1)]
    [InlineData(ValueKind.Boolean, "Đạt", 1)]
    [InlineData(ValueKind.Boolean, "0", 0)]
    public void Accepts_what_people_type(ValueKind type, string raw, double expected)
    {
        var parsed = ValueParser.Parse(type, raw, Formats.Vietnamese);
        parsed.Ok.Should().BeTrue();
        parsed.Value.Should().Be((decimal)expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Empty_means_no_value(string? raw) => ValueParser.Parse(ValueKind.Number, raw, Formats.Vietnamese).Should().Be(ParsedValue.Empty);

    [Theory]
    [InlineData(ValueKind.Number, "mười", "Không đọc được số")]
    [InlineData(ValueKind.Number, "1,2,3", "nhiều dấu phẩy")]
    [InlineData(ValueKind.Number, "68.125", "hãy viết 68,125")]
    [InlineData(ValueKind.Money, "1,234.5", "kiểu tiếng Anh")]
    [InlineData(ValueKind.Percent, "101", "từ 0 đến 100")]
    [InlineData(ValueKind.Percent, "-1", "từ 0 đến 100")]
    [InlineData(ValueKind.Count, "-3", "không được âm")]
    [InlineData(ValueKind.Count, "2,5", "số nguyên")]
    [InlineData(ValueKind.Money, "-5", "không được âm")]
    [InlineData(ValueKind.Boolean, "có lẽ", "Đạt")]
    [InlineData(ValueKind.Number, "1e9", "Không đọc được số")]
    [InlineData(ValueKind.Number, "99999999999999999999999", "Số quá lớn")]
    [InlineData(ValueKind.Number, "1,123456", "4 chữ số thập phân")]
    [InlineData(ValueKind.Number, "<script>", "Không đọc được số")]
    public void Refuses_bad_input_with_a_vietnamese_message(ValueKind type, string raw, string message)
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

    /// <summary>Issue 28, defect 7: "%" is a rate's sign; on a count, an amount or a money value it is refused, not dropped.</summary>
    [Theory]
    [InlineData(ValueKind.Count, "5%")]
    [InlineData(ValueKind.Money, "5 %")]
    public void A_percent_sign_is_refused_outside_percent_fields(ValueKind type, string raw)
    {
        ValueParser.Parse(type, raw, Formats.Vietnamese).Error.Should().Be("Dấu % chỉ dùng cho tỷ lệ; ô này nhận số không có %.");
        ValueParser.ParseAmountVnd(raw, Formats.Vietnamese).Error.Should().Be("Dấu % chỉ dùng cho tỷ lệ; ô này nhận số không có %.");
        ValueParser.Parse(ValueKind.Percent, raw, Formats.Vietnamese).Value.Should().Be(5m);
    }
}
