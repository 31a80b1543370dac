CREATE TABLE "action_item" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"meeting_id" uuid,
	"agenda_item_id" uuid,
	"title" text NOT NULL,
	"assignee_id" uuid,
	"due_on" date,
	"done_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_item" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"first_meeting_id" uuid,
	"author_id" uuid,
	"body" text NOT NULL,
	"private" boolean DEFAULT false NOT NULL,
	"topic_id" uuid,
	"source_record_type" text,
	"source_record_id" uuid,
	"goal_id" uuid,
	"hurdle_id" uuid,
	"position" real DEFAULT 0 NOT NULL,
	"discussed_at" timestamp with time zone,
	"carried_over_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "check_in" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"author_id" uuid,
	"confidence" smallint NOT NULL,
	"status" text NOT NULL,
	"progress" real NOT NULL,
	"note" text,
	"blockers" text,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"corrected_at" timestamp with time zone,
	"corrected_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "company_value" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"request_id" uuid,
	"subject_id" uuid NOT NULL,
	"receiver_id" uuid NOT NULL,
	"giver_id" uuid,
	"anonymous" boolean DEFAULT false NOT NULL,
	"share_with_managers" boolean DEFAULT false NOT NULL,
	"share_with_subject" boolean DEFAULT false NOT NULL,
	"body" text,
	"answers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"skill_ratings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"value_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"given_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_invitation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"giver_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_request" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"requester_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"message" text,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"skill_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"allow_anonymous" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"owner_type" text NOT NULL,
	"owner_person_id" uuid,
	"owner_department_id" uuid,
	"owner_group_id" uuid,
	"parent_id" uuid,
	"period_id" uuid,
	"visibility" text DEFAULT 'public' NOT NULL,
	"status" text DEFAULT 'on_track' NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"weight" real DEFAULT 1 NOT NULL,
	"template_id" uuid,
	"assignment_id" uuid,
	"created_by" uuid,
	"last_check_in_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_comment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_period" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_skill" (
	"org_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"level" smallint,
	CONSTRAINT "goal_skill_goal_id_skill_id_pk" PRIMARY KEY("goal_id","skill_id")
);
--> statement-breakpoint
CREATE TABLE "goal_template" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"key_results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"skill_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hurdle" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"category" text NOT NULL,
	"skill_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"goal_id" uuid,
	"source" text DEFAULT 'self' NOT NULL,
	"source_record_id" uuid,
	"raised_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_result" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"unit" text,
	"start_value" double precision DEFAULT 0 NOT NULL,
	"target_value" double precision NOT NULL,
	"current_value" double precision DEFAULT 0 NOT NULL,
	"weight" real DEFAULT 1 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "one_on_one_meeting" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"held_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "one_on_one_note" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"author_id" uuid,
	"private" boolean DEFAULT false NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "one_on_one_series" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"organiser_id" uuid NOT NULL,
	"attendee_id" uuid NOT NULL,
	"cadence" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer DEFAULT 30 NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"location" text,
	"ended_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "performance_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"anonymous_feedback" boolean DEFAULT true NOT NULL,
	"check_in_reminder_weekday" smallint DEFAULT 5 NOT NULL,
	"one_on_one_reminder_hours" integer DEFAULT 24 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "praise" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"giver_id" uuid,
	"message" text NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"value_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"skill_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "praise_comment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"praise_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "praise_reaction" (
	"org_id" uuid NOT NULL,
	"praise_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"emoji" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "praise_reaction_praise_id_person_id_emoji_pk" PRIMARY KEY("praise_id","person_id","emoji")
);
--> statement-breakpoint
CREATE TABLE "praise_recipient" (
	"org_id" uuid NOT NULL,
	"praise_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "praise_recipient_praise_id_person_id_pk" PRIMARY KEY("praise_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "talking_point_topic" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"category" text NOT NULL,
	"text" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enrollment" ADD COLUMN "baseline_signal" jsonb;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_series_id_one_on_one_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."one_on_one_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_meeting_id_one_on_one_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."one_on_one_meeting"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_agenda_item_id_agenda_item_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_item"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_assignee_id_person_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_item" ADD CONSTRAINT "action_item_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_series_id_one_on_one_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."one_on_one_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_meeting_id_one_on_one_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."one_on_one_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_first_meeting_id_one_on_one_meeting_id_fk" FOREIGN KEY ("first_meeting_id") REFERENCES "public"."one_on_one_meeting"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_author_id_person_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_goal_id_goal_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goal"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_item" ADD CONSTRAINT "agenda_item_hurdle_id_hurdle_id_fk" FOREIGN KEY ("hurdle_id") REFERENCES "public"."hurdle"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_goal_id_goal_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_author_id_person_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_corrected_by_person_id_fk" FOREIGN KEY ("corrected_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_value" ADD CONSTRAINT "company_value_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_request_id_feedback_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."feedback_request"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_subject_id_person_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_receiver_id_person_id_fk" FOREIGN KEY ("receiver_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_giver_id_person_id_fk" FOREIGN KEY ("giver_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_invitation" ADD CONSTRAINT "feedback_invitation_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_invitation" ADD CONSTRAINT "feedback_invitation_request_id_feedback_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."feedback_request"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_invitation" ADD CONSTRAINT "feedback_invitation_giver_id_person_id_fk" FOREIGN KEY ("giver_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_request" ADD CONSTRAINT "feedback_request_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_request" ADD CONSTRAINT "feedback_request_requester_id_person_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_request" ADD CONSTRAINT "feedback_request_subject_id_person_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal" ADD CONSTRAINT "goal_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal" ADD CONSTRAINT "goal_owner_person_id_person_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal" ADD CONSTRAINT "goal_owner_department_id_department_id_fk" FOREIGN KEY ("owner_department_id") REFERENCES "public"."department"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal" ADD CONSTRAINT "goal_owner_group_id_group_id_fk" FOREIGN KEY ("owner_group_id") REFERENCES "public"."group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal" ADD CONSTRAINT "goal_parent_id_goal_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."goal"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal" ADD CONSTRAINT "goal_period_id_goal_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."goal_period"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal" ADD CONSTRAINT "goal_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_comment" ADD CONSTRAINT "goal_comment_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_comment" ADD CONSTRAINT "goal_comment_goal_id_goal_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_comment" ADD CONSTRAINT "goal_comment_author_id_person_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_period" ADD CONSTRAINT "goal_period_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_skill" ADD CONSTRAINT "goal_skill_goal_id_goal_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_skill" ADD CONSTRAINT "goal_skill_skill_id_skill_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skill"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_template" ADD CONSTRAINT "goal_template_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_template" ADD CONSTRAINT "goal_template_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hurdle" ADD CONSTRAINT "hurdle_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hurdle" ADD CONSTRAINT "hurdle_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hurdle" ADD CONSTRAINT "hurdle_skill_id_skill_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skill"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hurdle" ADD CONSTRAINT "hurdle_goal_id_goal_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goal"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hurdle" ADD CONSTRAINT "hurdle_raised_by_person_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_result" ADD CONSTRAINT "key_result_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_result" ADD CONSTRAINT "key_result_goal_id_goal_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_meeting" ADD CONSTRAINT "one_on_one_meeting_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_meeting" ADD CONSTRAINT "one_on_one_meeting_series_id_one_on_one_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."one_on_one_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_note" ADD CONSTRAINT "one_on_one_note_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_note" ADD CONSTRAINT "one_on_one_note_series_id_one_on_one_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."one_on_one_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_note" ADD CONSTRAINT "one_on_one_note_meeting_id_one_on_one_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."one_on_one_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_note" ADD CONSTRAINT "one_on_one_note_author_id_person_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_series" ADD CONSTRAINT "one_on_one_series_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_series" ADD CONSTRAINT "one_on_one_series_organiser_id_person_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_series" ADD CONSTRAINT "one_on_one_series_attendee_id_person_id_fk" FOREIGN KEY ("attendee_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_series" ADD CONSTRAINT "one_on_one_series_created_by_person_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_settings" ADD CONSTRAINT "performance_settings_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "praise" ADD CONSTRAINT "praise_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "praise" ADD CONSTRAINT "praise_giver_id_person_id_fk" FOREIGN KEY ("giver_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "praise_comment" ADD CONSTRAINT "praise_comment_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "praise_comment" ADD CONSTRAINT "praise_comment_praise_id_praise_id_fk" FOREIGN KEY ("praise_id") REFERENCES "public"."praise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "praise_comment" ADD CONSTRAINT "praise_comment_author_id_person_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "praise_reaction" ADD CONSTRAINT "praise_reaction_praise_id_praise_id_fk" FOREIGN KEY ("praise_id") REFERENCES "public"."praise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "praise_reaction" ADD CONSTRAINT "praise_reaction_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "praise_recipient" ADD CONSTRAINT "praise_recipient_praise_id_praise_id_fk" FOREIGN KEY ("praise_id") REFERENCES "public"."praise"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "praise_recipient" ADD CONSTRAINT "praise_recipient_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talking_point_topic" ADD CONSTRAINT "talking_point_topic_org_id_organisation_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_item_series_idx" ON "action_item" USING btree ("org_id","series_id","done_at");--> statement-breakpoint
CREATE INDEX "agenda_item_meeting_idx" ON "agenda_item" USING btree ("org_id","meeting_id","position");--> statement-breakpoint
CREATE INDEX "agenda_item_series_idx" ON "agenda_item" USING btree ("org_id","series_id");--> statement-breakpoint
CREATE INDEX "check_in_goal_idx" ON "check_in" USING btree ("org_id","goal_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "company_value_org_name_uq" ON "company_value" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "feedback_receiver_idx" ON "feedback" USING btree ("org_id","receiver_id","given_on");--> statement-breakpoint
CREATE INDEX "feedback_subject_idx" ON "feedback" USING btree ("org_id","subject_id","given_on");--> statement-breakpoint
CREATE INDEX "feedback_giver_idx" ON "feedback" USING btree ("org_id","giver_id") WHERE giver_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_invitation_request_giver_uq" ON "feedback_invitation" USING btree ("request_id","giver_id");--> statement-breakpoint
CREATE INDEX "feedback_invitation_giver_idx" ON "feedback_invitation" USING btree ("org_id","giver_id","status");--> statement-breakpoint
CREATE INDEX "feedback_request_requester_idx" ON "feedback_request" USING btree ("org_id","requester_id");--> statement-breakpoint
CREATE INDEX "feedback_request_subject_idx" ON "feedback_request" USING btree ("org_id","subject_id");--> statement-breakpoint
CREATE INDEX "goal_parent_idx" ON "goal" USING btree ("org_id","parent_id");--> statement-breakpoint
CREATE INDEX "goal_owner_person_idx" ON "goal" USING btree ("org_id","owner_person_id") WHERE owner_person_id is not null;--> statement-breakpoint
CREATE INDEX "goal_owner_department_idx" ON "goal" USING btree ("org_id","owner_department_id") WHERE owner_department_id is not null;--> statement-breakpoint
CREATE INDEX "goal_owner_group_idx" ON "goal" USING btree ("org_id","owner_group_id") WHERE owner_group_id is not null;--> statement-breakpoint
CREATE INDEX "goal_period_idx" ON "goal" USING btree ("org_id","period_id","status");--> statement-breakpoint
CREATE INDEX "goal_comment_goal_idx" ON "goal_comment" USING btree ("org_id","goal_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "goal_period_org_name_uq" ON "goal_period" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "goal_period_dates_idx" ON "goal_period" USING btree ("org_id","starts_on");--> statement-breakpoint
CREATE INDEX "goal_skill_skill_idx" ON "goal_skill" USING btree ("org_id","skill_id");--> statement-breakpoint
CREATE UNIQUE INDEX "goal_template_org_title_uq" ON "goal_template" USING btree ("org_id",lower("title"));--> statement-breakpoint
CREATE INDEX "hurdle_person_idx" ON "hurdle" USING btree ("org_id","person_id","status");--> statement-breakpoint
CREATE INDEX "hurdle_goal_idx" ON "hurdle" USING btree ("org_id","goal_id") WHERE goal_id is not null;--> statement-breakpoint
CREATE INDEX "key_result_goal_idx" ON "key_result" USING btree ("goal_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "one_on_one_meeting_series_at_uq" ON "one_on_one_meeting" USING btree ("series_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "one_on_one_meeting_org_at_idx" ON "one_on_one_meeting" USING btree ("org_id","scheduled_at");--> statement-breakpoint
CREATE UNIQUE INDEX "one_on_one_note_shared_uq" ON "one_on_one_note" USING btree ("meeting_id") WHERE not private;--> statement-breakpoint
CREATE UNIQUE INDEX "one_on_one_note_private_uq" ON "one_on_one_note" USING btree ("meeting_id","author_id") WHERE private;--> statement-breakpoint
CREATE INDEX "one_on_one_series_organiser_idx" ON "one_on_one_series" USING btree ("org_id","organiser_id");--> statement-breakpoint
CREATE INDEX "one_on_one_series_attendee_idx" ON "one_on_one_series" USING btree ("org_id","attendee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_on_one_series_pair_uq" ON "one_on_one_series" USING btree ("org_id","organiser_id","attendee_id") WHERE ended_at is null;--> statement-breakpoint
CREATE INDEX "praise_feed_idx" ON "praise" USING btree ("org_id","created_at") WHERE visibility = 'public';--> statement-breakpoint
CREATE INDEX "praise_giver_idx" ON "praise" USING btree ("org_id","giver_id");--> statement-breakpoint
CREATE INDEX "praise_comment_praise_idx" ON "praise_comment" USING btree ("praise_id","created_at");--> statement-breakpoint
CREATE INDEX "praise_recipient_person_idx" ON "praise_recipient" USING btree ("org_id","person_id");--> statement-breakpoint
CREATE INDEX "talking_point_topic_org_idx" ON "talking_point_topic" USING btree ("org_id","category","position");