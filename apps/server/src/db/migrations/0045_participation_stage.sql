ALTER TABLE "supervision_visits" ADD COLUMN "stage" varchar(16);--> statement-breakpoint
-- Before participation was kept by stage only field visits were recorded, and each kind has exactly one stage
-- where deputies go out: the visit belongs to it.
UPDATE "supervision_visits" AS v SET "stage" = CASE i."kind"
  WHEN 'law_inspection' THEN 'field_inspection'
  WHEN 'major_project' THEN 'quarterly'
  WHEN 'work_evaluation' THEN 'investigation'
  ELSE 'research'
END
FROM "supervision_items" AS i WHERE i."id" = v."item_id" AND v."stage" IS NULL;--> statement-breakpoint
ALTER TABLE "supervision_visits" ALTER COLUMN "stage" SET NOT NULL;
