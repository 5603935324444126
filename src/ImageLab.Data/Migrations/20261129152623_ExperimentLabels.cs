using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImageLab.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExperimentLabels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "experiment_labels",
                columns: table => new
                {
                    experiment_id = table.Column<long>(type: "bigint", nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_experiment_labels", x => new { x.experiment_id, x.key });
                    table.ForeignKey(
                        name: "fk_experiment_labels_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_experiment_labels_key_value_experiment_id",
                table: "experiment_labels",
                columns: new[] { "key", "value", "experiment_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "experiment_labels");
        }
    }
}
