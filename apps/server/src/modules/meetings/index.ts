/** What other modules may call of meetings: its lines of the to-do list (工作台). */
export { meetingTodos } from './workbench.js';
