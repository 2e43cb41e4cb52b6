CREATE TABLE `live_tests` (
	`id` text PRIMARY KEY NOT NULL,
	`user_handle` text NOT NULL,
	`challenge` text NOT NULL,
	`credential_id` text,
	`public_key` blob,
	`counter` integer,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `troubleshoot_reports` (
	`code` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`content` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `troubleshoot_reports_expires_idx` ON `troubleshoot_reports` (`expires_at`);