DROP INDEX `accounts_reclaim_remind_idx`;--> statement-breakpoint
DROP INDEX `accounts_reclaim_window_idx`;--> statement-breakpoint
CREATE INDEX `accounts_reclaim_window_idx` ON `accounts` (`reclaim_remind_on`,`reclaim_on`,`owner_rep_id`,`deleted_at`) WHERE "accounts"."deleted_at" is null and "accounts"."reclaim_remind_on" is not null;--> statement-breakpoint
ALTER TABLE `account_transfers` ADD `after_version` integer;--> statement-breakpoint
ALTER TABLE `account_transfers` ADD `by_user_id` text;--> statement-breakpoint
ALTER TABLE `account_transfers` ADD `before_owned_since` integer;--> statement-breakpoint
ALTER TABLE `account_transfers` ADD `before_previous_owner_rep_id` text;--> statement-breakpoint
ALTER TABLE `account_transfers` ADD `before_pooled_at` integer;--> statement-breakpoint
ALTER TABLE `account_transfers` ADD `before_updated_at` integer;--> statement-breakpoint
ALTER TABLE `account_transfers` ADD `before_updated_by` text;
--> statement-breakpoint
-- Owner-change journals kept each account's state before in a journal item; it moves onto the
-- operation's transfer row for that account (one per account per journal), and the item goes.
UPDATE `account_transfers` SET
	`after_version` = ji.`after_version`,
	`by_user_id` = ji.`after`->>'updatedBy',
	`before_owned_since` = ji.`before`->>'ownedSince',
	`before_previous_owner_rep_id` = ji.`before`->>'previousOwnerRepId',
	`before_pooled_at` = ji.`before`->>'pooledAt',
	`before_updated_at` = ji.`before`->>'updatedAt',
	`before_updated_by` = ji.`before`->>'updatedBy'
FROM `journal_items` ji JOIN `journals` j ON j.`id` = ji.`journal_id`
WHERE ji.`journal_id` = `account_transfers`.`journal_id` AND ji.`entity_type` = 'account' AND ji.`entity_id` = `account_transfers`.`account_id`
	AND j.`kind` <> 'import' AND ji.`after_version` IS NOT NULL;--> statement-breakpoint
DELETE FROM `journal_items` WHERE `entity_type` = 'account' AND EXISTS (
	SELECT 1 FROM `account_transfers` t WHERE t.`journal_id` = `journal_items`.`journal_id` AND t.`account_id` = `journal_items`.`entity_id` AND t.`after_version` IS NOT NULL);
