using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProgramTracker.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AttainmentReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CriteriaJudged",
                table: "attainment_summaries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CriteriaUnknown",
                table: "attainment_summaries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "IndicatorsDefined",
                table: "attainment_summaries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "IndicatorsJudged",
                table: "attainment_summaries",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CriteriaJudged",
                table: "attainment_summaries");

            migrationBuilder.DropColumn(
                name: "CriteriaUnknown",
                table: "attainment_summaries");

            migrationBuilder.DropColumn(
                name: "IndicatorsDefined",
                table: "attainment_summaries");

            migrationBuilder.DropColumn(
                name: "IndicatorsJudged",
                table: "attainment_summaries");
        }
    }
}
