CREATE TABLE `browser_events` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`browser_hash` text NOT NULL,
	`ceremony` text NOT NULL,
	`mediation` text NOT NULL,
	`outcome` text NOT NULL,
	`duration_ms` integer NOT NULL,
	`wrapped` integer,
	`capabilities` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `browser_events_user_idx` ON `browser_events` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `browser_events_browser_idx` ON `browser_events` (`browser_hash`,`created_at`);--> statement-breakpoint
CREATE INDEX `browser_events_created_idx` ON `browser_events` (`created_at`);--> statement-breakpoint
ALTER TABLE `troubleshoot_reports` ADD `browser_hash` text;