import ExcelJS from 'exceljs';
import { DomainError } from './errors.js';

/** Reading an uploaded Excel sheet (imports): cell text, dates as people type them, rows by header. */

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value);
}

/** 1975-03-02, 1975/3/2, 1975.3.2 and 1975年3月2日 all mean the same day. */
export function parseDate(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

export interface SheetColumn<K extends string> {
  header: string;
  key: K;
  required: boolean;
}

export type SheetRow<K extends string> = { row: number } & Partial<Record<K, string>>;

/**
 * Reads the first sheet: the header row names the columns (any order, `*` ignored), each later
 * non-empty row becomes its cells' text by column key, with its row number for error messages.
 */
export async function readSheet<K extends string>(
  data: Buffer,
  columns: readonly SheetColumn<K>[],
  what: { empty: string; maxRows: number },
): Promise<SheetRow<K>[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('IMPORT_FILE_UNREADABLE', '无法读取该文件，请上传 .xlsx 格式的 Excel 文件（可先下载导入模板）');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new DomainError('IMPORT_FILE_EMPTY', 'Excel 文件中没有工作表');
  const columnOf = new Map<number, K>();
  sheet.getRow(1).eachCell((cell, col) => {
    const header = cellText(cell.value).replace(/[*＊\s]/g, '');
    const found = columns.find((c) => c.header === header);
    if (found) columnOf.set(col, found.key);
  });
  const missing = columns.filter((c) => c.required && ![...columnOf.values()].includes(c.key)).map((c) => c.header);
  if (missing.length)
    throw new DomainError('IMPORT_COLUMNS_MISSING', `表头缺少必填列：${missing.join('、')}（请使用导入模板）`, { missing });
  const rows: SheetRow<K>[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const raw = { row: rowNumber } as SheetRow<K>;
    for (const [col, key] of columnOf) {
      const text = cellText(row.getCell(col).value).trim();
      if (text) (raw as Record<string, unknown>)[key] = text;
    }
    if (Object.keys(raw).length > 1) rows.push(raw);
  });
  if (rows.length === 0) throw new DomainError('IMPORT_FILE_EMPTY', what.empty);
  if (rows.length > what.maxRows) throw new DomainError('IMPORT_TOO_MANY_ROWS', `一次最多导入 ${what.maxRows} 行，请分批导入`);
  return rows;
}

/** An empty sheet with the expected header and a sheet of instructions, for a 下载模板 button. */
export async function sheetTemplate(
  name: string,
  columns: readonly (SheetColumn<string> & { width: number })[],
  help: readonly string[],
  examples: readonly (string | number)[][] = [],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(name);
  sheet.columns = columns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const example of examples) sheet.addRow(example);
  const helpSheet = book.addWorksheet('填写说明');
  helpSheet.getColumn(1).width = 80;
  for (const line of help) helpSheet.addRow([line]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
