CREATE TABLE "calibration_entry" (
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"session_id" uuid,
	"proposed_score" real,
	"final_rating" real,
	"potential" smallint,
	"reason" text,
	"notes" text,
	"adjusted_by" uuid,
	"adjusted_at" timestamp with time zone,
	CONSTRAINT "calibration_entry_cycle_id_subject_id_pk" PRIMARY KEY("cycle_id","subject_id")
);
--> statement-breakpoint
CREATE TABLE "calibration_session" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"name" text NOT NULL,
	"scope_type" text NOT NULL,
	"department_id" uuid,
	"manager_id" uuid,
	"calibrator_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"guideline" jsonb,
	"locked_at" timestamp with time zone,
	"locked_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peer_nomination" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"status" text DEFAULT 'nominated' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rater_leniency" (
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"rater_id" uuid NOT NULL,
	"ratings" integer NOT NULL,
	"offset_from_final" real,
	"final_sd" real,
	"final_low" real,
	"final_high" real,
	"co_rated" integer NOT NULL,
	"offset_from_peers" real,
	"peers_sd" real,
	"peers_low" real,
	"peers_high" real,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rater_leniency_cycle_id_rater_id_pk" PRIMARY KEY("cycle_id","rater_id")
);
--> statement-breakpoint
CREATE TABLE "review" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"relationship" text NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"subject_skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"subject_goal_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"reopened_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_cycle" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"template_id" uuid NOT NULL,
	"template_snapshot" jsonb,
	"template_version" integer,
	"phase" text DEFAULT 'draft' NOT NULL,
	"period_starts_on" date NOT NULL,
	"period_ends_on" date NOT NULL,
	"nomination_ends_on" date,
	"writing_ends_on" date NOT NULL,
	"calibration_ends_on" date,
	"sharing_starts_on" date,
	"participant_rule" jsonb NOT NULL,
	"relationships" jsonb NOT NULL,
	"peer_anonymous" boolean DEFAULT true NOT NULL,
	"upward_anonymous" boolean DEFAULT true NOT NULL,
	"anonymity_minimum" smallint DEFAULT 3 NOT NULL,
	"launched_at" timestamp with time zone,
	"launched_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_participant" (
	"org_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"manager_id" uuid,
	"department_id" uuid,
	"released_at" timestamp with time zone,
	"released_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"subject_comment" text,
	CONSTRAINT "review_participant_cycle_id_person_id_pk" PRIMARY KEY("cycle_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "review_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"nine_box" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_template" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"body" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calibration_entry" ADD CONSTRAINT "calibration_entry_cycle_id_review_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."review_cycle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_entry" ADD CONSTRAINT "calibration_entry_subject_id_person_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_entry" ADD CONSTRAINT "calibration_entry_session_id_calibration_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."calibration_session"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_entry" ADD CONSTRAINT "calibration_entry_adjusted_by_person_id_fk" FOREIGN KEY ("adjusted_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_session" ADD CONSTRAINT "calibration_session_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_session" ADD CONSTRAINT "calibration_session_cycle_id_review_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."review_cycle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_session" ADD CONSTRAINT "calibration_session_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_session" ADD CONSTRAINT "calibration_session_manager_id_person_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_session" ADD CONSTRAINT "calibration_session_locked_by_person_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_nomination" ADD CONSTRAINT "peer_nomination_cycle_id_review_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."review_cycle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_nomination" ADD CONSTRAINT "peer_nomination_subject_id_person_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_nomination" ADD CONSTRAINT "peer_nomination_reviewer_id_person_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_nomination" ADD CONSTRAINT "peer_nomination_decided_by_person_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rater_leniency" ADD CONSTRAINT "rater_leniency_cycle_id_review_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."review_cycle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rater_leniency" ADD CONSTRAINT "rater_leniency_rater_id_person_id_fk" FOREIGN KEY ("rater_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review" ADD CONSTRAINT "review_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review" ADD CONSTRAINT "review_cycle_id_review_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."review_cycle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review" ADD CONSTRAINT "review_subject_id_person_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review" ADD CONSTRAINT "review_reviewer_id_person_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_cycle" ADD CONSTRAINT "review_cycle_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_cycle" ADD CONSTRAINT "review_cycle_template_id_review_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."review_template"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_cycle" ADD CONSTRAINT "review_cycle_launched_by_person_id_fk" FOREIGN KEY ("launched_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_cycle" ADD CONSTRAINT "review_cycle_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_participant" ADD CONSTRAINT "review_participant_cycle_id_review_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."review_cycle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_participant" ADD CONSTRAINT "review_participant_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_participant" ADD CONSTRAINT "review_participant_manager_id_person_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_participant" ADD CONSTRAINT "review_participant_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_participant" ADD CONSTRAINT "review_participant_released_by_person_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_settings" ADD CONSTRAINT "review_settings_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_template" ADD CONSTRAINT "review_template_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_template" ADD CONSTRAINT "review_template_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calibration_entry_session_idx" ON "calibration_entry" USING btree ("org_id","session_id");--> statement-breakpoint
CREATE INDEX "calibration_session_cycle_idx" ON "calibration_session" USING btree ("org_id","cycle_id");--> statement-breakpoint
CREATE UNIQUE INDEX "peer_nomination_uq" ON "peer_nomination" USING btree ("cycle_id","subject_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "peer_nomination_reviewer_idx" ON "peer_nomination" USING btree ("org_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "rater_leniency_rater_idx" ON "rater_leniency" USING btree ("org_id","rater_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_cycle_subject_reviewer_uq" ON "review" USING btree ("cycle_id","subject_id","relationship","reviewer_id");--> statement-breakpoint
CREATE INDEX "review_reviewer_idx" ON "review" USING btree ("org_id","reviewer_id","cycle_id");--> statement-breakpoint
CREATE INDEX "review_subject_idx" ON "review" USING btree ("org_id","subject_id","cycle_id");--> statement-breakpoint
CREATE INDEX "review_cycle_org_idx" ON "review_cycle" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "review_cycle_org_name_uq" ON "review_cycle" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "review_participant_person_idx" ON "review_participant" USING btree ("org_id","person_id");--> statement-breakpoint
CREATE INDEX "review_participant_manager_idx" ON "review_participant" USING btree ("org_id","manager_id","cycle_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_template_org_name_uq" ON "review_template" USING btree ("org_id",lower("name"));