CREATE TABLE "assessment_results" (
	"body_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"deputy_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"rank" integer NOT NULL,
	"of" integer NOT NULL,
	"detail" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assessment_results_body_id_year_deputy_id_pk" PRIMARY KEY("body_id","year","deputy_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_weights" (
	"body_id" uuid NOT NULL,
	"kind" varchar(24) NOT NULL,
	"points" integer NOT NULL,
	"yearly_cap" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_weights_body_id_kind_pk" PRIMARY KEY("body_id","kind")
);
--> statement-breakpoint
CREATE TABLE "deputy_group_members" (
	"group_id" uuid NOT NULL,
	"deputy_id" uuid NOT NULL,
	"group_kind" varchar(16) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deputy_group_members_group_id_deputy_id_pk" PRIMARY KEY("group_id","deputy_id")
);
--> statement-breakpoint
CREATE TABLE "deputy_groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"term" varchar(16) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"name" text NOT NULL,
	"field" varchar(24),
	"region_code" varchar(12),
	"leader_id" uuid,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_participants" (
	"record_id" uuid NOT NULL,
	"deputy_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"kind" varchar(24) NOT NULL,
	"grid_cell" boolean DEFAULT false NOT NULL,
	CONSTRAINT "duty_participants_record_id_deputy_id_pk" PRIMARY KEY("record_id","deputy_id")
);
--> statement-breakpoint
CREATE TABLE "duty_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"kind" varchar(24) NOT NULL,
	"occurred_on" date NOT NULL,
	"place" text,
	"title" text NOT NULL,
	"description" text,
	"voters_received" integer DEFAULT 0 NOT NULL,
	"grid_cell_id" uuid,
	"source" varchar(12) NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "grid_cell_deputies" (
	"cell_id" uuid NOT NULL,
	"deputy_id" uuid NOT NULL,
	CONSTRAINT "grid_cell_deputies_cell_id_deputy_id_pk" PRIMARY KEY("cell_id","deputy_id")
);
--> statement-breakpoint
CREATE TABLE "grid_cells" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_concerns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"content" text NOT NULL,
	"visitor_name" text,
	"visitor_phone" varchar(20),
	"resolved_on_site" boolean DEFAULT false NOT NULL,
	"opinion_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"rota_id" uuid,
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"responsible_name" text NOT NULL,
	"committee" text,
	"voters_received" integer DEFAULT 0 NOT NULL,
	"notes" text,
	"state" varchar(12) DEFAULT 'open' NOT NULL,
	"duty_record_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reception_signins" (
	"session_id" uuid NOT NULL,
	"deputy_id" uuid NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reception_signins_session_id_deputy_id_pk" PRIMARY KEY("session_id","deputy_id")
);
--> statement-breakpoint
CREATE TABLE "station_rota" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"day" date NOT NULL,
	"start_time" varchar(5) NOT NULL,
	"end_time" varchar(5) NOT NULL,
	"topic" text NOT NULL,
	"responsible_name" text NOT NULL,
	"responsible_phone" varchar(20),
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "station_rota_deputies" (
	"rota_id" uuid NOT NULL,
	"deputy_id" uuid NOT NULL,
	CONSTRAINT "station_rota_deputies_rota_id_deputy_id_pk" PRIMARY KEY("rota_id","deputy_id")
);
--> statement-breakpoint
ALTER TABLE "deputies" ADD COLUMN "post" text;--> statement-breakpoint
ALTER TABLE "deputies" ADD COLUMN "public_contact" text;--> statement-breakpoint
ALTER TABLE "deputies" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "deputies" ADD COLUMN "photo_attachment_id" uuid;--> statement-breakpoint
ALTER TABLE "deputies" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_results" ADD CONSTRAINT "assessment_results_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_weights" ADD CONSTRAINT "assessment_weights_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deputy_group_members" ADD CONSTRAINT "deputy_group_members_group_id_deputy_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."deputy_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deputy_group_members" ADD CONSTRAINT "deputy_group_members_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deputy_groups" ADD CONSTRAINT "deputy_groups_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deputy_groups" ADD CONSTRAINT "deputy_groups_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deputy_groups" ADD CONSTRAINT "deputy_groups_leader_id_deputies_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_participants" ADD CONSTRAINT "duty_participants_record_id_duty_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."duty_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_participants" ADD CONSTRAINT "duty_participants_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_records" ADD CONSTRAINT "duty_records_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_records" ADD CONSTRAINT "duty_records_grid_cell_id_grid_cells_id_fk" FOREIGN KEY ("grid_cell_id") REFERENCES "public"."grid_cells"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_records" ADD CONSTRAINT "duty_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_cell_deputies" ADD CONSTRAINT "grid_cell_deputies_cell_id_grid_cells_id_fk" FOREIGN KEY ("cell_id") REFERENCES "public"."grid_cells"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_cell_deputies" ADD CONSTRAINT "grid_cell_deputies_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_cells" ADD CONSTRAINT "grid_cells_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_cells" ADD CONSTRAINT "grid_cells_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_concerns" ADD CONSTRAINT "reception_concerns_session_id_reception_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."reception_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_sessions" ADD CONSTRAINT "reception_sessions_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_sessions" ADD CONSTRAINT "reception_sessions_rota_id_station_rota_id_fk" FOREIGN KEY ("rota_id") REFERENCES "public"."station_rota"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_sessions" ADD CONSTRAINT "reception_sessions_duty_record_id_duty_records_id_fk" FOREIGN KEY ("duty_record_id") REFERENCES "public"."duty_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_sessions" ADD CONSTRAINT "reception_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_signins" ADD CONSTRAINT "reception_signins_session_id_reception_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."reception_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_signins" ADD CONSTRAINT "reception_signins_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_rota" ADD CONSTRAINT "station_rota_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_rota_deputies" ADD CONSTRAINT "station_rota_deputies_rota_id_station_rota_id_fk" FOREIGN KEY ("rota_id") REFERENCES "public"."station_rota"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_rota_deputies" ADD CONSTRAINT "station_rota_deputies_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_results_deputy_idx" ON "assessment_results" USING btree ("deputy_id","year");--> statement-breakpoint
CREATE INDEX "deputy_group_members_deputy_idx" ON "deputy_group_members" USING btree ("deputy_id","group_kind");--> statement-breakpoint
CREATE UNIQUE INDEX "deputy_groups_body_term_name_unique" ON "deputy_groups" USING btree ("body_id","term","name");--> statement-breakpoint
CREATE INDEX "duty_participants_deputy_date_idx" ON "duty_participants" USING btree ("deputy_id","occurred_on","kind");--> statement-breakpoint
CREATE INDEX "duty_records_body_date_idx" ON "duty_records" USING btree ("body_id","occurred_on");--> statement-breakpoint
CREATE INDEX "grid_cell_deputies_deputy_idx" ON "grid_cell_deputies" USING btree ("deputy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grid_cells_body_region_unique" ON "grid_cells" USING btree ("body_id","region_code");--> statement-breakpoint
CREATE INDEX "reception_concerns_session_idx" ON "reception_concerns" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "reception_sessions_station_idx" ON "reception_sessions" USING btree ("station_id","held_on");--> statement-breakpoint
CREATE INDEX "station_rota_station_day_idx" ON "station_rota" USING btree ("station_id","day");--> statement-breakpoint
CREATE INDEX "station_rota_day_idx" ON "station_rota" USING btree ("day");--> statement-breakpoint
CREATE INDEX "station_rota_deputies_deputy_idx" ON "station_rota_deputies" USING btree ("deputy_id");--> statement-breakpoint
CREATE INDEX "deputies_body_name_idx" ON "deputies" USING btree ("body_id","name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "deputies_name_idx" ON "deputies" USING btree ("name" text_pattern_ops,"id");--> statement-breakpoint
CREATE UNIQUE INDEX "deputies_body_term_person_unique" ON "deputies" USING btree ("body_id","term","person_key");--> statement-breakpoint
CREATE UNIQUE INDEX "deputies_user_unique" ON "deputies" USING btree ("user_id");