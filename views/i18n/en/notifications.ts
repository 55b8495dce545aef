import type { notifications as nl } from '../nl/notifications';

export const notifications: typeof nl = {
  title: 'Notifications',
  navLabel: (n) => (n > 0 ? `Notifications (${n} unread)` : 'Notifications'),
  empty:
    'No notifications yet. Here you see what others or Gastplek changed in your plans: a closure, a place from the waiting list, a booking by a colleague.',
  markAllRead: 'Mark all as read',
  unread: 'New',
  open: 'View',
  preferences: 'E-mail preferences',
  reminders: 'Send me a reminder by e-mail the day before (desk and meeting)',
  confirmations: 'Send me a confirmation with a calendar file (.ics) when I book, sign up or cancel myself',
  confirmationsHint: 'What you do yourself does not appear as a notification in Gastplek; this e-mail puts it in your calendar.',
  remindersHint: 'Confirmations, changes and cancellations are always sent.',
  savePreferences: 'Save preferences',
  preferencesSaved: 'Your e-mail preferences have been saved.',
};
