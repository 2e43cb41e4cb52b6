CREATE TABLE `passkey_notes` (
	`user_id` text PRIMARY KEY NOT NULL,
	`passkey_id` text NOT NULL,
	`salt` blob NOT NULL,
	`iv` blob NOT NULL,
	`ciphertext` blob NOT NULL,
	`sealed_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`passkey_id`) REFERENCES `passkeys`(`id`) ON UPDATE no action ON DELETE cascade
);
