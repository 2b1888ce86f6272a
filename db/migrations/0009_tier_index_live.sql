DROP INDEX `accounts_tier_idx`;--> statement-breakpoint
CREATE INDEX `accounts_tier_idx` ON `accounts` (`tier`,`id`,`deleted_at`) WHERE "accounts"."deleted_at" is null;