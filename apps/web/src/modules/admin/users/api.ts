import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { useAction } from '../../../components/mutations';

export const usersKey = ['admin', 'users'] as const;

export function useUnlockUser() {
  const { t } = useTranslation();
  return useAction((id: string) => api.post(`/api/admin/users/${id}/unlock`), {
    invalidate: usersKey,
    successMessage: t('users.unlocked'),
  });
}
