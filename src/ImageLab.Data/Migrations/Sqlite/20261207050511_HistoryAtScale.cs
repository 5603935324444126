using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImageLab.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HistoryAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "analyses_removed_at",
                table: "experiments",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "analyses_removed_at",
                table: "experiments");
        }
    }
}
