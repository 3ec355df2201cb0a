CREATE TABLE "campaign_clue_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"clue_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" varchar(24) NOT NULL,
	"from_status" varchar(16),
	"to_status" varchar(16),
	"actor_id" uuid,
	"actor_name" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "campaign_clues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" varchar(16) NOT NULL,
	"content" text NOT NULL,
	"location" text,
	"visit_id" uuid,
	"found_on" date NOT NULL,
	"status" varchar(16) NOT NULL,
	"handling_unit_id" uuid,
	"transfer_level" varchar(16),
	"transfer_note" text,
	"first_transferred_at" timestamp with time zone,
	"transferred_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"rectification_note" text,
	"rectified_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_team_members" (
	"team_id" uuid NOT NULL,
	"deputy_id" uuid NOT NULL,
	CONSTRAINT "campaign_team_members_team_id_deputy_id_pk" PRIMARY KEY("team_id","deputy_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_teams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"name" text NOT NULL,
	"area" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_visit_deputies" (
	"visit_id" uuid NOT NULL,
	"deputy_id" uuid NOT NULL,
	CONSTRAINT "campaign_visit_deputies_visit_id_deputy_id_pk" PRIMARY KEY("visit_id","deputy_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"team_id" uuid,
	"visited_on" date NOT NULL,
	"place" text NOT NULL,
	"summary" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"title" text NOT NULL,
	"theme" text NOT NULL,
	"description" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_clue_events" ADD CONSTRAINT "campaign_clue_events_clue_id_campaign_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."campaign_clues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_clues" ADD CONSTRAINT "campaign_clues_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_clues" ADD CONSTRAINT "campaign_clues_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_clues" ADD CONSTRAINT "campaign_clues_visit_id_campaign_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."campaign_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_clues" ADD CONSTRAINT "campaign_clues_handling_unit_id_handling_units_id_fk" FOREIGN KEY ("handling_unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_team_members" ADD CONSTRAINT "campaign_team_members_team_id_campaign_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."campaign_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_team_members" ADD CONSTRAINT "campaign_team_members_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_teams" ADD CONSTRAINT "campaign_teams_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_visit_deputies" ADD CONSTRAINT "campaign_visit_deputies_visit_id_campaign_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."campaign_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_visit_deputies" ADD CONSTRAINT "campaign_visit_deputies_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_visits" ADD CONSTRAINT "campaign_visits_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_visits" ADD CONSTRAINT "campaign_visits_team_id_campaign_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."campaign_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_clue_events_clue_idx" ON "campaign_clue_events" USING btree ("clue_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_clues_seq_unique" ON "campaign_clues" USING btree ("campaign_id","seq");--> statement-breakpoint
CREATE INDEX "campaign_clues_found_idx" ON "campaign_clues" USING btree ("campaign_id","found_on");--> statement-breakpoint
CREATE INDEX "campaign_clues_unit_idx" ON "campaign_clues" USING btree ("handling_unit_id","status") WHERE "campaign_clues"."handling_unit_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_teams_name_unique" ON "campaign_teams" USING btree ("campaign_id","name");--> statement-breakpoint
CREATE INDEX "campaign_visits_campaign_idx" ON "campaign_visits" USING btree ("campaign_id","visited_on");--> statement-breakpoint
CREATE INDEX "campaigns_body_idx" ON "campaigns" USING btree ("body_id","starts_on" DESC NULLS LAST);