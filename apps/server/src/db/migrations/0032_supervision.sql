CREATE TABLE "joint_meeting_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"content" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "joint_meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text,
	"agenda" jsonb NOT NULL,
	"attendees" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" varchar(24) NOT NULL,
	"from_status" varchar(16),
	"to_status" varchar(16),
	"actor_id" uuid,
	"actor_name" text,
	"note" text,
	"item_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_item_deputies" (
	"item_id" uuid NOT NULL,
	"deputy_id" uuid NOT NULL,
	CONSTRAINT "supervision_item_deputies_item_id_deputy_id_pk" PRIMARY KEY("item_id","deputy_id")
);
--> statement-breakpoint
CREATE TABLE "supervision_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" varchar(16) NOT NULL,
	"subject" text NOT NULL,
	"committee" text NOT NULL,
	"organ_unit_id" uuid NOT NULL,
	"meeting" text,
	"meeting_on" date,
	"stage" varchar(16) NOT NULL,
	"stage_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"next_point_seq" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"state" varchar(16) NOT NULL,
	"adopted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_points" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"round" integer NOT NULL,
	"source" varchar(12) NOT NULL,
	"content" text NOT NULL,
	"organ_unit_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"state" varchar(16) NOT NULL,
	"evidence" text,
	"answered_at" timestamp with time zone,
	"judgement" text,
	"judged_at" timestamp with time zone,
	"previous_point_id" uuid,
	"escalated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_questions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"question" text NOT NULL,
	"asker_kind" varchar(8) NOT NULL,
	"asker_name" text NOT NULL,
	"official_name" text,
	"answer" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"stage" varchar(16) NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"period" varchar(8),
	"submitted_by" uuid,
	"submitted_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"stage" varchar(16) NOT NULL,
	"title" text NOT NULL,
	"responsible" text NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"place" text NOT NULL,
	"summary" text,
	"deputy_ids" jsonb NOT NULL,
	"duty_record_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "joint_meeting_decisions" ADD CONSTRAINT "joint_meeting_decisions_meeting_id_joint_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."joint_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_meetings" ADD CONSTRAINT "joint_meetings_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_events" ADD CONSTRAINT "supervision_events_item_id_supervision_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."supervision_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_item_deputies" ADD CONSTRAINT "supervision_item_deputies_item_id_supervision_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."supervision_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_item_deputies" ADD CONSTRAINT "supervision_item_deputies_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_items" ADD CONSTRAINT "supervision_items_plan_id_supervision_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."supervision_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_items" ADD CONSTRAINT "supervision_items_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_items" ADD CONSTRAINT "supervision_items_organ_unit_id_handling_units_id_fk" FOREIGN KEY ("organ_unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_plans" ADD CONSTRAINT "supervision_plans_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_points" ADD CONSTRAINT "supervision_points_item_id_supervision_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."supervision_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_points" ADD CONSTRAINT "supervision_points_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_points" ADD CONSTRAINT "supervision_points_organ_unit_id_handling_units_id_fk" FOREIGN KEY ("organ_unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_questions" ADD CONSTRAINT "supervision_questions_item_id_supervision_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."supervision_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_reports" ADD CONSTRAINT "supervision_reports_item_id_supervision_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."supervision_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_tasks" ADD CONSTRAINT "supervision_tasks_item_id_supervision_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."supervision_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_visits" ADD CONSTRAINT "supervision_visits_item_id_supervision_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."supervision_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "joint_meeting_decisions_meeting_idx" ON "joint_meeting_decisions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "joint_meetings_body_idx" ON "joint_meetings" USING btree ("body_id","held_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "supervision_events_item_idx" ON "supervision_events" USING btree ("item_id","created_at");--> statement-breakpoint
CREATE INDEX "supervision_item_deputies_deputy_idx" ON "supervision_item_deputies" USING btree ("deputy_id");--> statement-breakpoint
CREATE INDEX "supervision_items_body_year_idx" ON "supervision_items" USING btree ("body_id","year" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "supervision_items_plan_idx" ON "supervision_items" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "supervision_items_organ_idx" ON "supervision_items" USING btree ("organ_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_plans_body_year_unique" ON "supervision_plans" USING btree ("body_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_points_seq_unique" ON "supervision_points" USING btree ("item_id","seq");--> statement-breakpoint
CREATE INDEX "supervision_points_body_idx" ON "supervision_points" USING btree ("body_id","state","due_on");--> statement-breakpoint
CREATE INDEX "supervision_points_organ_idx" ON "supervision_points" USING btree ("organ_unit_id","state");--> statement-breakpoint
CREATE INDEX "supervision_points_open_due_idx" ON "supervision_points" USING btree ("due_on") WHERE "supervision_points"."state" = 'open' AND "supervision_points"."escalated_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_questions_seq_unique" ON "supervision_questions" USING btree ("item_id","seq");--> statement-breakpoint
CREATE INDEX "supervision_reports_item_idx" ON "supervision_reports" USING btree ("item_id","created_at");--> statement-breakpoint
CREATE INDEX "supervision_tasks_item_idx" ON "supervision_tasks" USING btree ("item_id","due_on");--> statement-breakpoint
CREATE INDEX "supervision_visits_item_idx" ON "supervision_visits" USING btree ("item_id","visited_on");