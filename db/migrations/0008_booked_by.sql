ALTER TABLE `bookings` ADD `booked_by` text REFERENCES users(id) ON DELETE set null;
