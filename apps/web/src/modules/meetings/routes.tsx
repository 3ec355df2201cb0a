import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../../app/lazyPage';
import { RequirePermission } from '../../app/auth/RequireAuth';

/** 会议与表决 and 重大事项决定 (/meetings/…); a deputy's own meetings under /meetings/my. */
export const meetingRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission={['meetings.read', 'meetings.attend']} />,
    children: [{ path: '/meetings', lazy: lazyPage(() => import('./MeetingsPage'), 'MeetingsPage') }],
  },
  {
    element: <RequirePermission permission="meetings.attend" />,
    children: [
      { path: '/meetings/my', lazy: lazyPage(() => import('./MyMeetingsPage'), 'MyMeetingsPage') },
      { path: '/meetings/my/:id', lazy: lazyPage(() => import('./MyMeetingPage'), 'MyMeetingPage') },
    ],
  },
  {
    element: <RequirePermission permission="meetings.read" />,
    children: [
      { path: '/meetings/major-matters', lazy: lazyPage(() => import('./MajorMattersPage'), 'MajorMattersPage') },
      { path: '/meetings/major-matters/:id', lazy: lazyPage(() => import('./MajorMatterDetailPage'), 'MajorMatterDetailPage') },
      { path: '/meetings/attendance', lazy: lazyPage(() => import('./AttendancePage'), 'AttendancePage') },
      { path: '/meetings/:id', lazy: lazyPage(() => import('./MeetingDetailPage'), 'MeetingDetailPage') },
      { path: '/meetings/:id/screen', lazy: lazyPage(() => import('./MeetingScreenPage'), 'MeetingScreenPage') },
    ],
  },
];
