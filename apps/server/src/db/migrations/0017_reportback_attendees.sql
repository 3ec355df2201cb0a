CREATE TABLE "report_back_attendees" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_back_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone_hash" varchar(64),
	"phone_masked" varchar(16),
	"code" varchar(8) NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_backs" ADD COLUMN "rating_mode" varchar(16) DEFAULT 'phone' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_back_attendees" ADD CONSTRAINT "report_back_attendees_report_back_id_report_backs_id_fk" FOREIGN KEY ("report_back_id") REFERENCES "public"."report_backs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_back_attendees" ADD CONSTRAINT "report_back_attendees_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_back_attendees_code_unique" ON "report_back_attendees" USING btree ("report_back_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "report_back_attendees_phone_unique" ON "report_back_attendees" USING btree ("report_back_id","phone_hash");