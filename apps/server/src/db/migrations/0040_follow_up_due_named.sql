ALTER TABLE "follow_up_tasks" ADD COLUMN "due_named" boolean;--> statement-breakpoint
-- A task counted in working days was counted by a rule; the others set before now stay unknown (NULL).
UPDATE "follow_up_tasks" SET "due_named" = false WHERE "due_working_days" IS NOT NULL;