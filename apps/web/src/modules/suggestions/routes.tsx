import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../app/auth/RequireAuth';
import { DetailPage } from './DetailPage';
import { DraftPage } from './DraftPage';
import { RatesPage } from './RatesPage';
import { SuggestionListPage } from './SuggestionListPage';
import { UnitAssignmentsPage } from './UnitAssignmentsPage';

/** The pages of 建议议案; the menu entry /suggestions opens the list fitting the user's role. */
export const suggestionRoutes: RouteObject[] = [
  { path: '/suggestions', element: <SuggestionListPage /> },
  {
    element: <RequirePermission permission="suggestions.draft" />,
    children: [
      { path: '/suggestions/new', element: <DraftPage /> },
      { path: '/suggestions/:id/edit', element: <DraftPage /> },
    ],
  },
  {
    element: <RequirePermission permission="suggestions.handle" />,
    children: [{ path: '/suggestions/assigned', element: <UnitAssignmentsPage /> }],
  },
  { element: <RequirePermission permission="suggestions.rates" />, children: [{ path: '/suggestions/rates', element: <RatesPage /> }] },
  { path: '/suggestions/:id', element: <DetailPage /> },
];
