DROP TABLE "honour_voters" CASCADE;--> statement-breakpoint
DROP TABLE "honour_votes" CASCADE;--> statement-breakpoint
ALTER TABLE "honour_campaigns" ADD COLUMN "vote_id" uuid;