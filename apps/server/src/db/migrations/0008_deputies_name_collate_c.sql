DROP INDEX "deputies_body_name_idx";--> statement-breakpoint
DROP INDEX "deputies_name_idx";--> statement-breakpoint
CREATE INDEX "deputies_body_name_c_idx" ON "deputies" USING btree ("body_id","name" COLLATE "C","id");--> statement-breakpoint
CREATE INDEX "deputies_name_c_idx" ON "deputies" USING btree ("name" COLLATE "C","id");