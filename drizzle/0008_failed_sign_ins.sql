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
CREATE INDEX `failed_sign_ins_hour_idx` ON `failed_sign_ins` (`hour_start`);