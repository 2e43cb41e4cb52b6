ALTER TABLE `conformance_runs` ADD `summary` text;--> statement-breakpoint
ALTER TABLE `conformance_runs` ADD `crashed_after` text;