ALTER TABLE "mail_message" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "stored_file" ADD COLUMN "purpose" text;