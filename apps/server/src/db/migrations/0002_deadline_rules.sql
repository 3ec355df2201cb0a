CREATE TABLE "deadline_rules" (
	"body_id" uuid NOT NULL,
	"key" varchar(64) NOT NULL,
	"amount" integer NOT NULL,
	"unit" varchar(16) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deadline_rules_body_id_key_pk" PRIMARY KEY("body_id","key")
);
--> statement-breakpoint
ALTER TABLE "deadline_rules" ADD CONSTRAINT "deadline_rules_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;