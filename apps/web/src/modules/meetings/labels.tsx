import { Segmented, Tag } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { can, type MeetingState, type Permission, type Quorum } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { tagColour } from '../../components/tagColours';

const tabs: { path: string; label: 'meetings' | 'majorMatters' | 'votes' | 'attendance' | 'mine'; permission: Permission }[] = [
  { path: '/meetings', label: 'meetings', permission: 'meetings.read' },
  { path: '/meetings/major-matters', label: 'majorMatters', permission: 'meetings.read' },
  { path: '/meetings/votes', label: 'votes', permission: 'votes.read' },
  { path: '/meetings/attendance', label: 'attendance', permission: 'meetings.read' },
  { path: '/meetings/my', label: 'mine', permission: 'meetings.attend' },
];

/** 会议 · 重大事项 · 出席情况 (staff and leaders) or 我的会议 (deputies). */
export function MeetingsTabs() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const shown = tabs.filter((tab) => can(user.role, tab.permission));
  const value = shown.find((p) => p.path !== '/meetings' && pathname.startsWith(p.path))?.path ?? '/meetings';
  if (shown.length < 2) return null;
  return (
    <Segmented
      aria-label={t('module.meetings')}
      value={value}
      onChange={(path) => navigate(path)}
      options={shown.map((p) => ({ value: p.path, label: t(`meetings.tabs.${p.label}`) }))}
    />
  );
}

const stateColour: Record<MeetingState, string> = { planned: 'default', notified: 'blue', in_session: tagColour.success, closed: 'purple' };
export function MeetingStateTag({ state }: { state: MeetingState }) {
  const { t } = useTranslation();
  return <Tag color={stateColour[state]}>{t(`meetings.state.${state}`)}</Tag>;
}

export function QuorumTag({ quorum }: { quorum: Quorum }) {
  return (
    <Tag
      color={quorum.reached ? tagColour.success : tagColour.error}
    >{`${quorum.present} / ${quorum.members}（过半数 ${quorum.required}）`}</Tag>
  );
}
