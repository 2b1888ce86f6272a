DROP INDEX `journal_items_entity_idx`;--> statement-breakpoint
DROP INDEX `audit_log_journal_idx`;