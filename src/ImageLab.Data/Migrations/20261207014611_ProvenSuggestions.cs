using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImageLab.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProvenSuggestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "suggested_from_id",
                table: "iterations",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "suggested_transformations",
                columns: table => new
                {
                    iteration_id = table.Column<long>(type: "bigint", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    rewrite_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    line = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    saved_bytes = table.Column<long>(type: "bigint", nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suggested_transformations", x => new { x.iteration_id, x.position });
                    table.ForeignKey(
                        name: "fk_suggested_transformations_iterations_iteration_id",
                        column: x => x.iteration_id,
                        principalTable: "iterations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "suggested_transformations");

            migrationBuilder.DropColumn(
                name: "suggested_from_id",
                table: "iterations");
        }
    }
}
