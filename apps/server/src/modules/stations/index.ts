/** What other modules may use from the stations module: its lines of the home page's to-do list. */
export { stationTodos } from './stations-service.js';
