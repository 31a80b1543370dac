CREATE TABLE "aspiration" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"target_profile_id" uuid,
	"description" text,
	"time_frame" text,
	"willing_to_change_team" boolean DEFAULT false NOT NULL,
	"willing_to_relocate" boolean DEFAULT false NOT NULL,
	"interests" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_round" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_at" timestamp with time zone,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "assessment_round_member" (
	"org_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"self_submitted_at" timestamp with time zone,
	"manager_submitted_at" timestamp with time zone,
	CONSTRAINT "assessment_round_member_round_id_person_id_pk" PRIMARY KEY("round_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "career_path" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"from_profile_id" uuid NOT NULL,
	"to_profile_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_profile" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"family" text,
	"description" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_profile_skill" (
	"org_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	CONSTRAINT "job_profile_skill_profile_id_skill_id_pk" PRIMARY KEY("profile_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "person_skill" (
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"level" real NOT NULL,
	"basis_assessment_id" uuid,
	"assessment_count" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_skill_person_id_skill_id_pk" PRIMARY KEY("person_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "skill_assessment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"source" text NOT NULL,
	"assessor_id" uuid,
	"assessed_at" timestamp with time zone NOT NULL,
	"note" text,
	"evidence_url" text,
	"source_record_type" text,
	"source_record_id" uuid,
	"round_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talent_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"source_weights" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"half_life_days" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "development_plan_item" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"action_type" text NOT NULL,
	"skill_id" uuid,
	"target_level" smallint,
	"goal_id" uuid,
	"aspiration_id" uuid,
	"gap_assessment_id" uuid,
	"course_id" uuid,
	"program_id" uuid,
	"enrollment_id" uuid,
	"due_date" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"approval_status" text DEFAULT 'not_needed' NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"item_type" text NOT NULL,
	"item_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"score" real NOT NULL,
	"skill_id" uuid,
	"explanation" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"fingerprint" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendation_dismissal" (
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"item_type" text NOT NULL,
	"item_id" uuid NOT NULL,
	"fingerprint" text NOT NULL,
	"dismissed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "job_profile_id" uuid;--> statement-breakpoint
ALTER TABLE "skill" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "skill" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "enrollment" ADD COLUMN "baseline_levels" jsonb;--> statement-breakpoint
ALTER TABLE "aspiration" ADD CONSTRAINT "aspiration_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aspiration" ADD CONSTRAINT "aspiration_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aspiration" ADD CONSTRAINT "aspiration_target_profile_id_job_profile_id_fk" FOREIGN KEY ("target_profile_id") REFERENCES "public"."job_profile"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_round" ADD CONSTRAINT "assessment_round_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_round" ADD CONSTRAINT "assessment_round_manager_id_person_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_round_member" ADD CONSTRAINT "assessment_round_member_round_id_assessment_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."assessment_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_round_member" ADD CONSTRAINT "assessment_round_member_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_path" ADD CONSTRAINT "career_path_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_path" ADD CONSTRAINT "career_path_from_profile_id_job_profile_id_fk" FOREIGN KEY ("from_profile_id") REFERENCES "public"."job_profile"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_path" ADD CONSTRAINT "career_path_to_profile_id_job_profile_id_fk" FOREIGN KEY ("to_profile_id") REFERENCES "public"."job_profile"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_profile" ADD CONSTRAINT "job_profile_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_profile_skill" ADD CONSTRAINT "job_profile_skill_profile_id_job_profile_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."job_profile"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_profile_skill" ADD CONSTRAINT "job_profile_skill_skill_id_skill_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skill"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_skill" ADD CONSTRAINT "person_skill_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_skill" ADD CONSTRAINT "person_skill_skill_id_skill_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skill"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_skill" ADD CONSTRAINT "person_skill_basis_assessment_id_skill_assessment_id_fk" FOREIGN KEY ("basis_assessment_id") REFERENCES "public"."skill_assessment"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_assessment" ADD CONSTRAINT "skill_assessment_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_assessment" ADD CONSTRAINT "skill_assessment_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_assessment" ADD CONSTRAINT "skill_assessment_skill_id_skill_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skill"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_assessment" ADD CONSTRAINT "skill_assessment_assessor_id_person_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_assessment" ADD CONSTRAINT "skill_assessment_round_id_assessment_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."assessment_round"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talent_settings" ADD CONSTRAINT "talent_settings_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_item" ADD CONSTRAINT "development_plan_item_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_item" ADD CONSTRAINT "development_plan_item_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_item" ADD CONSTRAINT "development_plan_item_skill_id_skill_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skill"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_item" ADD CONSTRAINT "development_plan_item_aspiration_id_aspiration_id_fk" FOREIGN KEY ("aspiration_id") REFERENCES "public"."aspiration"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_item" ADD CONSTRAINT "development_plan_item_gap_assessment_id_skill_assessment_id_fk" FOREIGN KEY ("gap_assessment_id") REFERENCES "public"."skill_assessment"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_item" ADD CONSTRAINT "development_plan_item_course_id_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."course"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_item" ADD CONSTRAINT "development_plan_item_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_item" ADD CONSTRAINT "development_plan_item_enrollment_id_enrollment_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollment"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_item" ADD CONSTRAINT "development_plan_item_approved_by_person_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_item" ADD CONSTRAINT "development_plan_item_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation" ADD CONSTRAINT "recommendation_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation" ADD CONSTRAINT "recommendation_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation" ADD CONSTRAINT "recommendation_skill_id_skill_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skill"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_dismissal" ADD CONSTRAINT "recommendation_dismissal_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "aspiration_person_idx" ON "aspiration" USING btree ("org_id","person_id");--> statement-breakpoint
CREATE INDEX "assessment_round_manager_idx" ON "assessment_round" USING btree ("org_id","manager_id","created_at");--> statement-breakpoint
CREATE INDEX "assessment_round_member_person_idx" ON "assessment_round_member" USING btree ("org_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "career_path_step_uq" ON "career_path" USING btree ("from_profile_id","to_profile_id");--> statement-breakpoint
CREATE INDEX "career_path_org_idx" ON "career_path" USING btree ("org_id","to_profile_id");--> statement-breakpoint
CREATE UNIQUE INDEX "job_profile_org_name_uq" ON "job_profile" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "job_profile_skill_skill_idx" ON "job_profile_skill" USING btree ("org_id","skill_id");--> statement-breakpoint
CREATE INDEX "person_skill_skill_idx" ON "person_skill" USING btree ("org_id","skill_id");--> statement-breakpoint
CREATE INDEX "skill_assessment_person_idx" ON "skill_assessment" USING btree ("org_id","person_id","skill_id","assessed_at");--> statement-breakpoint
CREATE INDEX "skill_assessment_skill_idx" ON "skill_assessment" USING btree ("org_id","skill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skill_assessment_source_record_uq" ON "skill_assessment" USING btree ("org_id","source_record_type","source_record_id","skill_id") WHERE source_record_id is not null;--> statement-breakpoint
CREATE INDEX "development_plan_item_person_idx" ON "development_plan_item" USING btree ("org_id","person_id","status");--> statement-breakpoint
CREATE INDEX "recommendation_person_idx" ON "recommendation" USING btree ("org_id","person_id","rank");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendation_item_uq" ON "recommendation" USING btree ("person_id","item_type","item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendation_dismissal_uq" ON "recommendation_dismissal" USING btree ("person_id","item_type","item_id");--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_job_profile_id_job_profile_id_fk" FOREIGN KEY ("job_profile_id") REFERENCES "public"."job_profile"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill" ADD CONSTRAINT "skill_merged_into_id_skill_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."skill"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_org_job_profile_idx" ON "person" USING btree ("org_id","job_profile_id");