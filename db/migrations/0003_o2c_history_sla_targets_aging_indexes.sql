ALTER TABLE `instalments` ADD `returned_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `instalments` ADD `effective_on` text;--> statement-breakpoint
ALTER TABLE `instalments` ADD `superseded_on` text;--> statement-breakpoint
CREATE INDEX `instalments_open_order_idx` ON `instalments` (`order_id`,`due_on`,`amount_fen`,`paid_fen`,`returned_fen`,`superseded_on`) WHERE "instalments"."paid_fen" < "instalments"."amount_fen" and "instalments"."superseded_on" is null;--> statement-breakpoint
ALTER TABLE `cases` ADD `first_response_target_min` integer;--> statement-breakpoint
ALTER TABLE `cases` ADD `resolution_target_min` integer;--> statement-breakpoint
CREATE INDEX `cases_fr_due_idx` ON `cases` (`first_response_due_at`);--> statement-breakpoint
CREATE INDEX `orders_ordered_page_idx` ON `orders` ("ordered_on" desc,`id`) WHERE "orders"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `orders_money_idx` ON `orders` (`id`,`state`,`confirmed_on`,`account_id`,`rep_id`,`deleted_at`) WHERE "orders"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `payment_allocations_asof_idx` ON `payment_allocations` (`instalment_id`,`allocated_on`,`amount_fen`);--> statement-breakpoint
CREATE INDEX `payments_credit_idx` ON `payments` (`account_id`,`unallocated_fen`) WHERE "payments"."unallocated_fen" <> 0 and "payments"."deleted_at" is null;