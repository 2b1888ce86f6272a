DROP INDEX `credit_grades_run_idx`;--> statement-breakpoint
DROP INDEX `credit_grades_account_idx`;--> statement-breakpoint
ALTER TABLE `credit_grades` ADD `exposure_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `credit_grades` ADD `limit_fen` integer;--> statement-breakpoint
ALTER TABLE `credit_grades` ADD `over_limit` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `credit_grades` ADD `suggest_hold` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `credit_grades_run_account_uq` ON `credit_grades` (`run_id`,`account_id`);--> statement-breakpoint
DROP INDEX `payment_allocations_order_idx`;--> statement-breakpoint
CREATE INDEX `payment_allocations_order_idx` ON `payment_allocations` (`order_id`,`allocated_on`,`amount_fen`);--> statement-breakpoint
ALTER TABLE `credit_checks` ADD `trigger` text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
CREATE INDEX `orders_credit_idx` ON `orders` (`account_id`,`id`,`state`,`confirmed_on`,`total_fen`,`billed_fen`,`collected_fen`,`returned_fen`,`deleted_at`) WHERE "orders"."deleted_at" is null and "orders"."confirmed_on" is not null;--> statement-breakpoint
CREATE INDEX `instalments_credit_idx` ON `instalments` (`order_id`,`due_on`,`amount_fen`,`paid_fen`,`returned_fen`,`paid_on`) WHERE "instalments"."superseded_on" is null;