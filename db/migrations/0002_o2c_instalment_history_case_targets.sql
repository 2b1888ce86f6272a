ALTER TABLE `instalments` ADD `returned_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `instalments` ADD `effective_on` text;--> statement-breakpoint
ALTER TABLE `instalments` ADD `superseded_on` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `first_response_target_min` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `resolution_target_min` integer;--> statement-breakpoint
CREATE INDEX `cases_fr_due_idx` ON `cases` (`first_response_due_at`);