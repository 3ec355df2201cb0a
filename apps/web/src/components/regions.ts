import type { Region } from '@renda/shared';
import { api } from '../app/api';

/** The regions (行政区划) directly under `parentCode`; the provinces without one. */
export const fetchRegions = (parentCode?: string) => api.get<{ items: Region[] }>('/api/regions', { parentCode });
