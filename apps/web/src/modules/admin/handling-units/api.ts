import type { CreatedLogin, HandlingUnitInput, UnitLoginInput } from '@renda/shared';
import { api } from '../../../app/api';
export const handlingUnitsKey = ['handling-units'] as const;

/** Creates a handling unit (`id` null) or changes an existing one. */
export const saveHandlingUnit = (id: string | null, input: HandlingUnitInput) =>
  id ? api.patch(`/api/admin/handling-units/${id}`, input) : api.post('/api/admin/handling-units', input);

/** 开通登录账号 for a person of the unit: the answer carries the one-time password unless it went by SMS. */
export const createUnitLogin = (id: string, input: UnitLoginInput) =>
  api.post<CreatedLogin>(`/api/admin/handling-units/${id}/logins`, input);
