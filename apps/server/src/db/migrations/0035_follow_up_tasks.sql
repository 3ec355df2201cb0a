CREATE TABLE "follow_up_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"subject_type" varchar(24) NOT NULL,
	"subject_id" uuid NOT NULL,
	"origin" varchar(64),
	"title" text NOT NULL,
	"unit_id" uuid,
	"responsible" text NOT NULL,
	"due_on" date NOT NULL,
	"state" varchar(8) DEFAULT 'open' NOT NULL,
	"evidence" text,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"done_by_name" text,
	"return_reason" text,
	"overdue_notified_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- The rows of the four old task tables move here with their ids (so their audit trail still names them)
-- before those tables are dropped: a done date becomes the start of that China day.
INSERT INTO "follow_up_tasks" ("id", "body_id", "subject_type", "subject_id", "origin", "title", "unit_id", "responsible", "due_on", "state", "evidence", "done_at", "created_at")
SELECT t."id", p."body_id", 'livelihood_project', t."project_id", t."inspection_id"::text, t."content", p."unit_id", u."name", t."due_on",
  CASE WHEN t."done_on" IS NULL THEN 'open' ELSE 'done' END, t."done_note", (t."done_on"::timestamp AT TIME ZONE 'Asia/Shanghai'), t."created_at"
FROM "livelihood_tasks" t
JOIN "livelihood_projects" p ON p."id" = t."project_id"
JOIN "handling_units" u ON u."id" = p."unit_id";
--> statement-breakpoint
INSERT INTO "follow_up_tasks" ("id", "body_id", "subject_type", "subject_id", "title", "unit_id", "responsible", "due_on", "state", "evidence", "done_at", "created_at")
SELECT t."id", m."body_id", 'major_matter', t."matter_id", t."title", t."unit_id", u."name", t."due_on",
  CASE WHEN t."done_at" IS NULL THEN 'open' ELSE 'done' END, t."report", t."done_at", t."created_at"
FROM "major_matter_tasks" t
JOIN "major_matters" m ON m."id" = t."matter_id"
JOIN "handling_units" u ON u."id" = t."unit_id";
--> statement-breakpoint
INSERT INTO "follow_up_tasks" ("id", "body_id", "subject_type", "subject_id", "origin", "title", "responsible", "due_on", "state", "done_at", "created_at")
SELECT t."id", i."body_id", 'supervision_item', t."item_id", t."stage", t."title", t."responsible", t."due_on",
  CASE WHEN t."done_at" IS NULL THEN 'open' ELSE 'done' END, t."done_at", t."created_at"
FROM "supervision_tasks" t
JOIN "supervision_items" i ON i."id" = t."item_id";
--> statement-breakpoint
INSERT INTO "follow_up_tasks" ("id", "body_id", "subject_type", "subject_id", "title", "responsible", "due_on", "state", "done_at", "created_at")
SELECT d."id", m."body_id", 'joint_meeting', d."meeting_id", d."content", d."owner", d."due_on",
  CASE WHEN d."done" THEN 'done' ELSE 'open' END, CASE WHEN d."done" THEN coalesce(d."done_at", d."created_at") END, d."created_at"
FROM "joint_meeting_decisions" d
JOIN "joint_meetings" m ON m."id" = d."meeting_id";
--> statement-breakpoint
DROP TABLE "major_matter_tasks" CASCADE;--> statement-breakpoint
DROP TABLE "livelihood_tasks" CASCADE;--> statement-breakpoint
DROP TABLE "joint_meeting_decisions" CASCADE;--> statement-breakpoint
DROP TABLE "supervision_tasks" CASCADE;--> statement-breakpoint
ALTER TABLE "follow_up_tasks" ADD CONSTRAINT "follow_up_tasks_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_tasks" ADD CONSTRAINT "follow_up_tasks_unit_id_handling_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_tasks" ADD CONSTRAINT "follow_up_tasks_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_tasks" ADD CONSTRAINT "follow_up_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_up_tasks_subject_idx" ON "follow_up_tasks" USING btree ("subject_type","subject_id","due_on");--> statement-breakpoint
CREATE INDEX "follow_up_tasks_unit_idx" ON "follow_up_tasks" USING btree ("unit_id","state");--> statement-breakpoint
CREATE INDEX "follow_up_tasks_overdue_idx" ON "follow_up_tasks" USING btree ("due_on") WHERE "follow_up_tasks"."state" = 'open' AND "follow_up_tasks"."overdue_notified_at" IS NULL;