import ExcelJS from 'exceljs';

export interface Column<T> {
  header: string;
  key: string;
  width: number;
  value: (row: T) => string | number | Date | null;
}

/** One-sheet Excel workbook with a bold, frozen header row: the shape of every list export. */
export async function workbook<T>(sheetName: string, columns: Column<T>[], rows: T[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '人大履职服务平台';
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value(row)])));
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 5987 filename so Chinese file names survive the download; an ASCII fallback with the same extension. */
export function attachmentDisposition(fileName: string): string {
  const extension = fileName.slice(fileName.lastIndexOf('.'));
  return `attachment; filename="download${extension}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
