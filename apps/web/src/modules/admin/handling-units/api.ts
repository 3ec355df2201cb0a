import type { HandlingUnitInput } from '@renda/shared';
import { api } from '../../../app/api';
export const handlingUnitsKey = ['handling-units'] as const;

/** Creates a handling unit (`id` null) or changes an existing one. */
export const saveHandlingUnit = (id: string | null, input: HandlingUnitInput) =>
  id ? api.patch(`/api/admin/handling-units/${id}`, input) : api.post('/api/admin/handling-units', input);
