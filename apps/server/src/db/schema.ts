// The whole schema, for Drizzle and drizzle-kit: the platform's tables and every module's tables.ts.
export * from './platform-tables.js';
export * from '../modules/deputies/tables.js';
export * from '../modules/stations/tables.js';
export * from '../modules/opinions/tables.js';
export * from '../modules/suggestions/tables.js';
export * from '../modules/campaigns/tables.js';
export * from '../modules/reportbacks/tables.js';
export * from '../modules/contacts/tables.js';
export * from '../modules/calendar/tables.js';
export * from '../modules/meetings/tables.js';
export * from '../modules/votes/tables.js';
export * from '../modules/livelihood/tables.js';
export * from '../modules/supervision/tables.js';
export * from '../modules/legislation/tables.js';
export * from '../modules/followups/tables.js';
