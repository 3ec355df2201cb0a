CREATE TABLE "key_suggestion_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"suggestion_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"deputy_side" text NOT NULL,
	"unit_side" text NOT NULL,
	"government_side" text NOT NULL,
	"congress_side" text NOT NULL,
	"conclusion" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_suggestions" (
	"suggestion_id" uuid PRIMARY KEY NOT NULL,
	"lead_official" text NOT NULL,
	"supervisor" text NOT NULL,
	"supervisor_user_id" uuid,
	"deputy_comment" text,
	"deputy_comment_at" timestamp with time zone,
	"vote" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"suggestion_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"role" varchar(8) NOT NULL,
	"state" varchar(24) NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"sign_for_due_at" timestamp with time zone NOT NULL,
	"signed_for_at" timestamp with time zone,
	"due_at" timestamp with time zone NOT NULL,
	"reassign_reason" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "suggestion_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"suggestion_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"stage" varchar(8) NOT NULL,
	"method" varchar(16) NOT NULL,
	"contacted_on" date NOT NULL,
	"summary" text NOT NULL,
	"deputy_view" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_cosigners" (
	"suggestion_id" uuid NOT NULL,
	"deputy_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	CONSTRAINT "suggestion_cosigners_suggestion_id_deputy_id_pk" PRIMARY KEY("suggestion_id","deputy_id")
);
--> statement-breakpoint
CREATE TABLE "suggestion_extensions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"suggestion_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"months" integer NOT NULL,
	"reason" text NOT NULL,
	"state" varchar(12) NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_joint_opinions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"suggestion_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"content" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_ratings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"suggestion_id" uuid NOT NULL,
	"reply_id" uuid NOT NULL,
	"deputy_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"rating" varchar(24) NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestion_replies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"suggestion_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"category" varchar(1) NOT NULL,
	"content" text NOT NULL,
	"signer" text NOT NULL,
	"contact_person" text NOT NULL,
	"contact_phone" varchar(20) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone,
	"released_by" uuid,
	"rejected_reason" text
);
--> statement-breakpoint
CREATE TABLE "suggestion_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"session_id" uuid,
	"kind" varchar(12) NOT NULL,
	"converted_from_motion" boolean DEFAULT false NOT NULL,
	"period" varchar(20) NOT NULL,
	"year" integer NOT NULL,
	"number_series" varchar(64),
	"number" integer,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"field" varchar(16) NOT NULL,
	"lead_deputy_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"state" varchar(24) NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"complex" boolean DEFAULT false NOT NULL,
	"disclose" boolean DEFAULT true NOT NULL,
	"return_reason" text,
	"merged_into_id" uuid,
	"opinion_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lead_unit_id" uuid,
	"due_at" timestamp with time zone,
	"reply_category" varchar(1),
	"rating" varchar(24),
	"is_key" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"assigned_at" timestamp with time zone,
	"first_replied_at" timestamp with time zone,
	"replied_on_time" boolean,
	"released_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"last_reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "key_suggestion_reviews" ADD CONSTRAINT "key_suggestion_reviews_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_suggestions" ADD CONSTRAINT "key_suggestions_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_suggestions" ADD CONSTRAINT "key_suggestions_supervisor_user_id_users_id_fk" FOREIGN KEY ("supervisor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_assignments" ADD CONSTRAINT "suggestion_assignments_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_assignments" ADD CONSTRAINT "suggestion_assignments_unit_id_handling_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_contacts" ADD CONSTRAINT "suggestion_contacts_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_contacts" ADD CONSTRAINT "suggestion_contacts_unit_id_handling_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_contacts" ADD CONSTRAINT "suggestion_contacts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_cosigners" ADD CONSTRAINT "suggestion_cosigners_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_cosigners" ADD CONSTRAINT "suggestion_cosigners_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_extensions" ADD CONSTRAINT "suggestion_extensions_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_extensions" ADD CONSTRAINT "suggestion_extensions_assignment_id_suggestion_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."suggestion_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_extensions" ADD CONSTRAINT "suggestion_extensions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_joint_opinions" ADD CONSTRAINT "suggestion_joint_opinions_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_joint_opinions" ADD CONSTRAINT "suggestion_joint_opinions_assignment_id_suggestion_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."suggestion_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_joint_opinions" ADD CONSTRAINT "suggestion_joint_opinions_unit_id_handling_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_ratings" ADD CONSTRAINT "suggestion_ratings_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_ratings" ADD CONSTRAINT "suggestion_ratings_reply_id_suggestion_replies_id_fk" FOREIGN KEY ("reply_id") REFERENCES "public"."suggestion_replies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_ratings" ADD CONSTRAINT "suggestion_ratings_deputy_id_deputies_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_replies" ADD CONSTRAINT "suggestion_replies_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_replies" ADD CONSTRAINT "suggestion_replies_unit_id_handling_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_replies" ADD CONSTRAINT "suggestion_replies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_replies" ADD CONSTRAINT "suggestion_replies_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_sessions" ADD CONSTRAINT "suggestion_sessions_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_session_id_suggestion_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."suggestion_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_lead_deputy_id_deputies_id_fk" FOREIGN KEY ("lead_deputy_id") REFERENCES "public"."deputies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_lead_unit_id_handling_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."handling_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "key_suggestion_reviews_suggestion_idx" ON "key_suggestion_reviews" USING btree ("suggestion_id");--> statement-breakpoint
CREATE INDEX "suggestion_assignments_suggestion_idx" ON "suggestion_assignments" USING btree ("suggestion_id");--> statement-breakpoint
CREATE INDEX "suggestion_assignments_unit_idx" ON "suggestion_assignments" USING btree ("unit_id","state");--> statement-breakpoint
CREATE INDEX "suggestion_contacts_suggestion_idx" ON "suggestion_contacts" USING btree ("suggestion_id");--> statement-breakpoint
CREATE INDEX "suggestion_cosigners_deputy_idx" ON "suggestion_cosigners" USING btree ("deputy_id");--> statement-breakpoint
CREATE INDEX "suggestion_extensions_suggestion_idx" ON "suggestion_extensions" USING btree ("suggestion_id");--> statement-breakpoint
CREATE INDEX "suggestion_joint_opinions_suggestion_idx" ON "suggestion_joint_opinions" USING btree ("suggestion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "suggestion_ratings_reply_unique" ON "suggestion_ratings" USING btree ("reply_id");--> statement-breakpoint
CREATE INDEX "suggestion_replies_suggestion_idx" ON "suggestion_replies" USING btree ("suggestion_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "suggestion_sessions_body_name_unique" ON "suggestion_sessions" USING btree ("body_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "suggestions_number_unique" ON "suggestions" USING btree ("body_id","number_series","number");--> statement-breakpoint
CREATE INDEX "suggestions_body_state_idx" ON "suggestions" USING btree ("body_id","state","updated_at");--> statement-breakpoint
CREATE INDEX "suggestions_body_session_idx" ON "suggestions" USING btree ("body_id","session_id","number");--> statement-breakpoint
CREATE INDEX "suggestions_lead_deputy_idx" ON "suggestions" USING btree ("lead_deputy_id");--> statement-breakpoint
CREATE INDEX "suggestions_due_idx" ON "suggestions" USING btree ("due_at") WHERE "suggestions"."state" IN ('handling', 'rehandling', 'assigned', 'reassignment_requested');