CREATE TABLE "major_matter_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"title" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"report" text,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "major_matters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"title" text NOT NULL,
	"proposer" text NOT NULL,
	"proposal" text NOT NULL,
	"threshold" varchar(16) DEFAULT 'more_than_half' NOT NULL,
	"evaluation" text,
	"evaluated_at" timestamp with time zone,
	"meeting_id" uuid,
	"agenda_item_id" uuid,
	"resolution" text,
	"result_text" text,
	"state" varchar(16) DEFAULT 'proposed' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "meeting_attendees" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"role" varchar(16) NOT NULL,
	"deputy_id" uuid,
	"unit_id" uuid,
	"name" text NOT NULL,
	"reporter" text,
	"response" varchar(16) DEFAULT 'pending' NOT NULL,
	"leave_reason" text,
	"responded_at" timestamp with time zone,
	"signed_in_at" timestamp with time zone,
	"sign_in_way" varchar(8),
	"signed_in_by" uuid,
	"left_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" varchar(32) NOT NULL,
	"title" text NOT NULL,
	"presenter" text,
	"description" text,
	"link_module" varchar(24),
	"link_id" varchar(64),
	"link_title" text,
	"to_vote" boolean DEFAULT false NOT NULL,
	"threshold" varchar(16) DEFAULT 'more_than_half' NOT NULL,
	"vote_id" uuid,
	"secret" boolean,
	"outcome" varchar(8),
	"result_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"kind" varchar(24) NOT NULL,
	"mid_year" boolean DEFAULT false NOT NULL,
	"number" integer NOT NULL,
	"term" varchar(16) NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"place" text NOT NULL,
	"note" text,
	"state" varchar(16) DEFAULT 'planned' NOT NULL,
	"sign_in_code" varchar(24) NOT NULL,
	"materials_published_at" timestamp with time zone,
	"duty_record_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "major_matter_tasks" ADD CONSTRAINT "major_matter_tasks_matter_id_major_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."major_matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_matter_tasks" ADD CONSTRAINT "major_matter_tasks_unit_id_handling_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_matters" ADD CONSTRAINT "major_matters_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_matters" ADD CONSTRAINT "major_matters_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_matters" ADD CONSTRAINT "major_matters_agenda_item_id_meeting_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."meeting_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_matters" ADD CONSTRAINT "major_matters_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_unit_id_handling_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_signed_in_by_users_id_fk" FOREIGN KEY ("signed_in_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_items" ADD CONSTRAINT "meeting_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "major_matter_tasks_matter_idx" ON "major_matter_tasks" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "major_matters_body_idx" ON "major_matters" USING btree ("body_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendees_deputy_unique" ON "meeting_attendees" USING btree ("meeting_id","deputy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendees_unit_unique" ON "meeting_attendees" USING btree ("meeting_id","unit_id");--> statement-breakpoint
CREATE INDEX "meeting_attendees_deputy_idx" ON "meeting_attendees" USING btree ("deputy_id");--> statement-breakpoint
CREATE INDEX "meeting_items_meeting_idx" ON "meeting_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_items_vote_unique" ON "meeting_items" USING btree ("vote_id");--> statement-breakpoint
CREATE INDEX "meetings_body_idx" ON "meetings" USING btree ("body_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_body_kind_number_unique" ON "meetings" USING btree ("body_id","kind","term","number");