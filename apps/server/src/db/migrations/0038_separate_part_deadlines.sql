ALTER TABLE "suggestion_assignments" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "suggestion_assignments" ADD COLUMN "replied_on_time" boolean;