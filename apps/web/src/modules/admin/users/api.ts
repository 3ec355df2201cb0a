import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useAction } from '../../../components/mutations';
import type { User, UserCreateInput, UserUpdateInput } from '@renda/shared';

export const usersKey = ['admin', 'users'] as const;

export function useUnlockUser() {
  const { t } = useTranslation();
  return useAction((id: string) => api.post(`/api/admin/users/${id}/unlock`), {
    invalidate: usersKey,
    successMessage: t('users.unlocked'),
  });
}

/** Creates a user (`id` null) or changes an existing one. */
export const saveUser = (id: string | null, input: UserCreateInput | UserUpdateInput) =>
  id ? api.patch<User>(`/api/admin/users/${id}`, input) : api.post<User>('/api/admin/users', input);
export const resetUserPassword = (id: string | undefined, input: { password: string }) =>
  api.post(`/api/admin/users/${id}/reset-password`, input);
