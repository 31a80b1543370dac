CREATE TABLE "skill" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" text,
	"description" text,
	"max_level" integer DEFAULT 5 NOT NULL,
	"levels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificate" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"course_id" uuid,
	"program_id" uuid,
	"title" text NOT NULL,
	"person_name" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"verification_code" text NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "certificate_enrollment_id_unique" UNIQUE("enrollment_id"),
	CONSTRAINT "certificate_verification_code_unique" UNIQUE("verification_code")
);
--> statement-breakpoint
CREATE TABLE "checkpoint_submission" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"step_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"evidence_text" text,
	"evidence_url" text,
	"evidence_file_id" uuid,
	"status" text NOT NULL,
	"reviewer_id" uuid,
	"review_comment" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"reviewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "compliance_rule" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"course_id" uuid,
	"program_id" uuid,
	"audience_type" text NOT NULL,
	"audience_id" uuid,
	"valid_for_months" integer NOT NULL,
	"reenroll_days_before" integer DEFAULT 30 NOT NULL,
	"due_days" integer DEFAULT 30 NOT NULL,
	"escalate_after_days" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "course" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"cover_file_id" uuid,
	"estimated_minutes" integer,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"format" text DEFAULT 'self_paced' NOT NULL,
	"external_url" text,
	"self_enrollment" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_version_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(title || ' ' || coalesce(summary, ''))) STORED
);
--> statement-breakpoint
CREATE TABLE "course_prerequisite" (
	"org_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"prerequisite_id" uuid NOT NULL,
	CONSTRAINT "course_prerequisite_course_id_prerequisite_id_pk" PRIMARY KEY("course_id","prerequisite_id")
);
--> statement-breakpoint
CREATE TABLE "course_reaction" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"relevance" smallint NOT NULL,
	"confidence" smallint NOT NULL,
	"intent_to_apply" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_reaction_enrollment_id_unique" UNIQUE("enrollment_id")
);
--> statement-breakpoint
CREATE TABLE "course_skill" (
	"org_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	CONSTRAINT "course_skill_course_id_skill_id_pk" PRIMARY KEY("course_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "course_version" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrollment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"course_id" uuid,
	"program_id" uuid,
	"version_id" uuid,
	"parent_enrollment_id" uuid,
	"reason_type" text NOT NULL,
	"reason_record_type" text,
	"reason_record_id" uuid,
	"reason_note" text,
	"source" text NOT NULL,
	"assigned_by" uuid,
	"assignment_id" uuid,
	"compliance_rule_id" uuid,
	"status" text DEFAULT 'not_started' NOT NULL,
	"due_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"score" integer,
	"progress" integer DEFAULT 0 NOT NULL,
	"time_spent_seconds" integer DEFAULT 0 NOT NULL,
	"last_lesson_id" text,
	"last_activity_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "external_learning" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"title" text NOT NULL,
	"provider" text,
	"kind" text DEFAULT 'course' NOT NULL,
	"completed_on" date NOT NULL,
	"duration_minutes" integer,
	"evidence_url" text,
	"evidence_file_id" uuid,
	"notes" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_assignment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"course_id" uuid,
	"program_id" uuid,
	"target_type" text NOT NULL,
	"target_id" uuid,
	"reason_type" text NOT NULL,
	"reason_record_type" text,
	"reason_record_id" uuid,
	"reason_note" text,
	"due_at" timestamp with time zone,
	"due_days" integer,
	"enroll_newcomers" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_reminder" (
	"org_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "learning_reminder_enrollment_id_kind_pk" PRIMARY KEY("enrollment_id","kind")
);
--> statement-breakpoint
CREATE TABLE "lesson_progress" (
	"org_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"lesson_id" text NOT NULL,
	"completed_at" timestamp with time zone,
	"time_spent_seconds" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lesson_progress_enrollment_id_lesson_id_pk" PRIMARY KEY("enrollment_id","lesson_id")
);
--> statement-breakpoint
CREATE TABLE "live_session" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"location" text,
	"meeting_url" text,
	"instructor_id" uuid,
	"capacity" integer NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"cover_file_id" uuid,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"enforce_order" boolean DEFAULT false NOT NULL,
	"due_days" integer,
	"self_enrollment" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_text" text GENERATED ALWAYS AS (lower(title || ' ' || coalesce(summary, ''))) STORED
);
--> statement-breakpoint
CREATE TABLE "program_step" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"course_id" uuid,
	"title" text,
	"instructions" text,
	"evidence_kinds" text[],
	"approver" text,
	"approver_person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quiz_attempt" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"enrollment_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"lesson_id" text NOT NULL,
	"quiz_id" text NOT NULL,
	"number" integer NOT NULL,
	"questions" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"answers" jsonb,
	"score" integer,
	"passed" boolean,
	"timed_out" boolean DEFAULT false NOT NULL,
	"items" jsonb
);
--> statement-breakpoint
CREATE TABLE "session_registration" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"enrollment_id" uuid,
	"status" text NOT NULL,
	"attendance" text,
	"ical_sequence" integer DEFAULT 0 NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "skill" ADD CONSTRAINT "skill_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate" ADD CONSTRAINT "certificate_enrollment_id_enrollment_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoint_submission" ADD CONSTRAINT "checkpoint_submission_enrollment_id_enrollment_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoint_submission" ADD CONSTRAINT "checkpoint_submission_step_id_program_step_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."program_step"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_rule" ADD CONSTRAINT "compliance_rule_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_rule" ADD CONSTRAINT "compliance_rule_course_id_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."course"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_rule" ADD CONSTRAINT "compliance_rule_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course" ADD CONSTRAINT "course_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_prerequisite" ADD CONSTRAINT "course_prerequisite_course_id_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."course"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_prerequisite" ADD CONSTRAINT "course_prerequisite_prerequisite_id_course_id_fk" FOREIGN KEY ("prerequisite_id") REFERENCES "public"."course"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_reaction" ADD CONSTRAINT "course_reaction_enrollment_id_enrollment_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_skill" ADD CONSTRAINT "course_skill_course_id_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."course"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_skill" ADD CONSTRAINT "course_skill_skill_id_skill_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skill"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_version" ADD CONSTRAINT "course_version_course_id_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."course"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_course_id_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."course"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment" ADD CONSTRAINT "enrollment_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_learning" ADD CONSTRAINT "external_learning_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_assignment" ADD CONSTRAINT "learning_assignment_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_assignment" ADD CONSTRAINT "learning_assignment_course_id_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."course"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_assignment" ADD CONSTRAINT "learning_assignment_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_reminder" ADD CONSTRAINT "learning_reminder_enrollment_id_enrollment_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_progress" ADD CONSTRAINT "lesson_progress_enrollment_id_enrollment_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_session" ADD CONSTRAINT "live_session_course_id_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."course"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_session" ADD CONSTRAINT "live_session_instructor_id_person_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program" ADD CONSTRAINT "program_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_step" ADD CONSTRAINT "program_step_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_step" ADD CONSTRAINT "program_step_course_id_course_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."course"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_step" ADD CONSTRAINT "program_step_approver_person_id_person_id_fk" FOREIGN KEY ("approver_person_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempt" ADD CONSTRAINT "quiz_attempt_enrollment_id_enrollment_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_registration" ADD CONSTRAINT "session_registration_session_id_live_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_registration" ADD CONSTRAINT "session_registration_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_registration" ADD CONSTRAINT "session_registration_enrollment_id_enrollment_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollment"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "skill_org_name_uq" ON "skill" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "certificate_person_idx" ON "certificate" USING btree ("org_id","person_id");--> statement-breakpoint
CREATE INDEX "checkpoint_submission_enrollment_idx" ON "checkpoint_submission" USING btree ("enrollment_id","step_id");--> statement-breakpoint
CREATE INDEX "checkpoint_submission_reviewer_idx" ON "checkpoint_submission" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "compliance_rule_org_name_uq" ON "compliance_rule" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "course_org_status_idx" ON "course" USING btree ("org_id","status","title");--> statement-breakpoint
CREATE INDEX "course_search_trgm_idx" ON "course" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "course_reaction_course_idx" ON "course_reaction" USING btree ("org_id","course_id");--> statement-breakpoint
CREATE INDEX "course_skill_skill_idx" ON "course_skill" USING btree ("org_id","skill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "course_version_number_uq" ON "course_version" USING btree ("course_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "course_version_one_draft_uq" ON "course_version" USING btree ("course_id") WHERE status = 'draft';--> statement-breakpoint
CREATE INDEX "enrollment_person_idx" ON "enrollment" USING btree ("org_id","person_id","status");--> statement-breakpoint
CREATE INDEX "enrollment_course_idx" ON "enrollment" USING btree ("org_id","course_id","status");--> statement-breakpoint
CREATE INDEX "enrollment_program_idx" ON "enrollment" USING btree ("org_id","program_id","status");--> statement-breakpoint
CREATE INDEX "enrollment_due_idx" ON "enrollment" USING btree ("org_id","due_at") WHERE status in ('not_started', 'in_progress', 'failed');--> statement-breakpoint
CREATE INDEX "enrollment_expires_idx" ON "enrollment" USING btree ("org_id","expires_at") WHERE status = 'completed' and expires_at is not null;--> statement-breakpoint
CREATE INDEX "enrollment_parent_idx" ON "enrollment" USING btree ("parent_enrollment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enrollment_open_course_uq" ON "enrollment" USING btree ("org_id","person_id","course_id") WHERE course_id is not null and status in ('not_started', 'in_progress', 'failed');--> statement-breakpoint
CREATE UNIQUE INDEX "enrollment_open_program_uq" ON "enrollment" USING btree ("org_id","person_id","program_id") WHERE program_id is not null and status in ('not_started', 'in_progress', 'failed');--> statement-breakpoint
CREATE INDEX "external_learning_person_idx" ON "external_learning" USING btree ("org_id","person_id","completed_on");--> statement-breakpoint
CREATE INDEX "learning_assignment_target_idx" ON "learning_assignment" USING btree ("org_id","target_type","target_id");--> statement-breakpoint
CREATE INDEX "live_session_course_idx" ON "live_session" USING btree ("org_id","course_id","starts_at");--> statement-breakpoint
CREATE INDEX "program_org_status_idx" ON "program" USING btree ("org_id","status","title");--> statement-breakpoint
CREATE INDEX "program_step_program_idx" ON "program_step" USING btree ("program_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_attempt_number_uq" ON "quiz_attempt" USING btree ("enrollment_id","quiz_id","number");--> statement-breakpoint
CREATE INDEX "quiz_attempt_course_idx" ON "quiz_attempt" USING btree ("org_id","course_id","quiz_id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_registration_active_uq" ON "session_registration" USING btree ("session_id","person_id") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX "session_registration_session_idx" ON "session_registration" USING btree ("session_id","status","registered_at");--> statement-breakpoint
CREATE INDEX "session_registration_person_idx" ON "session_registration" USING btree ("org_id","person_id");