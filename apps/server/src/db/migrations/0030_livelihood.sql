CREATE TABLE "livelihood_cycles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"places" smallint NOT NULL,
	"state" varchar(20) DEFAULT 'soliciting' NOT NULL,
	"solicit_until" date,
	"public_code" varchar(24) NOT NULL,
	"vote_id" uuid,
	"runoff_vote_id" uuid,
	"evaluation_vote_id" uuid,
	"electorate_size" integer,
	"ballots_cast" integer,
	"mid_year_report" text,
	"mid_year_reported_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "livelihood_group_members" (
	"project_id" uuid NOT NULL,
	"deputy_id" uuid NOT NULL,
	"leader" boolean DEFAULT false NOT NULL,
	CONSTRAINT "livelihood_group_members_project_id_deputy_id_pk" PRIMARY KEY("project_id","deputy_id")
);
--> statement-breakpoint
CREATE TABLE "livelihood_inspections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"quarter" smallint NOT NULL,
	"inspected_on" date NOT NULL,
	"progress" smallint NOT NULL,
	"findings" text NOT NULL,
	"problems" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "livelihood_milestones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "livelihood_projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"name" text NOT NULL,
	"content" text NOT NULL,
	"location" text NOT NULL,
	"region_code" varchar(12),
	"budget" numeric(12, 2) NOT NULL,
	"unit_id" uuid NOT NULL,
	"target" text NOT NULL,
	"due_on" date NOT NULL,
	"category" varchar(16) NOT NULL,
	"state" varchar(16) DEFAULT 'candidate' NOT NULL,
	"votes" integer,
	"rank" smallint,
	"progress" smallint DEFAULT 0 NOT NULL,
	"satisfied" integer,
	"basic" integer,
	"dissatisfied" integer,
	"satisfaction" numeric(5, 1),
	"completion_report" text,
	"completed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "livelihood_proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"source" varchar(12) NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"location" text,
	"category" varchar(16) NOT NULL,
	"proposer_name" text,
	"proposer_phone" varchar(16),
	"tracking_code" varchar(16),
	"client_token" varchar(64),
	"opinion_id" uuid,
	"deputy_id" uuid,
	"unit_id" uuid,
	"submitted_by" uuid,
	"state" varchar(12) DEFAULT 'submitted' NOT NULL,
	"merged_into_id" uuid,
	"project_id" uuid,
	"decline_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "livelihood_settings" (
	"body_id" uuid PRIMARY KEY NOT NULL,
	"vote_threshold" varchar(16) NOT NULL,
	"vote_source" text NOT NULL,
	"evaluation_threshold" varchar(16) NOT NULL,
	"evaluation_source" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "livelihood_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inspection_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"content" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"done_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "livelihood_cycles" ADD CONSTRAINT "livelihood_cycles_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_cycles" ADD CONSTRAINT "livelihood_cycles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_group_members" ADD CONSTRAINT "livelihood_group_members_project_id_livelihood_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."livelihood_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_group_members" ADD CONSTRAINT "livelihood_group_members_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_inspections" ADD CONSTRAINT "livelihood_inspections_project_id_livelihood_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."livelihood_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_inspections" ADD CONSTRAINT "livelihood_inspections_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_milestones" ADD CONSTRAINT "livelihood_milestones_project_id_livelihood_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."livelihood_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_projects" ADD CONSTRAINT "livelihood_projects_cycle_id_livelihood_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."livelihood_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_projects" ADD CONSTRAINT "livelihood_projects_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_projects" ADD CONSTRAINT "livelihood_projects_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_projects" ADD CONSTRAINT "livelihood_projects_unit_id_handling_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_proposals" ADD CONSTRAINT "livelihood_proposals_cycle_id_livelihood_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."livelihood_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_proposals" ADD CONSTRAINT "livelihood_proposals_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_proposals" ADD CONSTRAINT "livelihood_proposals_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_proposals" ADD CONSTRAINT "livelihood_proposals_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_proposals" ADD CONSTRAINT "livelihood_proposals_unit_id_handling_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_proposals" ADD CONSTRAINT "livelihood_proposals_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_proposals" ADD CONSTRAINT "livelihood_proposals_project_id_livelihood_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."livelihood_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_settings" ADD CONSTRAINT "livelihood_settings_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_tasks" ADD CONSTRAINT "livelihood_tasks_inspection_id_livelihood_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."livelihood_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_tasks" ADD CONSTRAINT "livelihood_tasks_project_id_livelihood_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."livelihood_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "livelihood_cycles_body_year_uq" ON "livelihood_cycles" USING btree ("body_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "livelihood_cycles_public_code_uq" ON "livelihood_cycles" USING btree ("public_code");--> statement-breakpoint
CREATE INDEX "livelihood_cycles_year_idx" ON "livelihood_cycles" USING btree ("year","state");--> statement-breakpoint
CREATE INDEX "livelihood_group_deputy_idx" ON "livelihood_group_members" USING btree ("deputy_id");--> statement-breakpoint
CREATE INDEX "livelihood_inspections_project_idx" ON "livelihood_inspections" USING btree ("project_id","inspected_on");--> statement-breakpoint
CREATE INDEX "livelihood_milestones_project_idx" ON "livelihood_milestones" USING btree ("project_id","due_on");--> statement-breakpoint
CREATE INDEX "livelihood_projects_cycle_idx" ON "livelihood_projects" USING btree ("cycle_id","state");--> statement-breakpoint
CREATE INDEX "livelihood_projects_unit_idx" ON "livelihood_projects" USING btree ("unit_id","state");--> statement-breakpoint
CREATE INDEX "livelihood_projects_body_idx" ON "livelihood_projects" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "livelihood_proposals_cycle_idx" ON "livelihood_proposals" USING btree ("cycle_id","state");--> statement-breakpoint
CREATE INDEX "livelihood_proposals_project_idx" ON "livelihood_proposals" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "livelihood_proposals_tracking_uq" ON "livelihood_proposals" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "livelihood_proposals_client_token_uq" ON "livelihood_proposals" USING btree ("cycle_id","client_token");--> statement-breakpoint
CREATE INDEX "livelihood_tasks_project_idx" ON "livelihood_tasks" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "livelihood_tasks_open_idx" ON "livelihood_tasks" USING btree ("due_on","done_on");