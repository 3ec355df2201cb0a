import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';

/** A titled card on a detail page: its <h2> heading, buttons beside it, then its content. */
export function Section({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card
      className="section-card"
      title={
        <Typography.Title level={2} className="section-title">
          {title}
        </Typography.Title>
      }
      extra={extra}
    >
      {children}
    </Card>
  );
}
