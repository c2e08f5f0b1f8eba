using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Entry;
using ProgramTracker.Core.Localization;

namespace ProgramTracker.Tests.Unit;

/// <summary>
/// The one set of limits on a cell (issue 27 part 1), at its edges. Written from the mutants Stryker.NET left alive or
/// uncovered in CellRules and ValueParser (issue 29's mutation check): each case fails for one of them. Expected
/// messages are written out, not read from the resources.
/// </summary>
public class CellRulesTests
{
    private static readonly Formats Vi = Formats.Vietnamese;

    // Attribute data cannot carry a lone surrogate (xunit would pass U+FFFD): <D83D> and <DE00> are replaced in the test.
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("dòng 1\r\ndòng 2\tcột", true)]
    [InlineData("emoji <D83D><DE00> ở giữa", true)]
    [InlineData("<D83D><DE00>", true)]
    [InlineData("cuối <D83D>", false)]
    [InlineData("<D83D> giữa", false)]
    [InlineData("<DE00> đầu", false)]
    [InlineData("hỏng \ufffd", false)]
    [InlineData("nul \u0000", false)]
    [InlineData("esc \u001b", false)]
    [InlineData("del \u007f", false)]
    public void Valid_text_keeps_pairs_tabs_and_line_breaks_and_nothing_else(string? text, bool valid) =>
        CellRules.IsValidText(text?.Replace("<D83D>", "\ud83d", StringComparison.Ordinal).Replace("<DE00>", "\ude00", StringComparison.Ordinal)).Should().Be(valid);

    [Fact]
    public void A_cell_is_read_with_its_note_trimmed()
    {
        var reading = CellRules.Read(ValueKind.Percent, "14,5", ValueNotation.Typed, "  theo rà soát  ", Vi);

        reading.Should().Be(new CellReading(14.5m, "theo rà soát", null, null));
        reading.Ok.Should().BeTrue();
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("")]
    [InlineData(null)]
    public void A_blank_note_is_no_note(string? note) =>
        CellRules.Read(ValueKind.Count, "3", ValueNotation.Typed, note, Vi).Note.Should().BeNull();

    [Fact]
    public void Invalid_text_in_the_value_or_the_note_is_refused_before_reading()
    {
        var inValue = CellRules.Read(ValueKind.Count, "3\u0000", ValueNotation.Typed, null, Vi);
        var inNote = CellRules.Read(ValueKind.Count, "3", ValueNotation.Typed, "ghi " + (char)0xD800 + " chú", Vi);

        inValue.Should().Be(new CellReading(null, null, CellFault.InvalidText, "Có ký tự không hợp lệ."));
        inNote.Should().Be(new CellReading(null, null, CellFault.InvalidText, "Có ký tự không hợp lệ."));
        inNote.Ok.Should().BeFalse();
    }

    [Fact]
    public void A_value_that_does_not_read_is_a_value_fault_with_the_parsers_message()
    {
        CellRules.Read(ValueKind.Percent, "101", ValueNotation.Typed, "ghi chú", Vi)
            .Should().Be(new CellReading(null, null, CellFault.Value, "Tỷ lệ phải từ 0 đến 100 (%)."));
    }

    [Fact]
    public void A_note_of_1000_characters_is_kept_and_1001_is_refused()
    {
        CellRules.Read(ValueKind.Count, "3", ValueNotation.Typed, new string('a', 1000), Vi).Note.Should().HaveLength(1000);
        CellRules.Read(ValueKind.Count, "3", ValueNotation.Typed, " " + new string('a', 1000) + " ", Vi).Ok.Should().BeTrue("the note is measured after trimming");
        CellRules.Read(ValueKind.Count, "3", ValueNotation.Typed, new string('a', 1001), Vi)
            .Should().Be(new CellReading(null, null, CellFault.NoteTooLong, "Ghi chú dài tối đa 1000 ký tự."));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("đạt", 1)]
    [InlineData("dat", 1)]
    [InlineData("true", 1)]
    [InlineData("met", 1)]
    [InlineData("YES", 1)]
    [InlineData("0", 0)]
    [InlineData("Không đạt", 0)]
    [InlineData("khong dat", 0)]
    [InlineData("chưa đạt", 0)]
    [InlineData("false", 0)]
    [InlineData("not met", 0)]
    [InlineData("no", 0)]
    public void Every_word_for_met_and_not_met_reads_in_either_language(string word, int expected)
    {
        ValueParser.Parse(ValueKind.Boolean, word, Vi).Should().Be(ParsedValue.Of(expected));
        ValueParser.Read(ValueKind.Boolean, word, ValueNotation.FileText, Formats.English).Should().Be(ParsedValue.Of(expected));
    }

    [Theory]
    [InlineData("2", "Chọn “Đạt” hoặc “Không đạt”.")]
    [InlineData("", null)]
    public void A_yes_no_cell_takes_nothing_else(string word, string? error) =>
        ValueParser.Parse(ValueKind.Boolean, word, Vi).Error.Should().Be(error);

    [Fact]
    public void Empty_is_ok_and_has_no_value() => ParsedValue.Empty.Should().Be(new ParsedValue(true, null, null));

    [Theory]
    [InlineData(ValueKind.Percent, "0", 0)]
    [InlineData(ValueKind.Count, "0", 0)]
    [InlineData(ValueKind.Money, "0", 0)]
    [InlineData(ValueKind.Number, "999.999.999.999.999", 999_999_999_999_999)]
    public void The_edges_of_each_range_are_inside_it(ValueKind type, string text, double expected) =>
        ValueParser.Parse(type, text, Vi).Should().Be(ParsedValue.Of((decimal)expected));

    [Theory]
    [InlineData(ValueKind.Number, "1.000.000.000.000.000", "Số quá lớn.")]
    [InlineData(ValueKind.Number, "-1.000.000.000.000.000", "Số quá lớn.")]
    [InlineData(ValueKind.Percent, "-0,0001", "Tỷ lệ phải từ 0 đến 100 (%).")]
    [InlineData(ValueKind.Count, "-1", "Số đếm không được âm.")]
    [InlineData(ValueKind.Money, "-1", "Số tiền không được âm.")]
    public void Just_past_each_edge_is_refused(ValueKind type, string text, string error) =>
        ValueParser.Parse(type, text, Vi).Should().Be(ParsedValue.Fail(error));

    [Theory]
    [InlineData(ValueKind.Number, "1.25", 1.25)]
    [InlineData(ValueKind.Number, "12.3456", 12.3456)]
    [InlineData(ValueKind.Number, "1.5e2", 150)]
    [InlineData(ValueKind.Number, "12345e-4", 1.2345)]
    [InlineData(ValueKind.Number, "0.000000", 0)]
    [InlineData(ValueKind.Number, "0e-30", 0)]
    [InlineData(ValueKind.Count, "7", 7)]
    [InlineData(ValueKind.Count, "7.0", 7)]
    public void A_JSON_numbers_text_is_read_exactly(ValueKind type, string text, double expected) =>
        ValueParser.Read(type, text, ValueNotation.Number, Vi).Should().Be(ParsedValue.Of((decimal)expected));

    [Theory]
    [InlineData(ValueKind.Number, "12.34567", "Nhập tối đa 4 chữ số thập phân.")]
    [InlineData(ValueKind.Percent, "1e-30", "Nhập tối đa 4 chữ số thập phân.")]
    [InlineData(ValueKind.Number, "1.2345e-1", "Nhập tối đa 4 chữ số thập phân.")]
    [InlineData(ValueKind.Count, "2.5", "Số đếm phải là số nguyên.")]
    [InlineData(ValueKind.Count, "1e-5", "Số đếm phải là số nguyên.")]
    [InlineData(ValueKind.Boolean, "0.00001", "Chọn “Đạt” hoặc “Không đạt”.")]
    [InlineData(ValueKind.Boolean, "2", "Chọn “Đạt” hoặc “Không đạt”.")]
    [InlineData(ValueKind.Number, "1e308", "Số quá lớn.")]
    [InlineData(ValueKind.Number, "1e15", "Số quá lớn.")]
    public void A_JSON_numbers_text_past_the_forms_rules_is_refused(ValueKind type, string text, string error) =>
        ValueParser.Read(type, text, ValueNotation.Number, Vi).Should().Be(ParsedValue.Fail(error));

    [Theory]
    [InlineData("14.1", 14.1)]
    [InlineData("14.099999999999999", 14.1)]
    [InlineData("0", 0)]
    public void A_spreadsheets_number_cell_is_rounded_at_nine_decimals_then_checked(string text, double expected) =>
        ValueParser.Read(ValueKind.Number, text, ValueNotation.SheetNumber, Vi).Should().Be(ParsedValue.Of((decimal)expected));

    [Fact]
    public void A_spreadsheet_number_cell_that_is_no_number_is_refused() =>
        ValueParser.Read(ValueKind.Number, "abc", ValueNotation.SheetNumber, Vi).Should().Be(ParsedValue.Fail("Ô số không đọc được."));

    [Theory]
    [InlineData("1.250.000", 1_250_000)]
    [InlineData("14,5", 14.5)]
    [InlineData("68,125", 68.125)]
    public void A_files_text_cell_is_read_the_Vietnamese_way(string text, double expected) =>
        ValueParser.Read(ValueKind.Number, text, ValueNotation.FileText, Formats.English).Should().Be(ParsedValue.Of((decimal)expected));

    [Fact]
    public void A_files_68_125_is_refused_as_ambiguous_naming_both_readings() =>
        ValueParser.Read(ValueKind.Number, "68.125", ValueNotation.FileText, Vi).Error.Should().Be(
            "“68.125” không rõ là 68125 (dấu chấm phân cách hàng nghìn) hay 68,125 (số thập phân). Viết 68,125 nếu là số thập phân, hoặc 68125 nếu là số nguyên: dấu phẩy là dấu thập phân, dấu chấm chỉ để phân cách hàng nghìn.");

    [Fact]
    public void A_files_unreadable_text_says_how_to_write_it_in_the_readers_language()
    {
        ValueParser.Read(ValueKind.Number, "mười", ValueNotation.FileText, Vi).Error.Should().Contain("Không đọc được số");
        ValueParser.Read(ValueKind.Number, "mười", ValueNotation.FileText, Formats.English).Error.Should().StartWith("“mười”").And.NotContain("Không đọc được");
    }
}
