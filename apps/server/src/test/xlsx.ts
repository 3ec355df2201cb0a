import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

type Cell = string | number | null;

/**
 * A list's Excel export as the user receives it: checks the download (200, the Excel type, the Chinese
 * file name) and returns the first sheet's header and rows as plain values.
 */
export async function readExport(res: LightMyRequestResponse, fileName: string): Promise<{ header: Cell[]; rows: Cell[][] }> {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(fileName)}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const lines: Cell[][] = [];
  sheet.eachRow((row) => {
    lines.push(Array.from({ length: sheet.columnCount }, (_, i) => (row.getCell(i + 1).value ?? null) as Cell));
  });
  return { header: lines[0] ?? [], rows: lines.slice(1) };
}
