import { Form, TreeSelect, type TreeSelectProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Body } from '@renda/shared';
import { api } from '../app/api';
import type { Option } from './PagedTable';

export const bodiesKey = ['bodies'] as const;

/** The congress bodies the user may see, as a flat list with parentId. */
export function useBodies() {
  return useQuery({
    queryKey: bodiesKey,
    queryFn: () => api.get<{ items: Body[] }>('/api/bodies'),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

export interface BodyNode extends Body {
  children?: BodyNode[];
}

/** Nests the flat list; a body whose parent is not visible to the user becomes a root. */
export function buildBodyTree(bodies: Body[]): BodyNode[] {
  const nodes = new Map<string, BodyNode>(bodies.map((b) => [b.id, { ...b }]));
  const roots: BodyNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

export function bodyOptions(bodies: Body[] | undefined): Option[] {
  return (bodies ?? []).map((b) => ({ value: b.id, label: b.name }));
}

interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: TreeOption[];
}

function toTreeOptions(nodes: BodyNode[], disabledId?: string, disabled = false): TreeOption[] {
  return nodes.map((node) => {
    const off = disabled || node.id === disabledId;
    return {
      value: node.id,
      title: node.name,
      disabled: off,
      children: node.children && toTreeOptions(node.children, disabledId, off),
    };
  });
}

interface BodyTreeSelectProps extends Omit<TreeSelectProps<string>, 'treeData'> {
  /** This body and everything below it cannot be chosen (a body cannot sit under itself). */
  disabledId?: string;
}

/** Picks a congress body from the tree; used as a form control (aria-required left off: see FormSelect). */
export function BodyTreeSelect({ disabledId, 'aria-required': _ariaRequired, ...props }: BodyTreeSelectProps) {
  const { data, isFetching } = useBodies();
  return (
    <TreeSelect<string>
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      loading={isFetching}
      treeData={toTreeOptions(buildBodyTree(data ?? []), disabledId)}
      {...props}
    />
  );
}

/** A page's choice of the body it shows (its own by default), above what it lists for that body. */
export function BodyPicker({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (bodyId: string) => void;
}) {
  return (
    <Form layout="inline">
      <Form.Item label={label} htmlFor={id}>
        <BodyTreeSelect id={id} value={value} onChange={(v) => onChange(v)} style={{ minWidth: 280 }} />
      </Form.Item>
    </Form>
  );
}
