import { useState } from 'react';
import { Button, InputNumber, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AttendanceRecord } from '@renda/shared';
import { useCurrentUser } from '../../app/auth/session';
import { BodyTreeSelect } from '../../components/bodies';
import { Page } from '../../components/Page';
import { meetingUrls, useAttendance } from './api';
import { MeetingsTabs } from './labels';

/** 出席情况: each member's attendance at the body's meetings in a year (出席, 请假, 缺席, 列席). */
export function AttendancePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [bodyId, setBodyId] = useState<string>(user.bodyId);
  const [year, setYear] = useState(new Date().getFullYear());
  const { data, isFetching } = useAttendance(bodyId, year);
  return (
    <Page
      title={t('meetings.attendance.title')}
      extra={
        <Button icon={<DownloadOutlined />} href={meetingUrls.attendanceXlsx(bodyId, year)}>
          {t('meetings.attendance.export')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <MeetingsTabs />
        <BodyTreeSelect aria-label={t('meetings.fields.body')} value={bodyId} onChange={(v) => setBodyId(v)} style={{ minWidth: 200 }} />
        <InputNumber aria-label={t('meetings.attendance.year')} value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
      </Space>
      <Table<AttendanceRecord>
        rowKey="deputyId"
        size="small"
        loading={isFetching}
        scroll={{ x: 'max-content' }}
        dataSource={data ?? []}
        columns={(['name', 'expected', 'present', 'onLeave', 'absent', 'observed'] as const).map((k) => ({
          title: t(`meetings.attendance.${k}`),
          dataIndex: k,
        }))}
      />
    </Page>
  );
}
