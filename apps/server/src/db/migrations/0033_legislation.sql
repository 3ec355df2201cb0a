CREATE TABLE "legislation_articles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"number" integer NOT NULL,
	"label" varchar(24) NOT NULL,
	"chapter" text DEFAULT '' NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legislation_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"draft_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"article_id" uuid,
	"quote" text,
	"content" text NOT NULL,
	"source" varchar(16) NOT NULL,
	"contact_point_id" uuid,
	"participants" integer DEFAULT 1 NOT NULL,
	"gathered_on" date NOT NULL,
	"name" text,
	"phone" varchar(11),
	"notify_consent" boolean DEFAULT false NOT NULL,
	"state" varchar(16) DEFAULT 'pending' NOT NULL,
	"reject_reason" text,
	"adoption" varchar(16),
	"adoption_reason" text,
	"ip" varchar(64),
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"moderated_at" timestamp with time zone,
	"marked_at" timestamp with time zone,
	"notified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "legislation_contact_point_members" (
	"contact_point_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "legislation_contact_point_members_contact_point_id_user_id_pk" PRIMARY KEY("contact_point_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "legislation_contact_points" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"contact_person" text DEFAULT '' NOT NULL,
	"contact_phone" varchar(20) DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legislation_draft_points" (
	"draft_id" uuid NOT NULL,
	"contact_point_id" uuid NOT NULL,
	CONSTRAINT "legislation_draft_points_draft_id_contact_point_id_pk" PRIMARY KEY("draft_id","contact_point_id")
);
--> statement-breakpoint
CREATE TABLE "legislation_drafts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"title" text NOT NULL,
	"drafter" text DEFAULT '' NOT NULL,
	"comment_from" date NOT NULL,
	"comment_to" date NOT NULL,
	"state" varchar(16) DEFAULT 'drafting' NOT NULL,
	"public_code" varchar(24) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"summarised_at" timestamp with time zone,
	CONSTRAINT "legislation_drafts_public_code_unique" UNIQUE("public_code")
);
--> statement-breakpoint
CREATE TABLE "legislation_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"draft_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"preamble" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "legislation_articles" ADD CONSTRAINT "legislation_articles_version_id_legislation_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."legislation_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legislation_comments" ADD CONSTRAINT "legislation_comments_draft_id_legislation_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."legislation_drafts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legislation_comments" ADD CONSTRAINT "legislation_comments_version_id_legislation_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."legislation_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legislation_comments" ADD CONSTRAINT "legislation_comments_article_id_legislation_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."legislation_articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legislation_comments" ADD CONSTRAINT "legislation_comments_contact_point_id_legislation_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."legislation_contact_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legislation_comments" ADD CONSTRAINT "legislation_comments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legislation_contact_point_members" ADD CONSTRAINT "legislation_contact_point_members_contact_point_id_legislation_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."legislation_contact_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legislation_contact_point_members" ADD CONSTRAINT "legislation_contact_point_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legislation_contact_points" ADD CONSTRAINT "legislation_contact_points_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legislation_draft_points" ADD CONSTRAINT "legislation_draft_points_draft_id_legislation_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."legislation_drafts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legislation_draft_points" ADD CONSTRAINT "legislation_draft_points_contact_point_id_legislation_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."legislation_contact_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legislation_drafts" ADD CONSTRAINT "legislation_drafts_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legislation_drafts" ADD CONSTRAINT "legislation_drafts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legislation_versions" ADD CONSTRAINT "legislation_versions_draft_id_legislation_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."legislation_drafts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legislation_versions" ADD CONSTRAINT "legislation_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "legislation_articles_position_unique" ON "legislation_articles" USING btree ("version_id","position");--> statement-breakpoint
CREATE INDEX "legislation_comments_draft_idx" ON "legislation_comments" USING btree ("draft_id","state");--> statement-breakpoint
CREATE INDEX "legislation_comments_article_idx" ON "legislation_comments" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "legislation_comments_phone_idx" ON "legislation_comments" USING btree ("phone","created_at");--> statement-breakpoint
CREATE INDEX "legislation_cp_members_user_idx" ON "legislation_contact_point_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "legislation_contact_points_name_unique" ON "legislation_contact_points" USING btree ("body_id","name");--> statement-breakpoint
CREATE INDEX "legislation_drafts_body_idx" ON "legislation_drafts" USING btree ("body_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "legislation_versions_number_unique" ON "legislation_versions" USING btree ("draft_id","number");