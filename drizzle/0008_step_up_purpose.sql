-- Grants made before purposes existed could be spent on anything: drop them (they last 5 minutes anyway). SQLite adds
-- a NOT NULL column only with a default; 'unbound' is no purpose, so no row could ever be spent by it.
DELETE FROM `step_up_grants`;--> statement-breakpoint
ALTER TABLE `step_up_grants` ADD `purpose` text NOT NULL DEFAULT 'unbound';
