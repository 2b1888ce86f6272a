ALTER TABLE `targets` ADD `split` text DEFAULT 'even' NOT NULL;--> statement-breakpoint
ALTER TABLE `scheduled_exports` ADD `run_at` text DEFAULT '08:00' NOT NULL;--> statement-breakpoint
ALTER TABLE `scheduled_exports` ADD `weekday` integer;--> statement-breakpoint
ALTER TABLE `scheduled_exports` ADD `month_day` integer;