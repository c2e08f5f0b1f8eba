using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProgramTracker.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DataVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_version",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_version", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "data_version",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_version");
        }
    }
}
