CREATE TABLE "deputies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"user_id" uuid,
	"person_key" varchar(64),
	"term" varchar(16) NOT NULL,
	"name" text NOT NULL,
	"gender" varchar(8),
	"ethnicity" text,
	"birth_date" date,
	"party" text,
	"occupation" text,
	"employer" text,
	"constituency" text,
	"phone" varchar(20),
	"status" varchar(16) DEFAULT 'in_office' NOT NULL,
	"status_date" date,
	"commitments" jsonb,
	"public_code" varchar(24) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deputies_public_code_unique" UNIQUE("public_code")
);
--> statement-breakpoint
CREATE TABLE "stations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"kind" varchar(24) NOT NULL,
	"name" text NOT NULL,
	"region_code" varchar(12),
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	"place_kind" varchar(16),
	"opening_hours" text,
	"contact_name" text,
	"contact_phone" varchar(20),
	"rules" text,
	"public_code" varchar(24) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stations_public_code_unique" UNIQUE("public_code")
);
--> statement-breakpoint
ALTER TABLE "deputies" ADD CONSTRAINT "deputies_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deputies" ADD CONSTRAINT "deputies_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deputies_body_term_idx" ON "deputies" USING btree ("body_id","term","status");--> statement-breakpoint
CREATE INDEX "deputies_person_idx" ON "deputies" USING btree ("person_key");--> statement-breakpoint
CREATE INDEX "stations_body_idx" ON "stations" USING btree ("body_id");