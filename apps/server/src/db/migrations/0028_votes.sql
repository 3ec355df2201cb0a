CREATE TABLE "vote_ballots" (
	"vote_id" uuid NOT NULL,
	"code" varchar(14) NOT NULL,
	"choices" jsonb NOT NULL,
	CONSTRAINT "vote_ballots_vote_id_code_pk" PRIMARY KEY("vote_id","code")
);
--> statement-breakpoint
CREATE TABLE "vote_named_ballots" (
	"vote_id" uuid NOT NULL,
	"code" varchar(14) NOT NULL,
	"voter_id" uuid NOT NULL,
	CONSTRAINT "vote_named_ballots_vote_id_code_pk" PRIMARY KEY("vote_id","code")
);
--> statement-breakpoint
CREATE TABLE "vote_paper_pending" (
	"id" uuid PRIMARY KEY NOT NULL,
	"vote_id" uuid NOT NULL,
	"choices" jsonb NOT NULL,
	"entered_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vote_roll" (
	"vote_id" uuid NOT NULL,
	"voter_id" uuid NOT NULL,
	"deputy_id" uuid,
	"user_id" uuid,
	"name" text NOT NULL,
	"voted" boolean DEFAULT false NOT NULL,
	"channel" varchar(8),
	CONSTRAINT "vote_roll_vote_id_voter_id_pk" PRIMARY KEY("vote_id","voter_id")
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"title" text NOT NULL,
	"subject_module" varchar(24) NOT NULL,
	"subject_id" varchar(64) NOT NULL,
	"electorate" jsonb NOT NULL,
	"ballot_kind" varchar(24) NOT NULL,
	"max_choices" integer,
	"secret" boolean NOT NULL,
	"items" jsonb NOT NULL,
	"rule" jsonb NOT NULL,
	"state" varchar(16) DEFAULT 'draft' NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"parent_vote_id" uuid,
	"runoff_vote_id" uuid,
	"electorate_size" integer,
	"result" jsonb,
	"paper_ballots" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"announced_at" timestamp with time zone,
	"verified_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "deputies" ADD COLUMN "committee_role" varchar(24);--> statement-breakpoint
ALTER TABLE "vote_ballots" ADD CONSTRAINT "vote_ballots_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_named_ballots" ADD CONSTRAINT "vote_named_ballots_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_paper_pending" ADD CONSTRAINT "vote_paper_pending_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_paper_pending" ADD CONSTRAINT "vote_paper_pending_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_roll" ADD CONSTRAINT "vote_roll_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vote_roll_user_idx" ON "vote_roll" USING btree ("vote_id","user_id");--> statement-breakpoint
CREATE INDEX "votes_body_idx" ON "votes" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "votes_subject_idx" ON "votes" USING btree ("subject_module","subject_id");