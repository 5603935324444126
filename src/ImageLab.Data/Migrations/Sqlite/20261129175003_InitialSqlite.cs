using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace ImageLab.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialSqlite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analyzed_layers",
                columns: table => new
                {
                    diff_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    uncompressed_size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    compressed_size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    compressed_size_source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    blob_compression = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    content_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    file_count = table.Column<int>(type: "INTEGER", nullable: false),
                    directory_count = table.Column<int>(type: "INTEGER", nullable: false),
                    symlink_count = table.Column<int>(type: "INTEGER", nullable: false),
                    hard_link_count = table.Column<int>(type: "INTEGER", nullable: false),
                    whiteout_count = table.Column<int>(type: "INTEGER", nullable: false),
                    entry_count = table.Column<int>(type: "INTEGER", nullable: false),
                    largest_files_json = table.Column<string>(type: "TEXT", nullable: false),
                    warnings_json = table.Column<string>(type: "TEXT", nullable: false),
                    entries_format = table.Column<int>(type: "INTEGER", nullable: false),
                    entries = table.Column<byte[]>(type: "BLOB", nullable: false),
                    analyzed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analyzed_layers", x => x.diff_id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    target = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_projects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    disabled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    lockout_end = table.Column<long>(type: "INTEGER", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    access_failed_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "layer_analysis_aliases",
                columns: table => new
                {
                    alias = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    diff_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_layer_analysis_aliases", x => x.alias);
                    table.ForeignKey(
                        name: "fk_layer_analysis_aliases_analyzed_layers_diff_id",
                        column: x => x.diff_id,
                        principalTable: "analyzed_layers",
                        principalColumn: "diff_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "experiments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    project_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    submitted_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    builder = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    build_args = table.Column<string>(type: "TEXT", nullable: false),
                    secret_build_args = table.Column<string>(type: "TEXT", nullable: false),
                    requests_network = table.Column<bool>(type: "INTEGER", nullable: false),
                    context_size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    images_removed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_experiments", x => x.id);
                    table.ForeignKey(
                        name: "fk_experiments_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    role_id = table.Column<string>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_claims_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "api_tokens",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    token_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_used_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_api_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    provider_key = table.Column<string>(type: "TEXT", nullable: false),
                    provider_display_name = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    role_id = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_user_roles_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_roles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "TEXT", nullable: false),
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "context_chunks",
                columns: table => new
                {
                    experiment_id = table.Column<long>(type: "INTEGER", nullable: false),
                    index = table.Column<int>(type: "INTEGER", nullable: false),
                    data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_context_chunks", x => new { x.experiment_id, x.index });
                    table.ForeignKey(
                        name: "fk_context_chunks_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    experiment_id = table.Column<long>(type: "INTEGER", nullable: false),
                    iteration_id = table.Column<long>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    step = table.Column<int>(type: "INTEGER", nullable: true),
                    total_steps = table.Column<int>(type: "INTEGER", nullable: true),
                    cached = table.Column<bool>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.sequence);
                    table.ForeignKey(
                        name: "fk_events_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "experiment_labels",
                columns: table => new
                {
                    experiment_id = table.Column<long>(type: "INTEGER", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "iterations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    experiment_id = table.Column<long>(type: "INTEGER", nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    dockerfile_path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    dockerfile_text = table.Column<string>(type: "TEXT", nullable: false),
                    builder = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    image_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    image_tag = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    size_bytes = table.Column<long>(type: "INTEGER", nullable: true),
                    build_seconds = table.Column<double>(type: "REAL", nullable: true),
                    total_steps = table.Column<int>(type: "INTEGER", nullable: false),
                    completed_steps = table.Column<int>(type: "INTEGER", nullable: false),
                    cached_steps = table.Column<int>(type: "INTEGER", nullable: false),
                    engine = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    failure_reason = table.Column<string>(type: "TEXT", nullable: true),
                    queued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: true),
                    finished_at = table.Column<long>(type: "INTEGER", nullable: true),
                    lease_owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    lease_expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    cancel_requested = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_iterations", x => x.id);
                    table.ForeignKey(
                        name: "fk_iterations_experiments_experiment_id",
                        column: x => x.experiment_id,
                        principalTable: "experiments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "iteration_analyses",
                columns: table => new
                {
                    iteration_id = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    failure_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    analyzed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    duration_seconds = table.Column<double>(type: "REAL", nullable: false),
                    layers_analyzed = table.Column<int>(type: "INTEGER", nullable: false),
                    layers_from_cache = table.Column<int>(type: "INTEGER", nullable: false),
                    first_own_layer_index = table.Column<int>(type: "INTEGER", nullable: false),
                    compressed_size_estimated = table.Column<bool>(type: "INTEGER", nullable: false),
                    file_count = table.Column<int>(type: "INTEGER", nullable: false),
                    uncompressed_size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    compressed_size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    content_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    wasted_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    wasted_percent = table.Column<double>(type: "REAL", nullable: false),
                    user_wasted_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    user_wasted_percent = table.Column<double>(type: "REAL", nullable: false),
                    dive_efficiency = table.Column<double>(type: "REAL", nullable: false),
                    dive_wasted_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    dive_user_wasted_percent = table.Column<double>(type: "REAL", nullable: false),
                    findings_json = table.Column<string>(type: "TEXT", nullable: false),
                    warnings_json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_iteration_analyses", x => x.iteration_id);
                    table.ForeignKey(
                        name: "fk_iteration_analyses_iterations_iteration_id",
                        column: x => x.iteration_id,
                        principalTable: "iterations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "layers",
                columns: table => new
                {
                    iteration_id = table.Column<long>(type: "INTEGER", nullable: false),
                    index = table.Column<int>(type: "INTEGER", nullable: false),
                    history_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_by = table.Column<string>(type: "TEXT", nullable: false),
                    size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    comment = table.Column<string>(type: "TEXT", nullable: false),
                    empty_layer = table.Column<bool>(type: "INTEGER", nullable: false),
                    from_base_image = table.Column<bool>(type: "INTEGER", nullable: false),
                    instruction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    line = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_layers", x => new { x.iteration_id, x.index });
                    table.ForeignKey(
                        name: "fk_layers_iterations_iteration_id",
                        column: x => x.iteration_id,
                        principalTable: "iterations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "iteration_analysis_layers",
                columns: table => new
                {
                    iteration_id = table.Column<long>(type: "INTEGER", nullable: false),
                    index = table.Column<int>(type: "INTEGER", nullable: false),
                    diff_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    history_index = table.Column<int>(type: "INTEGER", nullable: true),
                    created_by = table.Column<string>(type: "TEXT", nullable: true),
                    is_base_layer = table.Column<bool>(type: "INTEGER", nullable: false),
                    added_file_count = table.Column<int>(type: "INTEGER", nullable: false),
                    added_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    modified_file_count = table.Column<int>(type: "INTEGER", nullable: false),
                    modified_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    deleted_file_count = table.Column<int>(type: "INTEGER", nullable: false),
                    deleted_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    wasted_bytes = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_iteration_analysis_layers", x => new { x.iteration_id, x.index });
                    table.ForeignKey(
                        name: "fk_iteration_analysis_layers_analyzed_layers_diff_id",
                        column: x => x.diff_id,
                        principalTable: "analyzed_layers",
                        principalColumn: "diff_id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_iteration_analysis_layers_iteration_analyses_iteration_id",
                        column: x => x.iteration_id,
                        principalTable: "iteration_analyses",
                        principalColumn: "iteration_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "roles",
                columns: new[] { "id", "concurrency_stamp", "name", "normalized_name" },
                values: new object[,]
                {
                    { "admin", "admin", "admin", "ADMIN" },
                    { "member", "member", "member", "MEMBER" },
                    { "viewer", "viewer", "viewer", "VIEWER" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_tokens_token_hash",
                table: "api_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_tokens_user_id",
                table: "api_tokens",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_at",
                table: "audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_events_experiment_id_sequence",
                table: "events",
                columns: new[] { "experiment_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_events_iteration_id_type_sequence",
                table: "events",
                columns: new[] { "iteration_id", "type", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_experiment_labels_key_value_experiment_id",
                table: "experiment_labels",
                columns: new[] { "key", "value", "experiment_id" });

            migrationBuilder.CreateIndex(
                name: "ix_experiments_created_at",
                table: "experiments",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_experiments_project_id_created_at",
                table: "experiments",
                columns: new[] { "project_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_experiments_status_created_at",
                table: "experiments",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_experiments_submitted_by_created_at",
                table: "experiments",
                columns: new[] { "submitted_by", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_iteration_analysis_layers_diff_id",
                table: "iteration_analysis_layers",
                column: "diff_id");

            migrationBuilder.CreateIndex(
                name: "ix_iterations_experiment_id_ordinal",
                table: "iterations",
                columns: new[] { "experiment_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_iterations_lease_expires_at",
                table: "iterations",
                column: "lease_expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_iterations_status_queued_at",
                table: "iterations",
                columns: new[] { "status", "queued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_layer_analysis_aliases_diff_id",
                table: "layer_analysis_aliases",
                column: "diff_id");

            migrationBuilder.CreateIndex(
                name: "ix_projects_name",
                table: "projects",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_roles_role_id",
                table: "user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "users",
                column: "normalized_user_name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_tokens");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "context_chunks");

            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropTable(
                name: "experiment_labels");

            migrationBuilder.DropTable(
                name: "iteration_analysis_layers");

            migrationBuilder.DropTable(
                name: "layer_analysis_aliases");

            migrationBuilder.DropTable(
                name: "layers");

            migrationBuilder.DropTable(
                name: "role_claims");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "iteration_analyses");

            migrationBuilder.DropTable(
                name: "analyzed_layers");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "iterations");

            migrationBuilder.DropTable(
                name: "experiments");

            migrationBuilder.DropTable(
                name: "projects");
        }
    }
}
