import { Table, Typography } from 'antd';
import type { PerformanceSection } from '@renda/shared';
import { Section } from '../../components/Section';

/**
 * Sections other modules add to the performance file (report-backs with the voters' ratings, …):
 * a summary sentence and a table, the same as in the Word document.
 */
export function PerformanceSections({ sections }: { sections: PerformanceSection[] | undefined }) {
  return (sections ?? []).map((s) => (
    <Section key={s.key} title={s.title}>
      <Typography.Paragraph>{s.summary}</Typography.Paragraph>
      <Table
        size="small"
        rowKey={(row) => row.join('|')}
        columns={s.header.map((title, i) => ({ title, key: String(i), render: (_: unknown, row: string[]) => row[i] }))}
        dataSource={s.rows}
        scroll={{ x: 'max-content' }}
        pagination={false}
      />
    </Section>
  ));
}
