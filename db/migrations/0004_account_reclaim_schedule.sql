ALTER TABLE `accounts` ADD `reclaim_on` text;--> statement-breakpoint
ALTER TABLE `accounts` ADD `reclaim_remind_on` text;--> statement-breakpoint
ALTER TABLE `accounts` ADD `reclaim_trigger` text;--> statement-breakpoint
CREATE INDEX `accounts_reclaim_remind_idx` ON `accounts` (`reclaim_remind_on`);