CREATE TABLE "supervision_evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"vote_id" uuid NOT NULL,
	"electorate" varchar(24) NOT NULL,
	"verdict" varchar(16),
	"satisfied" integer,
	"basically_satisfied" integer,
	"dissatisfied" integer,
	"ballots_cast" integer,
	"electorate_size" integer,
	"rule_text" text,
	"figures_text" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "supervision_evaluations" ADD CONSTRAINT "supervision_evaluations_item_id_supervision_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."supervision_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_evaluations" ADD CONSTRAINT "supervision_evaluations_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_evaluations_round_unique" ON "supervision_evaluations" USING btree ("item_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_evaluations_vote_unique" ON "supervision_evaluations" USING btree ("vote_id");