namespace ProgramTracker.Core.Domain;

/// <summary>The portal's roles (ASP.NET Core Identity role names).</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string DistrictStaff = "DistrictStaff";
    public const string Leader = "Leader";
    public const string CommuneOfficer = "CommuneOfficer";
}
