using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImageLab.Data.Migrations
{
    /// <inheritdoc />
    public partial class HistoryAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "analyses_removed_at",
                table: "experiments",
                type: "timestamp with time zone",
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
