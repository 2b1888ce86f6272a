CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text,
	`active` integer DEFAULT true NOT NULL,
	`last_sign_in_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_uq` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `counters` (
	`key` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `territories` (
	`id` text PRIMARY KEY NOT NULL,
	`parent_id` text,
	`name` text NOT NULL,
	`code` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`parent_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `territories_parent_idx` ON `territories` (`parent_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `territories_code_uq` ON `territories` (`code`);--> statement-breakpoint
CREATE TABLE `rep_territories` (
	`rep_id` text NOT NULL,
	`territory_id` text NOT NULL,
	PRIMARY KEY(`rep_id`, `territory_id`),
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rep_territories_territory_idx` ON `rep_territories` (`territory_id`);--> statement-breakpoint
CREATE TABLE `reps` (
	`id` text PRIMARY KEY NOT NULL,
	`employee_no` text,
	`name` text NOT NULL,
	`phone` text,
	`email` text,
	`status` text DEFAULT 'active' NOT NULL,
	`capacity` integer,
	`specialities` text DEFAULT '[]' NOT NULL,
	`territory_id` text,
	`user_id` text,
	`joined_on` text,
	`left_on` text,
	`notes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reps_employee_no_uq` ON `reps` (`employee_no`);--> statement-breakpoint
CREATE INDEX `reps_territory_idx` ON `reps` (`territory_id`);--> statement-breakpoint
CREATE INDEX `reps_name_idx` ON `reps` (`name`);--> statement-breakpoint
CREATE TABLE `account_followers` (
	`account_id` text NOT NULL,
	`rep_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	PRIMARY KEY(`account_id`, `rep_id`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `account_followers_rep_idx` ON `account_followers` (`rep_id`);--> statement-breakpoint
CREATE TABLE `account_tags` (
	`account_id` text NOT NULL,
	`tag_id` text NOT NULL,
	PRIMARY KEY(`account_id`, `tag_id`),
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `account_tags_tag_idx` ON `account_tags` (`tag_id`);--> statement-breakpoint
CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text,
	`name_initials` text DEFAULT '' NOT NULL,
	`credit_code` text,
	`industry` text,
	`territory_id` text,
	`tier` text DEFAULT 'C' NOT NULL,
	`source` text,
	`deal_status` text DEFAULT 'prospect' NOT NULL,
	`account_group` text,
	`phone` text,
	`email` text,
	`website` text,
	`province` text,
	`city` text,
	`address` text,
	`notes` text,
	`owner_rep_id` text,
	`owned_since` integer,
	`previous_owner_rep_id` text,
	`pooled_at` integer,
	`protected_until` text,
	`last_followup_on` text,
	`next_followup_on` text,
	`last_deal_on` text,
	`open_receivable_fen` integer DEFAULT 0 NOT NULL,
	`overdue_fen` integer DEFAULT 0 NOT NULL,
	`max_overdue_days` integer DEFAULT 0 NOT NULL,
	`open_cases` integer DEFAULT 0 NOT NULL,
	`credit_grade` text,
	`credit_hold` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`previous_owner_rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_code_uq` ON `accounts` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_credit_code_uq` ON `accounts` (`credit_code`) WHERE "accounts"."credit_code" is not null and "accounts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX `accounts_name_idx` ON `accounts` (`name`);--> statement-breakpoint
CREATE INDEX `accounts_initials_idx` ON `accounts` (`name_initials`);--> statement-breakpoint
CREATE INDEX `accounts_phone_idx` ON `accounts` (`phone`);--> statement-breakpoint
CREATE INDEX `accounts_owner_idx` ON `accounts` (`owner_rep_id`,`name`);--> statement-breakpoint
CREATE INDEX `accounts_territory_idx` ON `accounts` (`territory_id`);--> statement-breakpoint
CREATE INDEX `accounts_tier_idx` ON `accounts` (`tier`,`name`);--> statement-breakpoint
CREATE INDEX `accounts_industry_idx` ON `accounts` (`industry`);--> statement-breakpoint
CREATE INDEX `accounts_last_followup_idx` ON `accounts` (`last_followup_on`);--> statement-breakpoint
CREATE INDEX `accounts_receivable_idx` ON `accounts` (`open_receivable_fen`);--> statement-breakpoint
CREATE INDEX `accounts_overdue_idx` ON `accounts` (`overdue_fen`);--> statement-breakpoint
CREATE INDEX `accounts_grade_idx` ON `accounts` (`credit_grade`);--> statement-breakpoint
CREATE INDEX `accounts_updated_idx` ON `accounts` (`updated_at`);--> statement-breakpoint
CREATE INDEX `accounts_created_idx` ON `accounts` (`created_at`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`name` text NOT NULL,
	`title` text,
	`phone` text,
	`mobile` text,
	`email` text,
	`wechat` text,
	`is_primary` integer DEFAULT false NOT NULL,
	`notes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contacts_account_idx` ON `contacts` (`account_id`);--> statement-breakpoint
CREATE INDEX `contacts_mobile_idx` ON `contacts` (`mobile`);--> statement-breakpoint
CREATE TABLE `tags` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`color` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tags_name_uq` ON `tags` (`name`);--> statement-breakpoint
CREATE TABLE `journal_items` (
	`id` text PRIMARY KEY NOT NULL,
	`journal_id` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	`after_version` integer,
	FOREIGN KEY (`journal_id`) REFERENCES `journals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `journal_items_journal_idx` ON `journal_items` (`journal_id`);--> statement-breakpoint
CREATE INDEX `journal_items_entity_idx` ON `journal_items` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE TABLE `journals` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`summary` text NOT NULL,
	`item_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`undone_at` integer,
	`undone_by` text
);
--> statement-breakpoint
CREATE INDEX `journals_created_idx` ON `journals` (`created_at`);--> statement-breakpoint
CREATE INDEX `journals_kind_idx` ON `journals` (`kind`,`created_at`);--> statement-breakpoint
CREATE TABLE `account_transfers` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`from_rep_id` text,
	`to_rep_id` text,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`journal_id` text,
	`at` integer NOT NULL,
	`by` text,
	`undone_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`journal_id`) REFERENCES `journals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `account_transfers_account_idx` ON `account_transfers` (`account_id`,`at`);--> statement-breakpoint
CREATE INDEX `account_transfers_at_idx` ON `account_transfers` (`at`);--> statement-breakpoint
CREATE INDEX `account_transfers_journal_idx` ON `account_transfers` (`journal_id`);--> statement-breakpoint
CREATE INDEX `account_transfers_to_idx` ON `account_transfers` (`to_rep_id`,`kind`,`at`);--> statement-breakpoint
CREATE TABLE `allocation_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`match` text DEFAULT '{}' NOT NULL,
	`target_rep_ids` text DEFAULT '[]' NOT NULL,
	`strategy` text DEFAULT 'round_robin' NOT NULL,
	`rr_cursor` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `allocation_rules_order_idx` ON `allocation_rules` (`sort_order`);--> statement-breakpoint
CREATE TABLE `pool_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`territory_id` text,
	`tier` text,
	`no_followup_days` integer,
	`no_deal_days` integer,
	`protection_days` integer,
	`reminder_days` integer DEFAULT 3 NOT NULL,
	`claim_daily_cap` integer,
	`holding_cap` integer,
	`cooldown_days` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pool_rules_order_idx` ON `pool_rules` (`sort_order`);--> statement-breakpoint
CREATE TABLE `followups` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`rep_id` text,
	`contact_id` text,
	`kind` text NOT NULL,
	`occurred_on` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`next_step` text,
	`next_on` text,
	`next_done` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `followups_account_idx` ON `followups` (`account_id`,`occurred_on`);--> statement-breakpoint
CREATE INDEX `followups_rep_idx` ON `followups` (`rep_id`,`occurred_on`);--> statement-breakpoint
CREATE INDEX `followups_due_idx` ON `followups` (`rep_id`,`next_on`) WHERE "followups"."next_done" = 0 and "followups"."next_on" is not null;--> statement-breakpoint
CREATE INDEX `followups_occurred_idx` ON `followups` (`occurred_on`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`sku` text NOT NULL,
	`name` text NOT NULL,
	`spec` text,
	`unit` text DEFAULT '件' NOT NULL,
	`category` text,
	`unit_price_fen` integer DEFAULT 0 NOT NULL,
	`tax_rate_bp` integer DEFAULT 1300 NOT NULL,
	`warranty_months` integer DEFAULT 12 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_sku_uq` ON `products` (`sku`);--> statement-breakpoint
CREATE INDEX `products_name_idx` ON `products` (`name`);--> statement-breakpoint
CREATE TABLE `order_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`line_no` integer NOT NULL,
	`product_id` text,
	`description` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price_fen` integer NOT NULL,
	`discount_bp` integer DEFAULT 0 NOT NULL,
	`tax_rate_bp` integer DEFAULT 1300 NOT NULL,
	`amount_fen` integer NOT NULL,
	`tax_fen` integer DEFAULT 0 NOT NULL,
	`shipped_qty` integer DEFAULT 0 NOT NULL,
	`returned_qty` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_lines_order_idx` ON `order_lines` (`order_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `order_lines_product_idx` ON `order_lines` (`product_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`order_no` text NOT NULL,
	`account_id` text NOT NULL,
	`rep_id` text,
	`state` text DEFAULT 'draft' NOT NULL,
	`held_from_state` text,
	`ordered_on` text NOT NULL,
	`promised_on` text,
	`confirmed_on` text,
	`shipped_on` text,
	`completed_on` text,
	`cancelled_on` text,
	`customer_po` text,
	`payment_terms_days` integer DEFAULT 30 NOT NULL,
	`total_fen` integer DEFAULT 0 NOT NULL,
	`tax_fen` integer DEFAULT 0 NOT NULL,
	`shipped_fen` integer DEFAULT 0 NOT NULL,
	`billed_fen` integer DEFAULT 0 NOT NULL,
	`collected_fen` integer DEFAULT 0 NOT NULL,
	`returned_fen` integer DEFAULT 0 NOT NULL,
	`credit_status` text,
	`notes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_order_no_uq` ON `orders` (`order_no`);--> statement-breakpoint
CREATE INDEX `orders_account_idx` ON `orders` (`account_id`,`ordered_on`);--> statement-breakpoint
CREATE INDEX `orders_rep_idx` ON `orders` (`rep_id`,`ordered_on`);--> statement-breakpoint
CREATE INDEX `orders_state_idx` ON `orders` (`state`,`ordered_on`);--> statement-breakpoint
CREATE INDEX `orders_ordered_idx` ON `orders` (`ordered_on`);--> statement-breakpoint
CREATE INDEX `orders_po_idx` ON `orders` (`account_id`,`customer_po`);--> statement-breakpoint
CREATE TABLE `shipment_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`shipment_id` text NOT NULL,
	`order_line_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	FOREIGN KEY (`shipment_id`) REFERENCES `shipments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_line_id`) REFERENCES `order_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shipment_lines_shipment_idx` ON `shipment_lines` (`shipment_id`);--> statement-breakpoint
CREATE INDEX `shipment_lines_line_idx` ON `shipment_lines` (`order_line_id`);--> statement-breakpoint
CREATE TABLE `shipments` (
	`id` text PRIMARY KEY NOT NULL,
	`shipment_no` text NOT NULL,
	`order_id` text NOT NULL,
	`shipped_on` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`notes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_no_uq` ON `shipments` (`shipment_no`);--> statement-breakpoint
CREATE INDEX `shipments_order_idx` ON `shipments` (`order_id`);--> statement-breakpoint
CREATE TABLE `return_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`return_id` text NOT NULL,
	`order_line_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_line_id`) REFERENCES `order_lines`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `return_lines_return_idx` ON `return_lines` (`return_id`);--> statement-breakpoint
CREATE INDEX `return_lines_line_idx` ON `return_lines` (`order_line_id`);--> statement-breakpoint
CREATE TABLE `returns` (
	`id` text PRIMARY KEY NOT NULL,
	`return_no` text NOT NULL,
	`order_id` text NOT NULL,
	`account_id` text NOT NULL,
	`returned_on` text NOT NULL,
	`reason` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`refund_fen` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `returns_no_uq` ON `returns` (`return_no`);--> statement-breakpoint
CREATE INDEX `returns_order_idx` ON `returns` (`order_id`);--> statement-breakpoint
CREATE INDEX `returns_account_idx` ON `returns` (`account_id`,`returned_on`);--> statement-breakpoint
CREATE TABLE `instalments` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`seq` integer NOT NULL,
	`label` text NOT NULL,
	`due_on` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`paid_fen` integer DEFAULT 0 NOT NULL,
	`paid_on` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `instalments_order_idx` ON `instalments` (`order_id`,`seq`);--> statement-breakpoint
CREATE INDEX `instalments_open_due_idx` ON `instalments` (`due_on`) WHERE "instalments"."paid_fen" < "instalments"."amount_fen";--> statement-breakpoint
CREATE TABLE `payment_allocations` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`order_id` text NOT NULL,
	`instalment_id` text,
	`amount_fen` integer NOT NULL,
	`allocated_on` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instalment_id`) REFERENCES `instalments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payment_allocations_payment_idx` ON `payment_allocations` (`payment_id`);--> statement-breakpoint
CREATE INDEX `payment_allocations_order_idx` ON `payment_allocations` (`order_id`);--> statement-breakpoint
CREATE INDEX `payment_allocations_instalment_idx` ON `payment_allocations` (`instalment_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_no` text NOT NULL,
	`account_id` text NOT NULL,
	`received_on` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`method` text NOT NULL,
	`kind` text DEFAULT 'receipt' NOT NULL,
	`reference` text,
	`return_id` text,
	`unallocated_fen` integer DEFAULT 0 NOT NULL,
	`notes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`return_id`) REFERENCES `returns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_no_uq` ON `payments` (`payment_no`);--> statement-breakpoint
CREATE INDEX `payments_account_idx` ON `payments` (`account_id`,`received_on`);--> statement-breakpoint
CREATE INDEX `payments_received_idx` ON `payments` (`received_on`);--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`note` text,
	`at` integer NOT NULL,
	`by` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_events_case_idx` ON `case_events` (`case_id`,`at`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`case_no` text NOT NULL,
	`account_id` text NOT NULL,
	`order_id` text,
	`order_line_id` text,
	`product_id` text,
	`serial_no` text,
	`type` text NOT NULL,
	`priority` text DEFAULT 'P3' NOT NULL,
	`state` text DEFAULT 'new' NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`warranty` text DEFAULT 'unknown' NOT NULL,
	`owner_user_id` text,
	`owner_rep_id` text,
	`attachments` text DEFAULT '[]' NOT NULL,
	`opened_at` integer NOT NULL,
	`first_responded_at` integer,
	`resolved_at` integer,
	`closed_at` integer,
	`first_response_due_at` integer,
	`resolution_due_at` integer,
	`first_response_breached` integer DEFAULT false NOT NULL,
	`resolution_breached` integer DEFAULT false NOT NULL,
	`escalation_level` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_line_id`) REFERENCES `order_lines`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_no_uq` ON `cases` (`case_no`);--> statement-breakpoint
CREATE INDEX `cases_account_idx` ON `cases` (`account_id`,`state`);--> statement-breakpoint
CREATE INDEX `cases_state_idx` ON `cases` (`state`,`resolution_due_at`);--> statement-breakpoint
CREATE INDEX `cases_order_idx` ON `cases` (`order_id`);--> statement-breakpoint
CREATE INDEX `cases_owner_rep_idx` ON `cases` (`owner_rep_id`,`state`);--> statement-breakpoint
CREATE INDEX `cases_opened_idx` ON `cases` (`opened_at`);--> statement-breakpoint
CREATE TABLE `sla_policies` (
	`id` text PRIMARY KEY NOT NULL,
	`priority` text NOT NULL,
	`tier` text,
	`first_response_minutes` integer NOT NULL,
	`resolution_minutes` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sla_policies_uq` ON `sla_policies` (`priority`,`tier`);--> statement-breakpoint
CREATE TABLE `credit_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`order_id` text,
	`outcome` text NOT NULL,
	`limit_fen` integer,
	`exposure_fen` integer NOT NULL,
	`reasons` text DEFAULT '[]' NOT NULL,
	`at` integer NOT NULL,
	`by` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credit_checks_account_idx` ON `credit_checks` (`account_id`,`at`);--> statement-breakpoint
CREATE INDEX `credit_checks_order_idx` ON `credit_checks` (`order_id`);--> statement-breakpoint
CREATE TABLE `credit_grades` (
	`id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`account_id` text NOT NULL,
	`grade` text NOT NULL,
	`score` integer NOT NULL,
	`previous_grade` text,
	`factors` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `credit_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credit_grades_run_idx` ON `credit_grades` (`run_id`);--> statement-breakpoint
CREATE INDEX `credit_grades_account_idx` ON `credit_grades` (`account_id`);--> statement-breakpoint
CREATE TABLE `credit_overrides` (
	`id` text PRIMARY KEY NOT NULL,
	`credit_check_id` text NOT NULL,
	`order_id` text,
	`account_id` text NOT NULL,
	`manager_user_id` text NOT NULL,
	`requested_by` text,
	`reason` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`credit_check_id`) REFERENCES `credit_checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`manager_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credit_overrides_account_idx` ON `credit_overrides` (`account_id`,`at`);--> statement-breakpoint
CREATE INDEX `credit_overrides_order_idx` ON `credit_overrides` (`order_id`);--> statement-breakpoint
CREATE TABLE `credit_profiles` (
	`account_id` text PRIMARY KEY NOT NULL,
	`limit_fen` integer,
	`temp_limit_fen` integer,
	`temp_limit_expires_on` text,
	`temp_limit_reason` text,
	`payment_terms_days` integer,
	`policy` text,
	`hold` integer DEFAULT false NOT NULL,
	`hold_reason` text,
	`hold_at` integer,
	`hold_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `credit_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`by` text,
	`as_of` text NOT NULL,
	`account_count` integer NOT NULL,
	`summary` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `credit_runs_at_idx` ON `credit_runs` (`at`);--> statement-breakpoint
CREATE TABLE `targets` (
	`id` text PRIMARY KEY NOT NULL,
	`rep_id` text,
	`territory_id` text,
	`period_kind` text NOT NULL,
	`period` text NOT NULL,
	`measure` text NOT NULL,
	`value` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`rep_id`) REFERENCES `reps`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`territory_id`) REFERENCES `territories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `targets_uq` ON `targets` (`rep_id`,`territory_id`,`period`,`measure`);--> statement-breakpoint
CREATE INDEX `targets_period_idx` ON `targets` (`period`,`measure`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`journal_id` text,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`sheet` text,
	`header_row` integer,
	`encoding` text,
	`mapping` text DEFAULT '{}' NOT NULL,
	`on_duplicate` text NOT NULL,
	`row_count` integer NOT NULL,
	`created_count` integer DEFAULT 0 NOT NULL,
	`updated_count` integer DEFAULT 0 NOT NULL,
	`skipped_count` integer DEFAULT 0 NOT NULL,
	`error_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`undone_at` integer,
	`undone_by` text,
	FOREIGN KEY (`journal_id`) REFERENCES `journals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_batches_created_idx` ON `import_batches` (`created_at`);--> statement-breakpoint
CREATE TABLE `import_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`shape_key` text NOT NULL,
	`sender` text,
	`mapping` text NOT NULL,
	`options` text DEFAULT '{}' NOT NULL,
	`last_used_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `import_templates_shape_idx` ON `import_templates` (`kind`,`shape_key`);--> statement-breakpoint
CREATE TABLE `saved_views` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`grid` text NOT NULL,
	`name` text NOT NULL,
	`state` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `saved_views_user_grid_idx` ON `saved_views` (`user_id`,`grid`);--> statement-breakpoint
CREATE TABLE `scheduled_exports` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`report` text NOT NULL,
	`period` text NOT NULL,
	`format` text DEFAULT 'xlsx' NOT NULL,
	`folder` text NOT NULL,
	`schedule` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`last_run_at` integer,
	`last_result` text,
	`next_run_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`user_id` text,
	`user_name` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text,
	`before` text,
	`after` text,
	`reason` text,
	`journal_id` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_type`,`entity_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_journal_idx` ON `audit_log` (`journal_id`);