import { useEffect, useMemo, useRef, useState } from 'react';
import { Select, type SelectProps } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Option } from './PagedTable';

/** How long typing rests before the server is asked. */
const DEBOUNCE_MS = 300;

export interface RemoteSource {
  /** Cache key of the source and its fixed parameters, e.g. ['deputies', bodyId]. */
  key: readonly unknown[];
  /** One page of options matching the typed text (the API's `q`), the first page when empty. */
  search: (q: string) => Promise<Option[]>;
  /** The option of a value that is not among those loaded (a filter read from the URL, a form's saved value). */
  resolve: (value: string) => Promise<Option | undefined>;
}

type Value = string | string[];
export interface RemoteSelectProps<V extends Value> extends Omit<
  SelectProps<V>,
  'options' | 'showSearch' | 'filterOption' | 'onSearch' | 'searchValue' | 'loading' | 'onOpenChange'
> {
  source: RemoteSource;
}

function useDebounced(value: string) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return debounced;
}

/**
 * A select over a list too long to load whole (stations, deputies, handling units): it asks the
 * server as the user types and always shows its value's label, loading it when the value came from
 * elsewhere. antd copies a required field's aria-required onto the outer <div>, which ARIA forbids
 * there (see FormSelect), so it is left off.
 */
export function RemoteSelect<V extends Value>({ source, value, 'aria-required': _ariaRequired, ...props }: RemoteSelectProps<V>) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed);
  const page = useQuery({
    queryKey: [...source.key, 'search', q],
    queryFn: () => source.search(q),
    staleTime: 60_000,
  });
  // Labels seen so far, so a chosen option keeps its label when the next search no longer lists it.
  const known = useRef(new Map<string, Option>());
  for (const o of page.data ?? []) known.current.set(o.value, o);
  const values: string[] = value == null ? [] : Array.isArray(value) ? value : [value as string];
  const unknown = values.filter((v) => !known.current.has(v));
  const resolved = useQueries({
    queries: unknown.map((v) => ({
      queryKey: [...source.key, 'one', v],
      queryFn: () => source.resolve(v).then((o) => o ?? { value: v, label: v }),
      staleTime: Infinity,
    })),
  });
  for (const r of resolved) if (r.data) known.current.set(r.data.value, r.data);
  const resolvedKey = resolved.map((r) => r.data?.value ?? '').join();

  const options = useMemo(() => {
    const list = [...(page.data ?? [])];
    for (const v of values) if (!list.some((o) => o.value === v)) list.unshift(known.current.get(v) ?? { value: v, label: '…' });
    return list;
    // `known` grows with page and resolved: their data and the value decide the list.
  }, [page.data, values.join(), resolvedKey]);

  return (
    <Select<V>
      style={{ minWidth: '12em' }}
      {...props}
      value={value}
      showSearch
      filterOption={false}
      searchValue={typed}
      onSearch={setTyped}
      onOpenChange={(open) => !open && setTyped('')}
      loading={page.isFetching}
      notFoundContent={page.isFetching ? t('app.loading') : undefined}
      options={options}
    />
  );
}
