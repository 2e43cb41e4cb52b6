CREATE TABLE `fido_credentials` (
	`id` text PRIMARY KEY NOT NULL,
	`fido_user_id` text NOT NULL,
	`public_key` blob NOT NULL,
	`counter` integer NOT NULL,
	`transports` text NOT NULL,
	`aaguid` text NOT NULL,
	`backup_eligible` integer NOT NULL,
	`backed_up` integer NOT NULL,
	`attestation_format` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`last_used_at` integer,
	FOREIGN KEY (`fido_user_id`) REFERENCES `fido_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `fido_credentials_user_idx` ON `fido_credentials` (`fido_user_id`);--> statement-breakpoint
CREATE TABLE `fido_users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`webauthn_user_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fido_users_username_unique` ON `fido_users` (`username`);--> statement-breakpoint
CREATE UNIQUE INDEX `fido_users_webauthn_user_id_unique` ON `fido_users` (`webauthn_user_id`);--> statement-breakpoint
ALTER TABLE `challenges` ADD `fido_user_id` text REFERENCES fido_users(id) ON DELETE cascade;--> statement-breakpoint
ALTER TABLE `challenges` ADD `user_verification` text;--> statement-breakpoint
CREATE INDEX `challenges_value_idx` ON `challenges` (`value`);