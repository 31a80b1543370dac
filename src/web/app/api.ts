import { queryOptions } from '@tanstack/react-query';
import { http, type Output } from '../lib/api.ts';

export type Notification = Output<'/notifications'>['data'][number];

export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  list: ['notifications', 'list'] as const,
};

export const notificationQueries = {
  unreadCount: () => queryOptions({ queryKey: notificationKeys.unreadCount, queryFn: () => http.get('/notifications/unread-count') }),
  list: () => queryOptions({ queryKey: notificationKeys.list, queryFn: () => http.get('/notifications', { query: { limit: 20 } }) }),
};

export const notificationApi = {
  markRead: (id: string) => http.post('/notifications/:id/read', { params: { id } }),
  markAllRead: () => http.post('/notifications/read-all'),
};
