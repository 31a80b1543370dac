DROP INDEX "user_account_email_uq";--> statement-breakpoint
-- Fields that existed before visibility was chosen keep to the person, their manager chain and HR;
-- new fields are HR only unless their creator says otherwise.
ALTER TABLE "custom_field" ADD COLUMN "visibility" text DEFAULT 'chain' NOT NULL;--> statement-breakpoint
ALTER TABLE "custom_field" ALTER COLUMN "visibility" SET DEFAULT 'hr';--> statement-breakpoint
CREATE UNIQUE INDEX "user_account_org_email_uq" ON "user_account" USING btree ("org_id",lower("email"));--> statement-breakpoint
CREATE INDEX "user_account_email_idx" ON "user_account" USING btree (lower("email"));
