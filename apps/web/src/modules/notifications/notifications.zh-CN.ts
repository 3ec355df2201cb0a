/** 消息通知 texts. */
export const notificationsZh = {
  title: '消息通知',
  show: '显示',
  unreadOnly: '只看未读',
  read: '已读',
  unread: '未读',
  time: '时间',
  content: '内容',
  open: '查看',
  markRead: '标为已读',
  markAllRead: '全部标为已读',
  allRead: '已全部标为已读',
};
