CREATE TABLE "honour_campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"places" integer NOT NULL,
	"max_choices" integer NOT NULL,
	"state" varchar(16) DEFAULT 'nominating' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voting_opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "honour_nominations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"deputy_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"nominated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "honour_voters" (
	"campaign_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "honour_voters_campaign_id_user_id_pk" PRIMARY KEY("campaign_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "honour_votes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"nomination_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_back_ratings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"report_back_id" uuid NOT NULL,
	"phone_hash" varchar(64) NOT NULL,
	"phone_masked" varchar(16) NOT NULL,
	"rating" varchar(24) NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"ip" varchar(64),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_backs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"deputy_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"constituency" text NOT NULL,
	"title" text NOT NULL,
	"report" text NOT NULL,
	"state" varchar(16) DEFAULT 'draft' NOT NULL,
	"public_code" varchar(24) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "report_backs_public_code_unique" UNIQUE("public_code")
);
--> statement-breakpoint
ALTER TABLE "honour_campaigns" ADD CONSTRAINT "honour_campaigns_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honour_nominations" ADD CONSTRAINT "honour_nominations_campaign_id_honour_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."honour_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honour_nominations" ADD CONSTRAINT "honour_nominations_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honour_nominations" ADD CONSTRAINT "honour_nominations_nominated_by_users_id_fk" FOREIGN KEY ("nominated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honour_voters" ADD CONSTRAINT "honour_voters_campaign_id_honour_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."honour_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honour_voters" ADD CONSTRAINT "honour_voters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honour_votes" ADD CONSTRAINT "honour_votes_campaign_id_honour_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."honour_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honour_votes" ADD CONSTRAINT "honour_votes_nomination_id_honour_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."honour_nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_back_ratings" ADD CONSTRAINT "report_back_ratings_report_back_id_report_backs_id_fk" FOREIGN KEY ("report_back_id") REFERENCES "public"."report_backs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_backs" ADD CONSTRAINT "report_backs_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_backs" ADD CONSTRAINT "report_backs_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_backs" ADD CONSTRAINT "report_backs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "honour_campaigns_body_idx" ON "honour_campaigns" USING btree ("body_id");--> statement-breakpoint
CREATE UNIQUE INDEX "honour_nominations_deputy_unique" ON "honour_nominations" USING btree ("campaign_id","deputy_id");--> statement-breakpoint
CREATE INDEX "honour_votes_campaign_idx" ON "honour_votes" USING btree ("campaign_id","nomination_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_back_ratings_phone_unique" ON "report_back_ratings" USING btree ("report_back_id","phone_hash");--> statement-breakpoint
CREATE INDEX "report_backs_body_idx" ON "report_backs" USING btree ("body_id","held_on");--> statement-breakpoint
CREATE INDEX "report_backs_deputy_idx" ON "report_backs" USING btree ("deputy_id","held_on");