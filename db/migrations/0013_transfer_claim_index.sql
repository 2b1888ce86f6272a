DROP INDEX `account_transfers_to_idx`;--> statement-breakpoint
CREATE INDEX `account_transfers_claim_idx` ON `account_transfers` (`to_rep_id`,`at`) WHERE "account_transfers"."kind" = 'claim';