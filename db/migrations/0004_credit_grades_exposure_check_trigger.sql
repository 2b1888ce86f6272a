DROP INDEX `credit_grades_run_idx`;--> statement-breakpoint
DROP INDEX `credit_grades_account_idx`;--> statement-breakpoint
ALTER TABLE `credit_grades` ADD `exposure_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `credit_grades` ADD `limit_fen` integer;--> statement-breakpoint
ALTER TABLE `credit_grades` ADD `over_limit` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `credit_grades` ADD `suggest_hold` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `credit_grades_run_account_uq` ON `credit_grades` (`run_id`,`account_id`);--> statement-breakpoint
ALTER TABLE `credit_checks` ADD `trigger` text DEFAULT 'manual' NOT NULL;