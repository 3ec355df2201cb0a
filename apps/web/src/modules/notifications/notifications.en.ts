import type { Widen } from '../../app/i18n/types';
import type { notificationsZh } from './notifications.zh-CN';

export const notificationsEn: Widen<typeof notificationsZh> = {
  title: 'Notifications',
  show: 'Show',
  unreadOnly: 'Unread only',
  read: 'Read',
  unread: 'Unread',
  time: 'Time',
  content: 'Content',
  open: 'Open',
  markRead: 'Mark as read',
  markAllRead: 'Mark all as read',
  allRead: 'All marked as read',
};
