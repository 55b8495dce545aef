import type { notifications as nl } from '../nl/notifications';

export const notifications: typeof nl = {
  title: 'Notifications',
  navLabel: (n) => (n > 0 ? `Notifications (${n} unread)` : 'Notifications'),
  empty: 'No notifications yet. Confirmations, changes and reminders appear here.',
  markAllRead: 'Mark all as read',
  unread: 'New',
  open: 'View',
  preferences: 'E-mail preferences',
  reminders: 'Send me a reminder by e-mail the day before (desk and meeting)',
  remindersHint: 'Confirmations, changes and cancellations are always sent.',
  savePreferences: 'Save preferences',
  preferencesSaved: 'Your e-mail preferences have been saved.',
};
