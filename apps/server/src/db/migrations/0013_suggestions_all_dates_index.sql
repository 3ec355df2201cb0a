DROP INDEX "suggestions_updated_idx";--> statement-breakpoint
DROP INDEX "suggestions_key_idx";--> statement-breakpoint
CREATE INDEX "suggestions_updated_all_idx" ON "suggestions" USING btree ("updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST,"body_id","state");--> statement-breakpoint
CREATE INDEX "suggestions_key_all_idx" ON "suggestions" USING btree ("updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST,"body_id","state","session_id") WHERE "suggestions"."is_key";