CREATE TABLE `conformance_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_hash` text NOT NULL,
	`target` text NOT NULL,
	`status` text NOT NULL,
	`stop_reason` text,
	`total` integer NOT NULL,
	`passed` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`skipped` integer DEFAULT 0 NOT NULL,
	`cases` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `conformance_runs_owner_idx` ON `conformance_runs` (`owner_hash`,`started_at`);--> statement-breakpoint
CREATE INDEX `conformance_runs_started_idx` ON `conformance_runs` (`started_at`);