import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, buttonNamed, expectCleanPage, expectHeading, launchBrowser, loginAs, openPage } from './harness.js';
import { idNumber } from './ui.js';

const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
// Given names no demo deputy and no other browser test uses, so a search by name finds only its own.
const given = ['若岚', '景行', '沐阳', '书瑶', '锦程', '思远', '慕青', '清扬', '逸凡', '书航'];
const parties = ['中共党员', '群众', '民盟盟员', '九三学社社员'];

/** 200 deputies, unique by ID number and phone; birth dates agree with the ID numbers. */
function people() {
  return Array.from({ length: 200 }, (_, i) => {
    const year = 1960 + (i % 30);
    const month = String(1 + (i % 12)).padStart(2, '0');
    const day = String(1 + (i % 28)).padStart(2, '0');
    const female = i % 2 === 1;
    // Sequence 800–999 (odd for men, even for women, as in GB 11643), away from the demo data's numbers.
    const seq = String(800 + i - (i % 2) + (female ? 0 : 1)).padStart(3, '0');
    return {
      姓名: `${surnames[i % surnames.length]}${given[Math.floor(i / surnames.length) % given.length]}`,
      性别: female ? '女' : '男',
      出生日期: `${year}-${month}-${day}`,
      政治面貌: parties[i % parties.length]!,
      工作单位: `嘉兴市第${i + 1}联络单位`,
      选区: i % 2 ? '南湖区' : '秀洲区',
      手机号: `1375830${String(i).padStart(4, '0')}`,
      身份证号: idNumber(`330402${year}${month}${day}${seq}`),
    };
  });
}
type Person = ReturnType<typeof people>[number];

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  dir = await mkdtemp(path.join(tmpdir(), 'renda-import-e2e-'));
});
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('importing a registry of 200 deputies', () => {
  it('lists the bad rows in Chinese and imports nothing, then imports all 200 once the file is fixed', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'staff');
    await page.goto(`${baseUrl()}/deputies`);
    await expectHeading(page, '代表名册');

    // Written under the template's own headers, read from the API's template.
    const template = await tracked.context.request.get(`${baseUrl()}/api/deputies/import-template.xlsx`);
    const tplBook = new ExcelJS.Workbook();
    await tplBook.xlsx.load((await template.body()) as unknown as ArrayBuffer);
    const headers: string[] = [];
    tplBook.worksheets[0]!.getRow(1).eachCell((cell) => headers.push(String(cell.value).replace(/[*＊\s]/g, '')));
    const write = async (file: string, rows: Person[]) => {
      const book = new ExcelJS.Workbook();
      const ws = book.addWorksheet('代表名册');
      ws.addRow(headers);
      for (const p of rows) ws.addRow(headers.map((h) => (h.startsWith('选区') ? p.选区 : ((p as Record<string, string>)[h] ?? ''))));
      await writeFile(file, Buffer.from(await book.xlsx.writeBuffer()));
    };

    const good = people();
    expect(new Set(good.map((p) => p.身份证号)).size).toBe(200);
    // Three bad rows among the 200 (sheet rows 2..201): a gender word, a short phone, a duplicate person.
    const bad = good.map((p, i) =>
      i === 17
        ? { ...p, 性别: '女性' }
        : i === 88
          ? { ...p, 手机号: '1385730' }
          : i === 150
            ? { ...p, 身份证号: good[3]!.身份证号, 出生日期: good[3]!.出生日期 }
            : p,
    );
    const badFile = path.join(dir, '代表名册200-有误.xlsx');
    const goodFile = path.join(dir, '代表名册200.xlsx');
    await write(badFile, bad);
    await write(goodFile, good);

    await buttonNamed(page, '导入名册').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('届次').fill('第十五届');
    await dialog.getByLabel('Excel 文件（.xlsx）').setInputFiles(badFile);
    await buttonNamed(dialog, '检查文件').click();
    const slow = { timeout: 60_000 };
    await expect.poll(() => dialog.getByText('共 200 行，其中 3 行有误', { exact: false }).count(), slow).toBe(1);
    // The bad rows come first in the preview, each with its Chinese message.
    await expect.poll(() => dialog.getByText('第 19 行：性别应填“男”或“女”，不是“女性”').count()).toBe(1);
    await expect.poll(() => dialog.getByText('第 90 行：手机号“1385730”应为 11 位数字').count()).toBe(1);
    await expect.poll(() => dialog.getByText('第 152 行：与第 5 行是同一人，重复').count()).toBe(1);
    expect(await dialog.getByRole('button', { name: /确认导入/ }).isDisabled()).toBe(true);
    await expectCleanPage(tracked, 'preview of 200 rows with errors');
    const none = await tracked.context.request.get(`${baseUrl()}/api/deputies?term=${encodeURIComponent('第十五届')}`);
    expect((await none.json()).total).toBe(0);

    await dialog.getByLabel('Excel 文件（.xlsx）').setInputFiles(goodFile);
    await buttonNamed(dialog, '检查文件').click();
    await expect.poll(() => dialog.getByText('共 200 行，全部无误，可以导入。').count(), slow).toBe(1);
    await dialog.getByRole('button', { name: /确认导入 200 名代表/ }).click();
    await expect.poll(() => page.getByText('已导入 200 名代表').count(), slow).toBe(1);
    await expect.poll(() => dialog.count()).toBe(0);

    // The registry filtered to the new term counts exactly 200.
    await page.getByRole('search').getByLabel('届次').fill('第十五届');
    await buttonNamed(page.getByRole('search'), '查询').click();
    await expect.poll(() => page.getByText('共 200 条').count(), slow).toBe(1);
    const imported = await tracked.context.request.get(
      `${baseUrl()}/api/deputies?term=${encodeURIComponent('第十五届')}&q=${encodeURIComponent(good[0]!.姓名)}`,
    );
    expect((await imported.json()).total).toBeGreaterThan(0);
    await tracked.context.close();
  });
});
