ALTER TABLE "attachments" ADD COLUMN "stage" varchar(24);--> statement-breakpoint
-- A supervision item's documents uploaded before they were kept by stage go under the stage the item was in
-- at the upload, read from its history (every stage move records the stage it led to); none found: no stage (其他).
UPDATE "attachments" AS a SET "stage" = (
  SELECT e."to_status" FROM "supervision_events" AS e
  WHERE e."item_id"::text = a."owner_id" AND e."to_status" IS NOT NULL AND e."created_at" <= a."created_at"
  ORDER BY e."created_at" DESC, e."id" DESC
  LIMIT 1
) WHERE a."owner_entity" = 'supervision_item' AND a."stage" IS NULL;
