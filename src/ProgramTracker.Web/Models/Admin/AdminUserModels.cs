using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ProgramTracker.Web.Models.Admin;

public sealed record UserListRow(
    string Id,
    string UserName,
    string? FullName,
    string? Role,
    IReadOnlyList<string> Units,
    bool IsDisabled,
    bool IsLockedOut,
    bool TwoFactorEnabled);

/// <summary>A unit an account can be bound to, for the checkboxes of the user forms.</summary>
public sealed record UnitChoice(int Id, string Name, UnitKind Kind, int? ParentId, string? StatisticsCode, DateOnly? ValidTo);

/// <summary>A province and every unit under it, in the order of the tree (the province, each district and its communes, the province's own communes).</summary>
public sealed record UnitChoiceGroup(UnitChoice? Province, IReadOnlyList<UnitChoice> Units)
{
    /// <summary>
    /// The units grouped by the province they lie under, provinces in register order; units under no province (none in the
    /// register, but a database may hold some) form one group without a head. 3,400 units become 34 groups that start closed.
    /// </summary>
    public static IReadOnlyList<UnitChoiceGroup> Of(IReadOnlyList<UnitChoice> units)
    {
        var children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
        var ids = units.Select(u => u.Id).ToHashSet();
        var groups = new List<UnitChoiceGroup>();
        var loose = new List<UnitChoice>();
        foreach (var top in units.Where(u => u.ParentId is null || !ids.Contains(u.ParentId.Value)))
        {
            var members = new List<UnitChoice>();
            Walk(top.Id);
            if (AdministrativeUnit.IsProvinceLevelKind(top.Kind))
            {
                groups.Add(new UnitChoiceGroup(top, members));
            }
            else
            {
                loose.Add(top);
                loose.AddRange(members);
            }

            void Walk(int id)
            {
                // Districts (with their communes) before the province's own communes, each in id order.
                foreach (var child in children[id].OrderBy(c => c.Kind == UnitKind.District ? 0 : 1).ThenBy(c => c.Id))
                {
                    members.Add(child);
                    Walk(child.Id);
                }
            }
        }

        if (loose.Count > 0)
        {
            groups.Add(new UnitChoiceGroup(null, loose));
        }

        return groups;
    }
}

public class UserSettingsModel
{
    [StringLength(200, ErrorMessage = "Check.UserSettingsModel.FullName.StringLength")]
    [Display(Name = "Field.UserSettingsModel.FullName")]
    public string? FullName { get; set; }

    [Required(ErrorMessage = "Check.UserSettingsModel.Role.Required")]
    [Display(Name = "Field.UserSettingsModel.Role")]
    public string Role { get; set; } = "";

    [Display(Name = "Field.UserSettingsModel.UnitIds")]
    public List<int> UnitIds { get; set; } = [];

    /// <summary>The units to choose from; filled by the controller, never bound from the form.</summary>
    [BindNever]
    public IReadOnlyList<UnitChoice> UnitChoices { get; set; } = [];

    /// <summary>The roles the signed-in administrator may give (a province administrator: not the administrators').</summary>
    public IReadOnlyList<string> RoleChoices { get; set; } = ProgramTracker.Core.Accounts.Roles.All;

    /// <summary>The account being edited (edit page only); never bound from the form.</summary>
    [BindNever]
    public UserListRow? Account { get; set; }
}

public sealed class UserCreateModel : UserSettingsModel
{
    [Required(ErrorMessage = "Check.UserCreateModel.UserName.Required")]
    [StringLength(64, MinimumLength = 3, ErrorMessage = "Check.UserCreateModel.UserName.StringLength")]
    [RegularExpression(@"^[A-Za-z0-9._@+-]+$", ErrorMessage = "Check.UserCreateModel.UserName.RegularExpression")]
    [Display(Name = "Field.UserCreateModel.UserName")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Check.UserCreateModel.Password.Required")]
    [StringLength(128, MinimumLength = 10, ErrorMessage = "Check.UserCreateModel.Password.StringLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.UserCreateModel.Password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Check.UserCreateModel.ConfirmPassword.Required")]
    [Compare(nameof(Password), ErrorMessage = "Check.UserCreateModel.ConfirmPassword.Compare")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.UserCreateModel.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ResetPasswordModel
{
    [BindNever]
    public UserListRow? Account { get; set; }

    [Required(ErrorMessage = "Check.ResetPasswordModel.NewPassword.Required")]
    [StringLength(128, MinimumLength = 10, ErrorMessage = "Check.ResetPasswordModel.NewPassword.StringLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ResetPasswordModel.NewPassword")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "Check.ResetPasswordModel.ConfirmPassword.Required")]
    [Compare(nameof(NewPassword), ErrorMessage = "Check.ResetPasswordModel.ConfirmPassword.Compare")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ResetPasswordModel.ConfirmPassword")]
    public string ConfirmPassword { get; set; } = "";
}
