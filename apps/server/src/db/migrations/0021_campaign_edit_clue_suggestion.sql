ALTER TABLE "campaign_clues" ADD COLUMN "suggestion_id" uuid;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaign_clues" ADD CONSTRAINT "campaign_clues_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_clues_suggestion_idx" ON "campaign_clues" USING btree ("suggestion_id") WHERE "campaign_clues"."suggestion_id" IS NOT NULL;