using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProgramTracker.Core.Data;
using ProgramTracker.Core.Domain;
using ProgramTracker.Core.Localization;

namespace ProgramTracker.Core.Accounts;

/// <summary>One row of an account file as read (cells trimmed, empty as null); <see cref="Row"/> is the sheet's row number.</summary>
public sealed record AccountRow(int Row, string? UserName, string? FullName, string? Contact, string? Role, string? StatisticsCode);

/// <summary>A refusal of one row, naming the field (the column's header) it is about.</summary>
public sealed record RowError(int Row, string Field, string Message);

/// <summary>A row that would become an account.</summary>
public sealed record PlannedAccount(int Row, string UserName, string? FullName, string? Email, string? Phone, string Role, int UnitId, string UnitName, string StatisticsCode);

/// <summary>The dry run: each row's account or its errors. Applicable only when no row has an error.</summary>
public sealed record AccountPlan(IReadOnlyList<PlannedAccount> Accounts, IReadOnlyList<RowError> Errors, int Rows)
{
    public bool Ok => Errors.Count == 0 && Accounts.Count > 0;
}

/// <summary>A new account's one-time password: handed to the administrator once, in the apply response, never stored.</summary>
public sealed record IssuedPassword(int Row, string UserName, string? FullName, string Role, string UnitName, string StatisticsCode, string Password);

public sealed record AccountImportResult(AccountPlan Plan, IReadOnlyList<IssuedPassword> Issued, TimeSpan Hashing, TimeSpan Writing)
{
    public bool Ok => Plan.Ok && Issued.Count == Plan.Accounts.Count;
}

