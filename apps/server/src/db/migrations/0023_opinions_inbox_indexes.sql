DROP INDEX "opinions_unit_status_idx";--> statement-breakpoint
DROP INDEX "opinions_created_idx";--> statement-breakpoint
DROP INDEX "opinions_body_status_created_idx";--> statement-breakpoint
CREATE INDEX "opinions_unit_created_idx" ON "opinions" USING btree ("handling_unit_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST,"status","category_code","due_at","body_id") WHERE "opinions"."handling_unit_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "opinions_created_idx" ON "opinions" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST,"body_id","status","category_code","handling_unit_id","due_at");--> statement-breakpoint
CREATE INDEX "opinions_body_status_created_idx" ON "opinions" USING btree ("body_id","status","created_at" DESC NULLS LAST,"category_code","due_at","handling_unit_id");