import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../../app/lazyPage';
import { RequirePermission } from '../../app/auth/RequireAuth';

/** 会议表决 (/meetings/votes…): the staff's list and panel of each vote. */
export const voteRoutes: RouteObject[] = [
  {
    element: <RequirePermission permission="votes.read" />,
    children: [
      { path: '/meetings/votes', lazy: lazyPage(() => import('./VotesPage'), 'VotesPage') },
      { path: '/meetings/votes/:id', lazy: lazyPage(() => import('./VotesPage'), 'VoteDetailPage') },
    ],
  },
];

/** The deputy's phone ballot (after login, outside the staff layout; the hall's QR code opens it). */
export const ballotRoute: RouteObject = { path: '/votes/:id/ballot', lazy: lazyPage(() => import('./BallotPage'), 'BallotPage') };

/** The public verification page: no login. */
export const verifyRoute: RouteObject = { path: '/votes/:id/verify', lazy: lazyPage(() => import('./VerifyPage'), 'VerifyPage') };

export { VotePanel } from './VotePanel';
