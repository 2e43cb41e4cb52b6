CREATE TABLE `failed_sign_ins` (
	`user_id` text NOT NULL,
	`hour_start` integer NOT NULL,
	`count` integer NOT NULL,
	`reasons` text NOT NULL,
	`sources` text NOT NULL,
	`last_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `hour_start`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `failed_sign_ins_hour_idx` ON `failed_sign_ins` (`hour_start`);--> statement-breakpoint
CREATE TABLE `outbox_mails` (
	`id` text PRIMARY KEY NOT NULL,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `outbox_mails_created_idx` ON `outbox_mails` (`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_mails_recipient_idx` ON `outbox_mails` (`recipient`,`created_at`);--> statement-breakpoint
CREATE TABLE `sign_up_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`code_hash` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sign_up_requests_token_hash_unique` ON `sign_up_requests` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sign_up_requests_expires_idx` ON `sign_up_requests` (`expires_at`);--> statement-breakpoint
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
UPDATE `passkeys` SET `user_verified` = 1 WHERE `last_used_at` IS NOT NULL;--> statement-breakpoint
-- Grants made before purposes existed could be spent on anything: drop them (they last 5 minutes anyway). SQLite adds
-- a NOT NULL column only with a default; 'unbound' is no purpose, so no row could ever be spent by it.
DELETE FROM `step_up_grants`;--> statement-breakpoint
ALTER TABLE `step_up_grants` ADD `purpose` text NOT NULL DEFAULT 'unbound';--> statement-breakpoint
-- Failures logged before this migration kept the verifier's words, which repeat what the caller sent (an origin, a
-- type, the challenge): the events stay, those words go (security bar 61). Failed sign-ins on no account were nobody's
-- to read; they go too.
UPDATE `audit_events` SET `detail` = json_remove(`detail`, '$.verdict') WHERE `type` IN ('sign-in.failed', 'step-up.failed');--> statement-breakpoint
DELETE FROM `audit_events` WHERE `type` = 'sign-in.failed' AND `user_id` IS NULL;
