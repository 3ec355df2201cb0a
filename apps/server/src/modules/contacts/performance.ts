import {
  appointmentStateLabel,
  contactWayLabel,
  voterRatingLabel,
  type AppointmentState,
  type ContactWay,
  type PerformanceSection,
  type VoterRating,
} from '@renda/shared';
import type { Executor } from '../../db/client.js';
import * as repo from './repository.js';

/** 常委会组成人员联系代表 in the deputy's performance file: who came, when, how, what the deputy said. */
export async function memberContactSection(db: Executor, deputyId: string, from: string, to: string): Promise<PerformanceSection | null> {
  const rows = await repo.memberContactsOfDeputy(db, deputyId, from, to);
  if (rows.length === 0) return null;
  return {
    key: 'member-contacts',
    title: '常委会组成人员联系代表',
    summary: `本期常委会组成人员联系 ${rows.length} 次。`,
    header: ['日期', '联系人', '方式', '联系内容', '代表反映'],
    rows: rows.map(({ record: r, memberName }) => [
      r.occurredOn,
      memberName ?? '—',
      contactWayLabel[r.way as ContactWay],
      r.content,
      r.raised ?? '',
    ]),
  };
}

/** 约见国家机关负责人 in the performance file, with the agency's answer and the deputy's rating. */
export async function appointmentSection(db: Executor, deputyId: string, from: string, to: string): Promise<PerformanceSection | null> {
  const rows = await repo.appointmentsOfDeputy(db, deputyId, from, to);
  if (rows.length === 0) return null;
  return {
    key: 'appointments',
    title: '约见国家机关负责人',
    summary: `本期约见国家机关负责人 ${rows.length} 次。`,
    header: ['约见日期', '国家机关', '约见对象', '事项', '状态', '办理承诺', '评价'],
    rows: rows.map(({ appointment: a, unitName }) => [
      a.heldOn ?? '',
      unitName,
      a.official,
      a.topic,
      appointmentStateLabel[a.state as AppointmentState],
      a.commitment ?? '',
      a.rating ? voterRatingLabel[a.rating as VoterRating] : '',
    ]),
  };
}
