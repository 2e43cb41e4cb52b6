CREATE TABLE `mds_blobs` (
	`id` text PRIMARY KEY NOT NULL,
	`serial` integer NOT NULL,
	`next_update` text NOT NULL,
	`root_fingerprint` text NOT NULL,
	`source` text NOT NULL,
	`entries` text NOT NULL,
	`stored_at` integer NOT NULL
);
