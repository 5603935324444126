using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImageLab.Data.Migrations
{
    /// <inheritdoc />
    public partial class HistoryFilterIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_experiments_project_id_status_created_at",
                table: "experiments",
                columns: new[] { "project_id", "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_experiments_project_id_submitted_by_created_at",
                table: "experiments",
                columns: new[] { "project_id", "submitted_by", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_experiments_submitted_by_status_created_at",
                table: "experiments",
                columns: new[] { "submitted_by", "status", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_experiments_project_id_status_created_at",
                table: "experiments");

            migrationBuilder.DropIndex(
                name: "ix_experiments_project_id_submitted_by_created_at",
                table: "experiments");

            migrationBuilder.DropIndex(
                name: "ix_experiments_submitted_by_status_created_at",
                table: "experiments");
        }
    }
}