/// <summary>
/// Accounts in bulk (/admin/users/import): checks every row against the database and what the importing administrator
/// may grant, then creates all the accounts or none through <see cref="UserAdministration.CreateManyAsync"/>.
/// </summary>
public sealed partial class AccountImport(ProgramTrackerDbContext db, UserAdministration accounts)
{
    /// <summary>The file's columns, in order: the Vietnamese header is the one the template writes; English is read too.</summary>
    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("user", "Tên đăng nhập", "User name"),
        new("name", "Họ và tên", "Full name"),
        new("contact", "Email hoặc điện thoại", "Email or phone"),
        new("role", "Vai trò", "Role"),
        new("code", "Mã đơn vị", "Unit code"),
    ];

    public async Task<AccountPlan> PlanAsync(IReadOnlyList<AccountRow> rows, AccessProfile importer, Formats f, CancellationToken ct = default)
    {
        var errors = new List<RowError>();
        var planned = new List<PlannedAccount>();
        var field = Columns.ToDictionary(c => c.Key, c => c.Header(f));
        var codes = rows.Select(r => r.StatisticsCode).OfType<string>().Distinct().ToList();
        var units = (await db.Units.AsNoTracking().Where(u => u.StatisticsCode != null && codes.Contains(u.StatisticsCode))
                .Select(u => new { u.Id, u.Kind, u.Name, u.ParentId, GrandparentId = u.Parent != null ? u.Parent.ParentId : null, u.StatisticsCode, u.ValidTo })
                .ToListAsync(ct))
            .GroupBy(u => u.StatisticsCode!)
            .ToDictionary(g => g.Key, g => g.OrderBy(u => u.ValidTo is null ? 0 : 1).ThenByDescending(u => u.ValidTo).First(), StringComparer.Ordinal);
        var names = rows.Select(r => r.UserName).OfType<string>().Select(accounts.NormalizeName).Distinct().ToList();
        var taken = (await db.Users.AsNoTracking().Where(u => names.Contains(u.NormalizedUserName!)).Select(u => u.NormalizedUserName!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var row in rows)
        {
            var before = errors.Count;
            void Error(string key, string message) => errors.Add(new RowError(row.Row, field[key], message));

            var userName = row.UserName;
            if (userName is null)
            {
                Error("user", f["UserImport.UserNameMissing"]);
            }
            else if (userName.Length > 64 || !UserNamePattern().IsMatch(userName))
            {
                Error("user", f.Format("UserImport.UserNameInvalid", userName));
            }
            else if (seen.TryGetValue(accounts.NormalizeName(userName), out var first))
            {
                Error("user", f.Format("UserImport.UserNameTwice", userName, first));
            }
            else
            {
                seen[accounts.NormalizeName(userName)] = row.Row;
                if (taken.Contains(accounts.NormalizeName(userName)))
                {
                    Error("user", f.Format("UserImport.UserNameTaken", userName));
                }
            }

            if (row.FullName is { Length: > 200 })
            {
                Error("name", f["UserImport.FullNameTooLong"]);
            }

            string? email = null, phone = null;
            if (row.Contact is { } contact)
            {
                if (contact.Contains('@', StringComparison.Ordinal))
                {
                    if (contact.Length <= 256 && MailAddress.TryCreate(contact, out var mail) && mail.Address == contact && mail.Host.Contains('.', StringComparison.Ordinal))
                    {
                        email = contact;
                    }
                    else
                    {
                        Error("contact", f.Format("UserImport.EmailInvalid", contact));
                    }
                }
                else if (Phone(contact) is { } number)
                {
                    phone = number;
                }
                else
                {
                    Error("contact", f.Format("UserImport.PhoneInvalid", contact));
                }
            }

            var role = RoleOf(row.Role);
            if (row.Role is null)
            {
                Error("role", f.Format("UserImport.RoleMissing", RoleChoices(f)));
            }
            else if (role is null)
            {
                Error("role", f.Format("UserImport.RoleUnknown", row.Role, RoleChoices(f)));
            }
            else if (!AccessRules.CanGrant(importer, role) || role == Roles.Admin)
            {
                Error("role", f.Format("UserImport.RoleNotYours", f.Role(role)));
            }

            var unit = row.StatisticsCode is { } code ? units.GetValueOrDefault(code) : null;
            if (row.StatisticsCode is null)
            {
                Error("code", f["UserImport.CodeMissing"]);
            }
            else if (unit is null)
            {
                Error("code", f.Format("UserImport.CodeUnknown", row.StatisticsCode));
            }
            else if (unit.ValidTo is not null)
            {
                Error("code", f.Format("UserImport.UnitEnded", row.StatisticsCode, f.UnitName(unit.Kind, unit.Name), f.Date(unit.ValidTo.Value)));
            }
            else if (!AccessRules.CanAdminister(importer, new UnitPlace(unit.Id, unit.Kind, unit.ParentId, unit.GrandparentId)))
            {
                Error("code", f.Format("UserImport.UnitNotYours", row.StatisticsCode, f.UnitName(unit.Kind, unit.Name)));
            }
            else if (role is not null && Roles.IsKnown(role) && UserAdministration.SettingsRule(role, [unit.Kind]) is { } rule)
            {
                Error("role", f.Format("UserImport.RoleNotAtLevel", f.Role(role), f.UnitName(unit.Kind, unit.Name), f[rule]));
            }

            if (errors.Count == before)
            {
                planned.Add(new PlannedAccount(row.Row, userName!, row.FullName, email, phone, role!, unit!.Id, f.UnitName(unit.Kind, unit.Name), unit.StatisticsCode!));
            }
        }

        return new AccountPlan(planned, errors, rows.Count);
    }

    /// <summary>Checks the rows again (the database may have changed since the dry run) and creates every account, or none.</summary>
    public async Task<AccountImportResult> ApplyAsync(IReadOnlyList<AccountRow> rows, AccessProfile importer, Formats f, CancellationToken ct = default)
    {
        var plan = await PlanAsync(rows, importer, f, ct);
        if (!plan.Ok)
        {
            return new AccountImportResult(plan, [], TimeSpan.Zero, TimeSpan.Zero);
        }

        var created = await accounts.CreateManyAsync(plan.Accounts.Select(a => new NewAccount(a.UserName, a.FullName, a.Email, a.Phone, a.Role, a.UnitId)).ToList(), ct);
        var issued = plan.Accounts.Zip(created.Passwords, (a, p) => new IssuedPassword(a.Row, a.UserName, a.FullName, a.Role, a.UnitName, a.StatisticsCode, p)).ToList();
        return new AccountImportResult(plan, issued, created.Hashing, created.Writing);
    }

    /// <summary>A role by its stored name or its label in either language ("CommuneOfficer", "Cán bộ xã", "Commune officer").</summary>
    public static string? RoleOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        return Roles.All.FirstOrDefault(r => string.Equals(r, t, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Formats.Vietnamese.Role(r), t, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Formats.English.Role(r), t, StringComparison.OrdinalIgnoreCase));
    }

    private static string RoleChoices(Formats f) => string.Join(", ", new[] { Roles.DistrictStaff, Roles.Leader, Roles.CommuneOfficer, Roles.ProvinceAdmin }.Select(f.Role));

    /// <summary>A Vietnamese phone number written with spaces, dots or dashes: 0 or +84 then 9 or 10 digits. Returns it without separators.</summary>
    public static string? Phone(string text)
    {
        var digits = text.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return PhonePattern().IsMatch(digits) ? digits : null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._@+-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex UserNamePattern();

    [GeneratedRegex(@"^(\+84|0)[1-9][0-9]{8,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}

/// <summary>A column of an import file: a key, the Vietnamese header (the template's) and the English one; either is read.</summary>
public sealed record ImportColumn(string Key, string Vietnamese, string English)
{
    public string Header(Formats f) => f.IsEnglish ? English : Vietnamese;

    public bool Matches(string? header) =>
        header is not null && (Same(header, Vietnamese) || Same(header, English) || Same(header, Key));

    private static bool Same(string a, string b) =>
        CultureInfo.InvariantCulture.CompareInfo.Compare(a.Trim(), b, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0;
}
