import type { RouteObject } from 'react-router-dom';
import { lazyPage } from '../../app/lazyPage';
import { RequirePermission } from '../../app/auth/RequireAuth';

/** The pages of 建议议案; the menu entry /suggestions opens the list fitting the user's role. */
export const suggestionRoutes: RouteObject[] = [
  { path: '/suggestions', lazy: lazyPage(() => import('./SuggestionListPage'), 'SuggestionListPage') },
  {
    element: <RequirePermission permission="suggestions.draft" />,
    children: [
      { path: '/suggestions/new', lazy: lazyPage(() => import('./DraftPage'), 'DraftPage') },
      { path: '/suggestions/:id/edit', lazy: lazyPage(() => import('./DraftPage'), 'DraftPage') },
    ],
  },
  {
    element: <RequirePermission permission="suggestions.handle" />,
    children: [{ path: '/suggestions/assigned', lazy: lazyPage(() => import('./UnitAssignmentsPage'), 'UnitAssignmentsPage') }],
  },
  {
    element: <RequirePermission permission="suggestions.rates" />,
    children: [{ path: '/suggestions/rates', lazy: lazyPage(() => import('./RatesPage'), 'RatesPage') }],
  },
  { path: '/suggestions/:id', lazy: lazyPage(() => import('./DetailPage'), 'DetailPage') },
];
