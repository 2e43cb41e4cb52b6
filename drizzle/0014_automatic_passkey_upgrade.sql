ALTER TABLE `passkeys` ADD `added_automatically` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `automatic_passkey_upgrade` integer DEFAULT true NOT NULL;