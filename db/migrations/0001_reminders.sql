CREATE TABLE `reminders_sent` (
	`kind` text NOT NULL,
	`ref_id` integer NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`kind`, `ref_id`)
);
