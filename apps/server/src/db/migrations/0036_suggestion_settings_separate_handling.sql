CREATE TABLE "suggestion_settings" (
	"body_id" uuid PRIMARY KEY NOT NULL,
	"reply_letter_mode" varchar(8) NOT NULL,
	"reply_categories" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "handling_mode" varchar(12) DEFAULT 'lead_joint' NOT NULL;--> statement-breakpoint
ALTER TABLE "suggestion_settings" ADD CONSTRAINT "suggestion_settings_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;