/** Texts of the opinion category editor (意见类别) and the inbox's bulk actions. */
export const opinionCategoriesZh = {
  tab: '意见类别',
  title: '意见类别字典',
  hint: '群众扫码反映意见时从这里选择类别。下级机关没有设置自己的字典时沿用上级机关的，都没有设置时使用内置字典。已有意见使用的类别不能删除，只能停用：停用后群众不能再选，已有意见的类别和收件箱的筛选不受影响。',
  body: '机关',
  own: '本机关的字典',
  inherited: '沿用{{name}}的字典',
  builtin: '内置字典',
  notOwnHint: '保存后成为本机关自己的字典，未设置字典的下级机关随之沿用。',
  nameOf: '第 {{n}} 个类别的名称',
  active: '启用',
  inUse: '已有意见使用',
  moveUp: '上移',
  moveDown: '下移',
  remove: '删除',
  add: '添加类别',
  reset: '恢复默认',
  resetConfirm: '删除本机关自己的类别字典，改为沿用上级机关的字典（上级未设置时用内置字典）？',
  restored: '已恢复默认',
};

export const opinionBulkZh = {
  decline: '批量不予受理（{{count}}）',
  route: '批量转办（{{count}}）',
  declineTitle: '批量不予受理 {{count}} 条意见',
  routeTitle: '批量转办 {{count}} 条意见',
  declineHint: '同一理由将分别显示给每位群众',
  routeDueHint: '答复期限按每条意见所属机关现行的期限规则计算，与逐条转办相同',
  done: '已{{action}} {{done}} 条',
  partly: '已{{action}} {{done}} 条，{{failed}} 条未能{{action}}',
  failedTitle: '以下 {{failed}} 条未能{{action}}',
  failedItem: '{{code}}：{{message}}',
};
