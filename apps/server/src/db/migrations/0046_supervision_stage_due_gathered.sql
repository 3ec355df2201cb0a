ALTER TABLE "supervision_questions" ALTER COLUMN "asker_kind" SET DATA TYPE varchar(16);--> statement-breakpoint
ALTER TABLE "supervision_items" ADD COLUMN "stage_due_on" date;--> statement-breakpoint
ALTER TABLE "supervision_items" ADD COLUMN "stage_due_reason" text;--> statement-breakpoint
ALTER TABLE "supervision_questions" ADD COLUMN "kind" varchar(12) DEFAULT 'question' NOT NULL;--> statement-breakpoint
ALTER TABLE "supervision_questions" ADD COLUMN "gathered_on" date;--> statement-breakpoint
CREATE INDEX "supervision_items_stage_due_idx" ON "supervision_items" USING btree ("stage_due_on") WHERE "supervision_items"."stage_due_on" IS NOT NULL AND "supervision_items"."stage" <> 'closed';--> statement-breakpoint
-- Items already in a stage with a rule get its default date (a body's own setting applies from the next stage).
UPDATE "supervision_items" SET "stage_due_on" = "meeting_on" - 20 WHERE "kind" = 'special_report' AND "stage" = 'draft_report' AND "meeting_on" IS NOT NULL;--> statement-breakpoint
UPDATE "supervision_items" SET "stage_due_on" = (("stage_started_at" AT TIME ZONE 'Asia/Shanghai')::date + interval '2 months')::date
  WHERE ("kind", "stage") IN (('special_report', 'handling'), ('law_inspection', 'follow_up'), ('special_inquiry', 'follow_up'), ('work_evaluation', 'rectification'));
