/**
 * What other modules may call. The dashboard reads the yearly figures; nothing else reaches in.
 */
export { figures as livelihoodFigures } from './service.js';
