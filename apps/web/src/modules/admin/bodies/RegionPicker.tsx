import { useEffect, useState } from 'react';
import { App, Cascader } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Region } from '@renda/shared';
import { fetchRegions } from '../../../components/regions';

interface RegionOption {
  value: string;
  label: string;
  level: Region['level'];
  isLeaf: boolean;
  children?: RegionOption[];
}

/** Digits of the code that name each level (行政区划代码: 2 province, 4 city, 6 county, 9 township). */
const prefixLength: Record<Region['level'], number> = { province: 2, city: 4, county: 6, township: 9, village: 12 };

const toOption = (region: Region): RegionOption => ({
  value: region.code,
  label: region.name,
  level: region.level,
  // A congress body sits at township level at the lowest; villages are not offered.
  isLeaf: region.level === 'township',
});

function useRegionLoader() {
  const queryClient = useQueryClient();
  return async (parentCode?: string) => {
    const data = await queryClient.fetchQuery({
      queryKey: ['regions', parentCode ?? null],
      queryFn: () => fetchRegions(parentCode),
      staleTime: Infinity,
    });
    return data.items.map(toOption);
  };
}

/** The option among `options` on the way down to `code`. */
function stepTowards(options: RegionOption[], code: string) {
  return (
    options.find((o) => o.value === code) ??
    options.find((o) => !o.isLeaf && o.value.slice(0, prefixLength[o.level]) === code.slice(0, prefixLength[o.level]))
  );
}

interface RegionPickerProps {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
}

/** Picks a region code by cascading through GET /api/regions?parentCode=…, from provinces down to townships. */
export function RegionPicker({ id, value, onChange }: RegionPickerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const load = useRegionLoader();
  const [options, setOptions] = useState<RegionOption[]>([]);
  const [path, setPath] = useState<string[]>([]);
  const fail = (error: Error) => void message.error(t('region.loadFailed', { message: error.message }));

  // On opening, load the provinces and, for an existing code, each level down to it.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const roots = await load();
      const chain: string[] = [];
      let level = roots;
      while (value) {
        const hit = stepTowards(level, value);
        if (!hit) break;
        chain.push(hit.value);
        if (hit.value === value || hit.isLeaf) break;
        level = hit.children = await load(hit.value);
      }
      if (!cancelled) {
        setOptions(roots);
        setPath(chain);
      }
    })().catch(fail);
    return () => {
      cancelled = true;
    };
    // Only on mount: later changes of `value` come from this picker itself.
  }, []);

  const loadData = (selected: RegionOption[]) => {
    const target = selected[selected.length - 1];
    load(target.value)
      .then((children) => {
        target.children = children;
        setOptions((current) => [...current]);
      })
      .catch(fail);
  };

  return (
    <Cascader<RegionOption>
      id={id}
      options={options}
      loadData={loadData}
      value={path}
      changeOnSelect
      showSearch={false}
      onChange={(codes) => {
        const next = (codes ?? []) as string[];
        setPath(next);
        onChange?.(next[next.length - 1]);
      }}
    />
  );
}
