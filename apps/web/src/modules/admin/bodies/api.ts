import type { BodyInput } from '@renda/shared';
import { api } from '../../../app/api';

/** Creates a body (`id` null) or changes an existing one. */
export const saveBody = (id: string | null, input: BodyInput) =>
  id ? api.patch(`/api/admin/bodies/${id}`, input) : api.post('/api/admin/bodies', input);
