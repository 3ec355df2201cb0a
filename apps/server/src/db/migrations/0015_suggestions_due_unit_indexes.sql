DROP INDEX "suggestion_assignments_unit_idx";--> statement-breakpoint
DROP INDEX "suggestions_due_idx";--> statement-breakpoint
CREATE INDEX "suggestion_assignments_unit_idx" ON "suggestion_assignments" USING btree ("unit_id","role","state","suggestion_id");--> statement-breakpoint
CREATE INDEX "suggestions_due_idx" ON "suggestions" USING btree ("session_id","due_at","body_id","state") WHERE "suggestions"."state" IN ('handling', 'rehandling', 'assigned', 'reassignment_requested');