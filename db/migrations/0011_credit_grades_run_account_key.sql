PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_credit_grades` (
	`run_id` text NOT NULL,
	`account_id` text NOT NULL,
	`grade` text NOT NULL,
	`score` integer NOT NULL,
	`previous_grade` text,
	`factors` text DEFAULT '[]' NOT NULL,
	`exposure_fen` integer DEFAULT 0 NOT NULL,
	`limit_fen` integer,
	`over_limit` integer DEFAULT false NOT NULL,
	`suggest_hold` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`run_id`, `account_id`),
	FOREIGN KEY (`run_id`) REFERENCES `credit_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_credit_grades`("run_id", "account_id", "grade", "score", "previous_grade", "factors", "exposure_fen", "limit_fen", "over_limit", "suggest_hold") SELECT "run_id", "account_id", "grade", "score", "previous_grade", "factors", "exposure_fen", "limit_fen", "over_limit", "suggest_hold" FROM `credit_grades`;--> statement-breakpoint
DROP TABLE `credit_grades`;--> statement-breakpoint
ALTER TABLE `__new_credit_grades` RENAME TO `credit_grades`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `credit_grades_run_grade_idx` ON `credit_grades` (`run_id`,`grade`);--> statement-breakpoint
CREATE INDEX `credit_grades_flagged_idx` ON `credit_grades` (`run_id`,`score`,`account_id`) WHERE "credit_grades"."over_limit" = 1 or "credit_grades"."suggest_hold" = 1 or ("credit_grades"."previous_grade" is not null and "credit_grades"."grade" > "credit_grades"."previous_grade");