import type { Key, ReactNode } from 'react';
import { Card, Checkbox, Descriptions, Flex, Grid, List, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * How one row reads as a card on a phone: its title, its state, its deadline and the one thing to do
 * with it. Anything else the row has stays on the desktop table (or in `details`).
 */
export interface CardView<T> {
  title: (row: T) => ReactNode;
  state?: (row: T) => ReactNode;
  /** The deadline (or date) with its label, e.g. “答复期限 2026年5月8日”. */
  deadline?: (row: T) => ReactNode;
  /** Short facts under the title (who leads it, which unit), as label–value pairs. */
  facts?: (row: T) => readonly (readonly [label: string, value: ReactNode])[];
  /** The one action on the row (a link or a button). */
  action?: (row: T) => ReactNode;
}

/** Phones and small tablets (below antd's md, 768 px): lists become cards, the menu a drawer. */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measurement the screens are empty: assume a desktop, as the server-side markup would.
  return screens.md === false;
}

export interface ResponsiveTableProps<T> extends TableProps<T> {
  /** The card a row becomes on a phone; without it the table stays a table (scrolling inside itself). */
  card?: CardView<T>;
}

function rowKeyOf<T>(row: T, rowKey: TableProps<T>['rowKey'], index: number): Key {
  if (typeof rowKey === 'function') return rowKey(row, index);
  const key = (rowKey ?? 'key') as keyof T;
  return row[key] as Key;
}

/**
 * The one list component: an antd Table on a desktop, a column of cards on a phone (title, state,
 * deadline, the one action), with the same data, pagination, row selection and expandable details,
 * so nothing scrolls sideways at 390 px.
 */
export function ResponsiveTable<T extends object>({ card, ...tableProps }: ResponsiveTableProps<T>) {
  const phone = useIsPhone();
  // antd paints a table's own empty text in its disabled grey, below WCAG contrast: it is given the text colour.
  const emptyText = tableProps.locale?.emptyText;
  const locale =
    typeof emptyText === 'string' ? { ...tableProps.locale, emptyText: <Typography.Text>{emptyText}</Typography.Text> } : tableProps.locale;
  if (!card || !phone) return <Table<T> {...tableProps} locale={locale} />;
  return <CardList<T> card={card} {...tableProps} />;
}

function CardList<T extends object>({
  card,
  dataSource,
  pagination,
  loading,
  rowKey,
  rowSelection,
  expandable,
}: ResponsiveTableProps<T> & { card: CardView<T> }) {
  const { t } = useTranslation();
  const selected = new Set(rowSelection?.selectedRowKeys ?? []);
  const rows = [...(dataSource ?? [])];
  const toggle = (key: Key, checked: boolean) => {
    const keys = checked ? [...selected, key] : [...selected].filter((k) => k !== key);
    const chosen = rows.filter((r, i) => keys.includes(rowKeyOf(r, rowKey, i)));
    rowSelection?.onChange?.(keys, chosen, { type: 'single' });
  };
  return (
    <List<T>
      className="card-list"
      header={
        pagination && pagination.showTotal && pagination.total !== undefined ? (
          <span className="card-list-total">{pagination.showTotal(pagination.total, [0, 0])}</span>
        ) : undefined
      }
      loading={typeof loading === 'boolean' ? loading : undefined}
      dataSource={rows}
      rowKey={(row) => rowKeyOf(row, rowKey, rows.indexOf(row))}
      pagination={
        pagination
          ? {
              current: pagination.current,
              pageSize: pagination.pageSize,
              total: pagination.total,
              onChange: pagination.onChange,
              simple: true,
              align: 'center',
              size: 'small',
            }
          : false
      }
      renderItem={(row, index) => {
        const key = rowKeyOf(row, rowKey, index);
        const checkbox = rowSelection?.getCheckboxProps?.(row) ?? {};
        const facts = card.facts?.(row) ?? [];
        return (
          <List.Item>
            <Card size="small" className="row-card">
              <Flex vertical gap={6}>
                <Flex gap="small" align="start">
                  {rowSelection && (
                    <Checkbox
                      checked={selected.has(key)}
                      disabled={checkbox.disabled}
                      aria-label={(checkbox as { 'aria-label'?: string })['aria-label'] ?? t('common.select')}
                      onChange={(e) => toggle(key, e.target.checked)}
                    />
                  )}
                  <div className="row-card-title">{card.title(row)}</div>
                </Flex>
                {(card.state || card.deadline) && (
                  <Flex gap="small" wrap align="center" justify="space-between">
                    {card.state && <span>{card.state(row)}</span>}
                    {card.deadline && <span className="row-card-deadline">{card.deadline(row)}</span>}
                  </Flex>
                )}
                {facts.length > 0 && (
                  <Descriptions
                    size="small"
                    column={1}
                    colon
                    items={facts.map(([label, value], i) => ({ key: i, label, children: value }))}
                  />
                )}
                {expandable?.expandedRowRender && (
                  <details className="row-card-details">
                    <summary>{t('common.details')}</summary>
                    {expandable.expandedRowRender(row, index, 0, true)}
                  </details>
                )}
                {card.action && <Flex justify="end">{card.action(row)}</Flex>}
              </Flex>
            </Card>
          </List.Item>
        );
      }}
    />
  );
}
