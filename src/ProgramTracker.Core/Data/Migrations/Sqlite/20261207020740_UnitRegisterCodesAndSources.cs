using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProgramTracker.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnitRegisterCodesAndSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SourceId",
                table: "units",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_units_SourceId",
                table: "units",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_units_StatisticsCode",
                table: "units",
                column: "StatisticsCode",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_units_sources_SourceId",
                table: "units",
                column: "SourceId",
                principalTable: "sources",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_units_sources_SourceId",
                table: "units");

            migrationBuilder.DropIndex(
                name: "IX_units_SourceId",
                table: "units");

            migrationBuilder.DropIndex(
                name: "IX_units_StatisticsCode",
                table: "units");

            migrationBuilder.DropColumn(
                name: "SourceId",
                table: "units");
        }
    }
}
