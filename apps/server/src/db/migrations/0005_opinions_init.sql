CREATE TABLE "opinion_categories" (
	"body_id" uuid NOT NULL,
	"code" varchar(32) NOT NULL,
	"label" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "opinion_categories_body_id_code_pk" PRIMARY KEY("body_id","code")
);
--> statement-breakpoint
CREATE TABLE "opinion_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"opinion_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" varchar(24) NOT NULL,
	"from_status" varchar(16),
	"to_status" varchar(16),
	"actor_id" uuid,
	"actor_name" text,
	"note" text,
	"public" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"tracking_code" varchar(20) NOT NULL,
	"channel" varchar(16) NOT NULL,
	"station_id" uuid,
	"deputy_id" uuid,
	"category_code" varchar(32) NOT NULL,
	"category_label" text NOT NULL,
	"content" text NOT NULL,
	"location" text,
	"latitude" double precision,
	"longitude" double precision,
	"citizen_name" text,
	"citizen_phone" varchar(20),
	"contact_consent" boolean DEFAULT false NOT NULL,
	"status" varchar(16) NOT NULL,
	"decline_reason" text,
	"merged_into_id" uuid,
	"taken_by_deputy_id" uuid,
	"handling_unit_id" uuid,
	"route_kind" varchar(24),
	"route_note" text,
	"routed_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"return_reason" text,
	"reply_text" text,
	"replied_at" timestamp with time zone,
	"reply_approved_at" timestamp with time zone,
	"rating" varchar(24),
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"overdue_at" timestamp with time zone,
	"suggestion_id" uuid,
	"escalated_at" timestamp with time zone,
	"submit_ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "opinion_categories" ADD CONSTRAINT "opinion_categories_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_events" ADD CONSTRAINT "opinion_events_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_merged_into_id_opinions_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."opinions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_taken_by_deputy_id_deputies_id_fk" FOREIGN KEY ("taken_by_deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_handling_unit_id_handling_units_id_fk" FOREIGN KEY ("handling_unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opinion_events_opinion_idx" ON "opinion_events" USING btree ("opinion_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "opinions_tracking_code_unique" ON "opinions" USING btree ("tracking_code");--> statement-breakpoint
CREATE INDEX "opinions_body_created_idx" ON "opinions" USING btree ("body_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opinions_body_status_created_idx" ON "opinions" USING btree ("body_id","status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opinions_body_category_created_idx" ON "opinions" USING btree ("body_id","category_code","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "opinions_unit_status_idx" ON "opinions" USING btree ("handling_unit_id","status","created_at" DESC NULLS LAST) WHERE "opinions"."handling_unit_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "opinions_station_idx" ON "opinions" USING btree ("station_id","created_at" DESC NULLS LAST) WHERE "opinions"."station_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "opinions_deputy_idx" ON "opinions" USING btree ("deputy_id","created_at" DESC NULLS LAST) WHERE "opinions"."deputy_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "opinions_phone_idx" ON "opinions" USING btree ("citizen_phone","created_at") WHERE "opinions"."citizen_phone" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "opinions_open_due_idx" ON "opinions" USING btree ("due_at") WHERE "opinions"."status" IN ('routed', 'signed_for');--> statement-breakpoint
CREATE INDEX "opinions_suggestion_idx" ON "opinions" USING btree ("suggestion_id") WHERE "opinions"."suggestion_id" IS NOT NULL;