using System.Globalization;

namespace ProgramTracker.Core.Validation;

/// <summary>How the two sides of a rule between indicators compare.</summary>
public enum RuleComparator
{
    AtMost = 1,
    Less = 2,
    AtLeast = 3,
    Greater = 4,
    Equal = 5,
    /// <summary>"within T": |left − right| ≤ T.</summary>
    Within = 6,
}

/// <summary>Why an expression was refused: at which character (0-based) and what was wrong.</summary>
/// <remarks><see cref="Problem"/> names what was wrong for the administrator's message (resource <c>RuleExpr.{Problem}</c>).</remarks>
public sealed record ExpressionError(int Position, ExpressionFault Fault, string Detail, string Problem = "Unexpected");

public enum ExpressionFault
{
    Syntax = 1,
    UnknownCode = 2,
}

/// <summary>
/// A parsed rule between indicators, "left comparator right [within tolerance]": sums, differences, products and quotients
/// of numbers and indicator codes, in parentheses where needed, e.g. <c>ho-ngheo + ho-can-ngheo &lt;= tong-ho</c> or
/// <c>ty-le = ho-ngheo / tong-ho * 100 within 0.1</c>. Evaluated on the values of one unit and period; a side that uses
/// an empty value (or divides by zero) is not evaluated: the rule is then neither met nor broken.
/// </summary>
public sealed class RuleExpression
{
    private RuleExpression(Node left, RuleComparator comparator, Node right, decimal tolerance, IReadOnlyList<string> codes)
    {
        Left = left;
        Comparator = comparator;
        Right = right;
        Tolerance = tolerance;
        Codes = codes;
    }

    internal Node Left { get; }

    internal Node Right { get; }

    public RuleComparator Comparator { get; }

    /// <summary>The tolerance of <see cref="RuleComparator.Within"/> (0 otherwise).</summary>
    public decimal Tolerance { get; }

    /// <summary>The indicator codes the expression reads, each once, in order of appearance.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>Parses <paramref name="text"/>; a code not accepted by <paramref name="isKnownCode"/> is refused with its position.</summary>
    public static (RuleExpression? Expression, ExpressionError? Error) Parse(string? text, Func<string, bool> isKnownCode)
    {
        var parser = new Parser(text ?? "", isKnownCode);
        try
        {
            return (parser.ParseRule(), null);
        }
        catch (ParseException e)
        {
            return (null, e.Error);
        }
    }

    /// <summary>True when met, false when broken, null when a value it reads is missing (or a division by zero).</summary>
    public bool? Holds(Func<string, decimal?> valueOf)
    {
        var l = Left.Evaluate(valueOf);
        var r = Right.Evaluate(valueOf);
        if (l is not { } a || r is not { } b)
        {
            return null;
        }

        return Comparator switch
        {
            RuleComparator.AtMost => a <= b,
            RuleComparator.Less => a < b,
            RuleComparator.AtLeast => a >= b,
            RuleComparator.Greater => a > b,
            RuleComparator.Equal => a == b,
            _ => Math.Abs(a - b) <= Tolerance,
        };
    }

    /// <summary>The value of the left and right sides (null where a value is missing).</summary>
    public (decimal? Left, decimal? Right) Sides(Func<string, decimal?> valueOf) => (Left.Evaluate(valueOf), Right.Evaluate(valueOf));

    internal abstract record Node
    {
        public abstract decimal? Evaluate(Func<string, decimal?> valueOf);
    }

    internal sealed record Number(decimal Value) : Node
    {
        public override decimal? Evaluate(Func<string, decimal?> valueOf) => Value;
    }

    internal sealed record Code(string Name) : Node
    {
        public override decimal? Evaluate(Func<string, decimal?> valueOf) => valueOf(Name);
    }

    internal sealed record Negate(Node Operand) : Node
    {
        public override decimal? Evaluate(Func<string, decimal?> valueOf) => -Operand.Evaluate(valueOf);
    }

    internal sealed record Binary(char Op, Node Left, Node Right) : Node
    {
        public override decimal? Evaluate(Func<string, decimal?> valueOf)
        {
            if (Left.Evaluate(valueOf) is not { } a || Right.Evaluate(valueOf) is not { } b)
            {
                return null;
            }

            try
            {
                return Op switch
                {
                    '+' => a + b,
                    '-' => a - b,
                    '*' => a * b,
                    _ => b == 0 ? null : a / b,
                };
            }
            catch (OverflowException)
            {
                return null;
            }
        }
    }

    private sealed class ParseException(ExpressionError error) : Exception(error.Detail)
    {
        public ExpressionError Error { get; } = error;
    }

