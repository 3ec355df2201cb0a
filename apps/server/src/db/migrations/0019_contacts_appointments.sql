CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"deputy_id" uuid NOT NULL,
	"group_id" uuid,
	"unit_id" uuid NOT NULL,
	"official" text NOT NULL,
	"topic" text NOT NULL,
	"reason" text NOT NULL,
	"state" varchar(16) DEFAULT 'requested' NOT NULL,
	"decline_reason" text,
	"scheduled_at" timestamp with time zone,
	"place" text,
	"attendees" text,
	"meeting_notes" text,
	"held_on" date,
	"duty_record_id" uuid,
	"commitment" text,
	"follow_up" text,
	"rating" varchar(24),
	"rating_comment" text,
	"cancel_reason" text,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "contact_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"year" integer NOT NULL,
	"deputy_id" uuid NOT NULL,
	"member_id" uuid,
	"voter_name" text,
	"voter_phone_masked" varchar(16),
	"region_code" varchar(12),
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_links_kind_check" CHECK (("contact_links"."kind" = 'member_deputy' AND "contact_links"."member_id" IS NOT NULL) OR ("contact_links"."kind" = 'deputy_voter' AND "contact_links"."voter_name" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "contact_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"link_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"way" varchar(16) NOT NULL,
	"content" text NOT NULL,
	"raised" text,
	"duty_record_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_group_id_deputy_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."deputy_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_unit_id_handling_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_duty_record_id_duty_records_id_fk" FOREIGN KEY ("duty_record_id") REFERENCES "public"."duty_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_links" ADD CONSTRAINT "contact_links_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_links" ADD CONSTRAINT "contact_links_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_links" ADD CONSTRAINT "contact_links_member_id_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_links" ADD CONSTRAINT "contact_links_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_links" ADD CONSTRAINT "contact_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_records" ADD CONSTRAINT "contact_records_link_id_contact_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."contact_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_records" ADD CONSTRAINT "contact_records_duty_record_id_duty_records_id_fk" FOREIGN KEY ("duty_record_id") REFERENCES "public"."duty_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_records" ADD CONSTRAINT "contact_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_body_idx" ON "appointments" USING btree ("body_id","state");--> statement-breakpoint
CREATE INDEX "appointments_deputy_idx" ON "appointments" USING btree ("deputy_id");--> statement-breakpoint
CREATE INDEX "appointments_unit_idx" ON "appointments" USING btree ("unit_id","state");--> statement-breakpoint
CREATE INDEX "contact_links_body_year_idx" ON "contact_links" USING btree ("body_id","year","kind");--> statement-breakpoint
CREATE INDEX "contact_links_deputy_idx" ON "contact_links" USING btree ("deputy_id","year");--> statement-breakpoint
CREATE INDEX "contact_links_member_idx" ON "contact_links" USING btree ("member_id","year");--> statement-breakpoint
CREATE INDEX "contact_records_link_idx" ON "contact_records" USING btree ("link_id","occurred_on");