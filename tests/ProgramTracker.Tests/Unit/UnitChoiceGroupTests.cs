using ProgramTracker.Core.Domain;
using ProgramTracker.Web.Models.Admin;

namespace ProgramTracker.Tests.Unit;

/// <summary>The account form's unit chooser groups the country's units under their provinces, in the order of the tree.</summary>
public sealed class UnitChoiceGroupTests
{
    [Fact]
    public void Units_fall_under_their_province_districts_with_their_communes_before_the_provinces_own_communes()
    {
        UnitChoice U(int id, UnitKind kind, int? parent) => new(id, $"u{id}", kind, parent, null, null);
        var units = new[]
        {
            U(1, UnitKind.Province, null), U(2, UnitKind.Commune, 1), U(3, UnitKind.District, 1), U(4, UnitKind.Commune, 3),
            U(5, UnitKind.City, null), U(6, UnitKind.Ward, 5), U(7, UnitKind.District, null), U(8, UnitKind.Commune, 7),
        };

        var groups = UnitChoiceGroup.Of(units);

        groups.Select(g => g.Province?.Id).Should().Equal(1, 5, null);
        groups[0].Units.Select(u => u.Id).Should().Equal(3, 4, 2);
        groups[1].Units.Select(u => u.Id).Should().Equal(6);
        groups[2].Units.Select(u => u.Id).Should().Equal(7, 8);
        groups.Sum(g => g.Units.Count + (g.Province is null ? 0 : 1)).Should().Be(units.Length, "every unit is offered exactly once");
    }
}
