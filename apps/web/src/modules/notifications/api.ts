import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

export const notificationsKey = ['notifications'] as const;
const unreadCountKey = [...notificationsKey, 'unread-count'] as const;
const pollInterval = 30_000;

interface UnreadCount {
  count: number;
}

/**
 * The unread count, kept live by the server's event stream (`event: unread`);
 * if the stream fails, it is polled every 30 seconds instead.
 */
export function useUnreadCount() {
  const queryClient = useQueryClient();
  const [polling, setPolling] = useState(typeof EventSource === 'undefined');

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/notifications/stream');
    source.addEventListener('unread', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as UnreadCount;
      queryClient.setQueryData(unreadCountKey, { count: data.count });
    });
    source.onerror = () => {
      source.close();
      setPolling(true);
    };
    return () => source.close();
  }, [queryClient]);

  return useQuery({
    queryKey: unreadCountKey,
    queryFn: () => api.get<UnreadCount>('/api/notifications/unread-count'),
    refetchInterval: polling ? pollInterval : false,
  });
}

export const markNotificationRead = (id: string) => api.post(`/api/notifications/${id}/read`);
export const markAllNotificationsRead = () => api.post('/api/notifications/read-all');
