using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImageLab.Data.Migrations
{
    /// <inheritdoc />
    public partial class SuggestionChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "fails_check",
                table: "suggested_transformations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "check_reason",
                table: "iterations",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "check_source_output",
                table: "iterations",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "check_status",
                table: "iterations",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "check_suggested_output",
                table: "iterations",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "check_command",
                table: "experiments",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "check_expect",
                table: "experiments",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "fails_check",
                table: "suggested_transformations");

            migrationBuilder.DropColumn(
                name: "check_reason",
                table: "iterations");

            migrationBuilder.DropColumn(
                name: "check_source_output",
                table: "iterations");

            migrationBuilder.DropColumn(
                name: "check_status",
                table: "iterations");

            migrationBuilder.DropColumn(
                name: "check_suggested_output",
                table: "iterations");

            migrationBuilder.DropColumn(
                name: "check_command",
                table: "experiments");

            migrationBuilder.DropColumn(
                name: "check_expect",
                table: "experiments");
        }
    }
}