    private sealed class Parser(string text, Func<string, bool> isKnownCode)
    {
        private readonly List<string> codes = [];
        private int pos;

        public RuleExpression ParseRule()
        {
            var left = ParseSum();
            SkipSpace();
            var at = pos;
            var comparator = ReadComparator() ?? throw Fail(at, "comparator expected (<=, <, >=, >, =)", "ComparatorExpected");
            var right = ParseSum();
            SkipSpace();
            var tolerance = 0m;
            if (comparator == RuleComparator.Equal && TryWord("within"))
            {
                SkipSpace();
                var tolAt = pos;
                tolerance = ReadNumber() ?? throw Fail(tolAt, "tolerance expected after 'within'", "ToleranceExpected");
                comparator = RuleComparator.Within;
                SkipSpace();
            }

            if (pos < text.Length)
            {
                throw Fail(pos, $"unexpected '{text[pos]}'");
            }

            return new RuleExpression(left, comparator, right, tolerance, codes);
        }

        private Node ParseSum()
        {
            var node = ParseProduct();
            while (true)
            {
                SkipSpace();
                if (pos < text.Length && text[pos] is '+' or '-')
                {
                    var op = text[pos++];
                    node = new Binary(op, node, ParseProduct());
                }
                else
                {
                    return node;
                }
            }
        }

        private Node ParseProduct()
        {
            var node = ParseUnary();
            while (true)
            {
                SkipSpace();
                if (pos < text.Length && text[pos] is '*' or '/')
                {
                    var op = text[pos++];
                    node = new Binary(op, node, ParseUnary());
                }
                else
                {
                    return node;
                }
            }
        }

        private Node ParseUnary()
        {
            SkipSpace();
            if (pos < text.Length && text[pos] == '-')
            {
                pos++;
                return new Negate(ParseUnary());
            }

            return ParseAtom();
        }

        private Node ParseAtom()
        {
            SkipSpace();
            if (pos >= text.Length)
            {
                throw Fail(pos, "value expected, found the end", "ValueExpected");
            }

            var c = text[pos];
            if (c == '(')
            {
                pos++;
                var inner = ParseSum();
                SkipSpace();
                if (pos >= text.Length || text[pos] != ')')
                {
                    throw Fail(pos, "')' expected", "ParenExpected");
                }

                pos++;
                return inner;
            }

            if (char.IsAsciiDigit(c))
            {
                return new Number(ReadNumber()!.Value);
            }

            if (char.IsAsciiLetter(c))
            {
                var start = pos;
                while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] is '-' or '.' or '_')
                       && !(text[pos] == '-' && (pos + 1 >= text.Length || !char.IsAsciiLetterOrDigit(text[pos + 1]))))
                {
                    pos++;
                }

                // A code ends before a trailing '.' ("a.b." reads "a.b").
                while (pos > start && text[pos - 1] == '.')
                {
                    pos--;
                }

                var code = text[start..pos];
                if (!isKnownCode(code))
                {
                    throw new ParseException(new ExpressionError(start, ExpressionFault.UnknownCode, code, "UnknownCode"));
                }

                if (!codes.Contains(code, StringComparer.Ordinal))
                {
                    codes.Add(code);
                }

                return new Code(code);
            }

            throw Fail(pos, $"unexpected '{c}'");
        }

        private decimal? ReadNumber()
        {
            var start = pos;
            while (pos < text.Length && (char.IsAsciiDigit(text[pos]) || text[pos] == '.'))
            {
                pos++;
            }

            if (pos == start)
            {
                return null;
            }

            return decimal.TryParse(text[start..pos], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw Fail(start, $"bad number '{text[start..pos]}'", "BadNumber");
        }

        private RuleComparator? ReadComparator()
        {
            string[] ops = ["<=", ">=", "≤", "≥", "<", ">", "="];
            foreach (var op in ops)
            {
                if (string.CompareOrdinal(text, pos, op, 0, op.Length) == 0)
                {
                    pos += op.Length;
                    return op switch
                    {
                        "<=" or "≤" => RuleComparator.AtMost,
                        ">=" or "≥" => RuleComparator.AtLeast,
                        "<" => RuleComparator.Less,
                        ">" => RuleComparator.Greater,
                        _ => RuleComparator.Equal,
                    };
                }
            }

            return null;
        }

        private bool TryWord(string word)
        {
            if (pos + word.Length <= text.Length && string.Compare(text, pos, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                pos += word.Length;
                return true;
            }

            return false;
        }

        private void SkipSpace()
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }
        }

        private static ParseException Fail(int at, string detail, string problem = "Unexpected") => new(new ExpressionError(at, ExpressionFault.Syntax, detail, problem));
    }
}
