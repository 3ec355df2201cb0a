import { BorderStyle, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/** Word documents (docx): the content type and the building blocks every report shares. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Song typeface, the body face of Chinese work reports. */
const reportFont = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };

/** A run of report text; sizes are in half-points (24 = 小四). */
export const reportText = (value: string, bold = false, size = 24) => new TextRun({ text: value, bold, font: reportFont, size });

export const reportHeading = (value: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    children: [new TextRun({ text: value, bold: true, font: reportFont, size: 28 })],
    spacing: { before: 240, after: 120 },
  });

const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };

/** A bordered full-width table with a repeated header row; widths are percentages per column. */
export function reportTable(header: string[], rows: (string | number)[][], widths: number[], size = 24): Table {
  const cell = (value: string | number, bold: boolean, width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      borders: { top: border, bottom: border, left: border, right: border },
      children: [new Paragraph({ children: [reportText(String(value), bold, size)] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, true, widths[i]!)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, false, widths[i]!)) })),
    ],
  });
}
