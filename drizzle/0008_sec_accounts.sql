CREATE TABLE `trusted_devices` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `trusted_devices_user_idx` ON `trusted_devices` (`user_id`);--> statement-breakpoint
ALTER TABLE `passkeys` ADD `user_verified` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `recovery_codes` ADD `salt` text;--> statement-breakpoint
-- A passkey already used to sign in or step up has shown user verification (every use requires it); the others are
-- unknown and count as no way in until their first use (docs/decisions/011).
UPDATE `passkeys` SET `user_verified` = 1 WHERE `last_used_at` IS NOT NULL;
