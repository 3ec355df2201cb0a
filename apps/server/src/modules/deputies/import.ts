import type { DeputyImportPreview, Gender, ImportRowError } from '@renda/shared';
import { parseDate, readSheet, sheetTemplate, type SheetRow } from '../../platform/sheets.js';
import { birthDateOf, isValidIdNumber, personKeyOf } from './id-number.js';

/** The import sheet's columns, in the order of the template. `*` marks the required ones. */
export const importColumns = [
  { header: '姓名', key: 'name', required: true, width: 10 },
  { header: '性别', key: 'gender', required: false, width: 6 },
  { header: '民族', key: 'ethnicity', required: false, width: 8 },
  { header: '出生日期', key: 'birthDate', required: false, width: 12 },
  { header: '政治面貌', key: 'party', required: false, width: 12 },
  { header: '职业', key: 'occupation', required: false, width: 12 },
  { header: '工作单位', key: 'employer', required: false, width: 24 },
  { header: '职务', key: 'post', required: false, width: 20 },
  { header: '选区（选举单位）', key: 'constituency', required: false, width: 20 },
  { header: '手机号', key: 'phone', required: false, width: 14 },
  { header: '身份证号', key: 'idNumber', required: true, width: 22 },
] as const;
type ImportKey = (typeof importColumns)[number]['key'];
export type RawRow = SheetRow<ImportKey>;

export interface ImportedDeputy {
  row: number;
  name: string;
  gender: Gender | null;
  ethnicity: string | null;
  birthDate: string | null;
  party: string | null;
  occupation: string | null;
  employer: string | null;
  post: string | null;
  constituency: string | null;
  phone: string | null;
  personKey: string;
}

export const MAX_IMPORT_ROWS = 2000;

/** Reads the first sheet: the header row names the columns (any order), each later non-empty row is a deputy. */
export const readImportSheet = (data: Buffer): Promise<RawRow[]> =>
  readSheet(data, importColumns, { empty: '表格中没有代表数据', maxRows: MAX_IMPORT_ROWS });

const genders: Record<string, Gender> = { 男: 'male', 女: 'female' };

const maxLength: Partial<Record<ImportKey, number>> = {
  name: 40,
  ethnicity: 20,
  party: 20,
  occupation: 40,
  employer: 80,
  post: 80,
  constituency: 80,
};

/**
 * Checks every row and returns every problem at once, each naming its row and column in Chinese,
 * so the clerk fixes the sheet in one pass. `taken` holds people already registered in the term.
 */
export function validateImportRows(rows: RawRow[], taken: Set<string>): { deputies: ImportedDeputy[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const deputies: ImportedDeputy[] = [];
  const seen = new Map<string, number>();
  for (const raw of rows) {
    const fail = (column: string | null, message: string) => errors.push({ row: raw.row, column, message: `第 ${raw.row} 行：${message}` });
    const before = errors.length;
    if (!raw.name) fail('姓名', '姓名不能为空');
    else if (raw.name.length < 2) fail('姓名', '姓名至少 2 个字');
    for (const [key, max] of Object.entries(maxLength) as [ImportKey, number][]) {
      const header = importColumns.find((c) => c.key === key)!.header;
      if ((raw[key]?.length ?? 0) > max) fail(header, `${header}最多 ${max} 个字`);
    }
    const gender = raw.gender ? (genders[raw.gender] ?? null) : null;
    if (raw.gender && !gender) fail('性别', `性别应填“男”或“女”，不是“${raw.gender}”`);
    const birthDate = raw.birthDate ? parseDate(raw.birthDate) : null;
    if (raw.birthDate && !birthDate) fail('出生日期', `出生日期“${raw.birthDate}”无法识别，请写作 1975-03-02`);
    if (raw.phone && !/^1\d{10}$/.test(raw.phone)) fail('手机号', `手机号“${raw.phone}”应为 11 位数字`);
    let personKey = '';
    if (!raw.idNumber) fail('身份证号', '身份证号不能为空');
    else if (!isValidIdNumber(raw.idNumber)) fail('身份证号', '身份证号不正确（位数或校验位有误）');
    else {
      personKey = personKeyOf(raw.idNumber);
      if (birthDate && birthDateOf(raw.idNumber) !== birthDate) fail('出生日期', '出生日期与身份证号不一致');
      const earlier = seen.get(personKey);
      if (earlier) fail('身份证号', `与第 ${earlier} 行是同一人，重复`);
      else seen.set(personKey, raw.row);
      if (taken.has(personKey)) fail('身份证号', '该代表已在本届名册中');
    }
    if (errors.length > before) continue;
    deputies.push({
      row: raw.row,
      name: raw.name!,
      gender,
      ethnicity: raw.ethnicity ?? null,
      birthDate: birthDate ?? (raw.idNumber ? birthDateOf(raw.idNumber) : null),
      party: raw.party ?? null,
      occupation: raw.occupation ?? null,
      employer: raw.employer ?? null,
      post: raw.post ?? null,
      constituency: raw.constituency ?? null,
      phone: raw.phone ?? null,
      personKey,
    });
  }
  return { deputies, errors };
}

export function previewOf(rows: RawRow[], errors: ImportRowError[], valid: number): DeputyImportPreview {
  return {
    rows: rows.map((r) => ({
      row: r.row,
      name: r.name ?? '',
      gender: r.gender ?? null,
      birthDate: r.birthDate ?? null,
      party: r.party ?? null,
      employer: r.employer ?? null,
      constituency: r.constituency ?? null,
      phone: r.phone ?? null,
      errors: errors.filter((e) => e.row === r.row).map((e) => e.message),
    })),
    errors,
    valid,
    total: rows.length,
  };
}

/** An empty sheet with the expected header, for the 下载模板 button. */
export const importTemplate = (): Promise<Buffer> =>
  sheetTemplate('代表名册', importColumns, [
    '“代表名册”表第一行是表头，请从第二行起每行填写一名代表；带 * 的列必填。',
    '性别填“男”或“女”；出生日期写作 1972-05-18，可不填（按身份证号推算）。',
    '身份证号只用于识别同一人（五级代表联动）和查重，系统不保存号码本身。',
    '任何一行有错时整个文件都不会导入，请按提示改正后重新上传。',
  ]);
