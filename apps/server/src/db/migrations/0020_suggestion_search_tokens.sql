DROP INDEX "suggestions_session_title_idx";--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "search_tokens" "tsvector";--> statement-breakpoint
CREATE INDEX "suggestions_search_tokens_idx" ON "suggestions" USING gin ("search_tokens");