import type { Messages } from './zh-CN';

export const opinionCategoriesEn: Messages['opinionCategories'] = {
  tab: 'Categories',
  title: 'Opinion categories',
  hint: 'Citizens choose one of these categories when they send an opinion. A body without its own list follows the list of the body above it, or the built-in list. A category that opinions already carry cannot be removed, only deactivated: citizens can no longer choose it, while stored opinions and the inbox filter keep it.',
  body: 'Body',
  own: "This body's own list",
  inherited: 'Follows the list of {{name}}',
  builtin: 'Built-in list',
  notOwnHint: "Saving makes this list the body's own; bodies below without their own list follow it.",
  nameOf: 'Name of category {{n}}',
  active: 'Active',
  inUse: 'Used by opinions',
  moveUp: 'Move up',
  moveDown: 'Move down',
  remove: 'Remove',
  add: 'Add a category',
  reset: 'Restore default',
  resetConfirm: "Delete this body's own list and follow the list of the body above (or the built-in one)?",
  restored: 'Default restored',
};

export const opinionBulkEn: Messages['opinionBulk'] = {
  decline: 'Decline selected ({{count}})',
  route: 'Route selected ({{count}})',
  declineTitle: 'Decline {{count}} opinions',
  routeTitle: 'Route {{count}} opinions',
  declineHint: 'The same reason is shown to each citizen',
  routeDueHint: "Each opinion's reply deadline follows the rule in force for its body, as when routed one by one",
  done: '{{action}}: {{done}} done',
  partly: '{{action}}: {{done}} done, {{failed}} not done',
  failedTitle: '{{failed}} could not be handled ({{action}})',
  failedItem: '{{code}}: {{message}}',
};
