import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chinaDay,
  baseUrl,
  buttonNamed,
  chooseOption,
  expectCleanPage,
  expectHeading,
  expectCleanToast,
  expectOnlyRefusal,
  launchBrowser,
  loginAs,
  openPage,
} from './harness.js';
import { samplePng } from '../apps/server/src/test/images.js';
import { DOCX_MIME, XLSX_MIME, idNumber, pickOther, searchAndChoose } from './ui.js';

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  dir = await mkdtemp(path.join(tmpdir(), 'renda-deputies-e2e-'));
});
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Staff find a deputy by name in the registry and open their performance file. */
async function staffOpenPerformanceFile(name: string) {
  const tracked = await openPage(browser);
  await loginAs(tracked.page, 'staff');
  await tracked.page.goto(`${baseUrl()}/deputies?q=${encodeURIComponent(name)}`);
  await tracked.page.getByRole('link', { name }).first().click();
  await expectHeading(tracked.page, `${name}的履职档案`);
  return tracked;
}

describe('deputies and liaison stations', () => {
  it('staff import deputies from Excel: bad rows are listed in Chinese and nothing is written until the file is right', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'staff');
    await page.goto(`${baseUrl()}/deputies`);
    await expectHeading(page, '代表名册');
    // Any deputy will do: which are on the first page depends on what other test files imported.
    await expect.poll(() => page.locator('main tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await expectCleanPage(tracked, 'deputies registry');

    // The sheet is written under the template's own headers, read from the API's template.
    const template = await tracked.context.request.get(`${baseUrl()}/api/deputies/import-template.xlsx`);
    expect(template.headers()['content-type']).toContain(XLSX_MIME);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await template.body()) as unknown as ArrayBuffer);
    const headers: string[] = [];
    book.worksheets[0]!.getRow(1).eachCell((cell) => headers.push(String(cell.value).replace(/[*＊\s]/g, '')));
    expect(headers).toContain('姓名');
    expect(headers).toContain('身份证号');

    const people = [
      {
        姓名: '钱卫东',
        性别: '男',
        出生日期: '1968-05-14',
        政治面貌: '中共党员',
        工作单位: '嘉兴市南湖区新丰镇竹林村',
        选区: '南湖区',
        手机号: '13857301234',
        身份证号: idNumber('33040219680514101'),
      },
      {
        姓名: '孙丽华',
        性别: '女',
        出生日期: '1979-11-02',
        政治面貌: '群众',
        工作单位: '嘉兴市第一医院',
        选区: '南湖区',
        手机号: '13957302345',
        身份证号: idNumber('33040219791102202'),
      },
      {
        姓名: '周志强',
        性别: '男',
        出生日期: '1983-03-21',
        政治面貌: '民盟盟员',
        工作单位: '浙江嘉兴农村商业银行',
        选区: '秀洲区',
        手机号: '13757303456',
        身份证号: idNumber('33041119830321303'),
      },
      {
        姓名: '吴秋萍',
        性别: '女性',
        出生日期: '1975-08-09',
        政治面貌: '中共党员',
        工作单位: '嘉善县魏塘街道',
        选区: '嘉善县',
        手机号: '13657304567',
        身份证号: idNumber('33042119750809404'),
      },
      {
        姓名: '郑国平',
        性别: '男',
        出生日期: '1970-01-30',
        政治面貌: '中共党员',
        工作单位: '秀洲区王江泾镇',
        选区: '秀洲区',
        手机号: '1385730',
        身份证号: '330411197001305051',
      },
    ];
    const sheet = (rows: typeof people) => {
      const out = new ExcelJS.Workbook();
      const ws = out.addWorksheet('代表名册');
      ws.addRow(headers);
      for (const p of rows) {
        ws.addRow(
          headers.map((h) => {
            if (h.startsWith('选区')) return p.选区;
            return (p as Record<string, string>)[h] ?? '';
          }),
        );
      }
      return out.xlsx.writeBuffer();
    };
    const badFile = path.join(dir, '代表名册-有误.xlsx');
    const goodFile = path.join(dir, '代表名册.xlsx');
    await writeFile(badFile, Buffer.from(await sheet(people)));
    await writeFile(
      goodFile,
      Buffer.from(
        await sheet(
          people.map((p, i) =>
            i === 3 ? { ...p, 性别: '女' } : i === 4 ? { ...p, 手机号: '13857305678', 身份证号: idNumber('33041119700130505') } : p,
          ),
        ),
      ),
    );

    await buttonNamed(page, '导入名册').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('届次').fill('第九届');
    await dialog.getByLabel('Excel 文件（.xlsx）').setInputFiles(badFile);
    await buttonNamed(dialog, '检查文件').click();
    await expect.poll(() => dialog.getByText('第 5 行：性别应填“男”或“女”，不是“女性”').count()).toBe(1);
    await expect.poll(() => dialog.getByText('第 6 行：手机号“1385730”应为 11 位数字').count()).toBe(1);
    await expect.poll(() => dialog.getByText(/第 6 行：身份证号不正确/).count()).toBe(1);
    await expect.poll(() => dialog.getByText(/其中 2 行有误/).count()).toBe(1);
    expect(await dialog.getByRole('button', { name: /确认导入/ }).isDisabled()).toBe(true);
    await expectCleanPage(tracked, 'import preview with row errors');
    // Nothing was written: the good rows of the bad file are not in the registry.
    const before = await tracked.context.request.get(`${baseUrl()}/api/deputies?q=${encodeURIComponent('钱卫东')}`);
    expect((await before.json()).total).toBe(0);

    await dialog.getByLabel('Excel 文件（.xlsx）').setInputFiles(goodFile);
    await buttonNamed(dialog, '检查文件').click();
    await expect.poll(() => dialog.getByText('共 5 行，全部无误，可以导入。').count()).toBe(1);
    await dialog.getByRole('button', { name: /确认导入 5 名代表/ }).click();
    await expect.poll(() => page.getByText('已导入 5 名代表').count()).toBe(1);
    await expect.poll(() => dialog.count()).toBe(0);

    await page.getByRole('search').getByLabel('姓名').fill('吴秋萍');
    await buttonNamed(page.getByRole('search'), '查询').click();
    await expect.poll(() => page.getByRole('link', { name: '吴秋萍' }).count()).toBe(1);
    await expectCleanPage(tracked, 'registry after import');

    // 辞职, with the date it took effect.
    await page.getByRole('button', { name: '变更状态：吴秋萍' }).click();
    const statusDialog = page.getByRole('dialog');
    await chooseOption(page, statusDialog.getByLabel('状态'), '辞职');
    await statusDialog.getByLabel('原因').fill('工作调动，本人申请辞去代表职务');
    await expectCleanPage(tracked, 'status dialog');
    await buttonNamed(statusDialog, '保存').click();
    await expect.poll(() => statusDialog.count()).toBe(0);
    const row = page.getByRole('row').filter({ hasText: '吴秋萍' });
    await expect.poll(() => row.getByText('辞职').count()).toBe(1);
    await tracked.context.close();
  });

  it('staff open a deputy’s performance file with the seven ones and the score, and export it as Word', async () => {
    const tracked = await staffOpenPerformanceFile('张秀英');
    const { page } = tracked;
    await expect.poll(() => page.getByText(/年度“七个一”/).count()).toBe(1);
    await expect.poll(() => page.getByText('联系身边一批群众').count()).toBe(1);
    await expect.poll(() => page.getByText('当前得分').count()).toBe(1);
    await expect.poll(() => page.getByRole('img', { name: '张秀英的代表码' }).count()).toBe(1);
    await expectCleanPage(tracked, 'performance file');

    const word = page.getByRole('link', { name: /导出 Word/ });
    const href = await word.getAttribute('href');
    expect(href).toMatch(/\/api\/deputies\/[0-9a-f-]+\/performance\.docx\?from=/);
    const [download] = await Promise.all([page.waitForEvent('download'), word.click()]);
    expect(download.suggestedFilename()).toBe('张秀英履职档案.docx');
    const res = await tracked.context.request.get(`${baseUrl()}${href}`);
    expect(res.headers()['content-type']).toBe(DOCX_MIME);
    expect((await res.body()).subarray(0, 2).toString()).toBe('PK');

    const poster = await tracked.context.request.get(
      `${baseUrl()}${await page.getByRole('link', { name: /打印 A4 海报/ }).getAttribute('href')}`,
    );
    expect(await poster.text()).toContain('张秀英代表');
    await tracked.context.close();
  });

  it('staff upload a deputy’s photo; it shows on the performance file, the deputy’s own file and the public card on a phone', async () => {
    const tracked = await staffOpenPerformanceFile('张秀英');
    const { page } = tracked;
    await expect.poll(() => page.getByText('暂无照片').count()).toBe(1);

    // A file that is not a picture is refused in Chinese, and nothing changes.
    await page
      .locator('.deputy-photo input[type=file]')
      .setInputFiles({ name: '照片.png', mimeType: 'image/png', buffer: Buffer.from('不是图片') });
    await expect.poll(() => page.getByText('代表照片请上传 JPG 或 PNG 图片').count()).toBe(1);
    await expect.poll(() => page.getByText('暂无照片').count()).toBe(1);
    await expectOnlyRefusal(tracked, 415, 'photo refused');
    await expectCleanToast(tracked, '代表照片请上传 JPG 或 PNG 图片');

    await page
      .locator('.deputy-photo input[type=file]')
      .setInputFiles({ name: '张秀英.png', mimeType: 'image/png', buffer: samplePng(300, 400, [180, 40, 40]) });
    await expect.poll(() => page.getByText('照片已保存').count()).toBe(1);
    const photo = page.getByRole('img', { name: '张秀英的照片' });
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(300);
    await expect.poll(() => buttonNamed(page, '更换照片').count()).toBe(1);
    await expectCleanPage(tracked, 'performance file with a photo');
    const id = page.url().split('/').pop()!;
    const { publicCode } = (await (await tracked.context.request.get(`${baseUrl()}/api/deputies/${id}`)).json()) as { publicCode: string };
    await tracked.context.close();

    const own = await openPage(browser, { mobile: true });
    await loginAs(own.page, 'deputy');
    await own.page.goto(`${baseUrl()}/deputies`);
    await expectHeading(own.page, '张秀英的履职档案');
    const ownPhoto = own.page.getByRole('img', { name: '张秀英的照片' });
    await expect.poll(() => ownPhoto.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(300);
    expect(await buttonNamed(own.page, '更换照片').count()).toBe(0);
    await expectCleanPage(own, 'deputy’s own file with a photo');
    await own.context.close();

    const citizen = await openPage(browser, { mobile: true });
    await citizen.page.goto(`${baseUrl()}/m/opinion?deputy=${publicCode}`);
    await citizen.page.getByText('张秀英代表的名片和履职情况').click();
    const cardPhoto = citizen.page.getByRole('img', { name: '张秀英代表照片' });
    await expect.poll(() => cardPhoto.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(300);
    await expectCleanPage(citizen, 'public card with a photo');
    await citizen.context.close();
  });

  it('staff put deputies in a group and a grid cell, see the assessment ranking, and record a group activity for several deputies', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'staff');
    await page.goto(`${baseUrl()}/deputies/groups`);
    await expectHeading(page, '代表小组');
    await expectCleanPage(tracked, 'groups');
    await buttonNamed(page, '新建小组').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('届次').fill('第九届');
    // The chosen value is drawn over the select's input: open the list from the keyboard.
    await pickOther(page, dialog.getByLabel('类型'), '专业小组');
    await chooseOption(page, dialog.getByLabel('专业领域'), '城乡建设');
    await dialog.getByLabel('小组名称').fill('城乡建设调研小组');
    await buttonNamed(dialog, '保存').click();
    await expect.poll(() => page.getByRole('cell', { name: '城乡建设调研小组' }).count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: '成员：城乡建设调研小组' }).click();
    const members = page.getByRole('dialog');
    await searchAndChoose(page, members.getByLabel('成员'), '张秀英', '张秀英');
    await members.getByText('城乡建设调研小组的成员').click();
    await expectCleanPage(tracked, 'group members dialog');
    await buttonNamed(members, '保存').click();
    await expect.poll(() => members.count()).toBe(0);
    const groups = await tracked.context.request.get(`${baseUrl()}/api/deputy-groups?pageSize=200`);
    const created = ((await groups.json()).items as { name: string; id: string; memberCount: number }[]).find(
      (g) => g.name === '城乡建设调研小组',
    )!;
    expect(created.memberCount).toBe(1);
    const detail = await (await tracked.context.request.get(`${baseUrl()}/api/deputy-groups/${created.id}`)).json();
    expect(detail.members.map((m: { name: string }) => m.name)).toEqual(['张秀英']);

    await page.goto(`${baseUrl()}/deputies/assessment`);
    await expectHeading(page, '量化考评');
    await expect.poll(() => page.getByRole('row').filter({ hasText: '张秀英' }).count()).toBe(1);
    await expect.poll(() => page.getByLabel('接待选民每次分值').count()).toBe(1);
    await expectCleanPage(tracked, 'assessment');

    await page.goto(`${baseUrl()}/deputies/grid`);
    await expectHeading(page, '网格化履职');
    await expectCleanPage(tracked, 'grid cells');
    // A new grid cell: a village chosen level by level below the city, with a deputy who looks after it.
    await buttonNamed(page, '新建网格').click();
    const cellDialog = page.getByRole('dialog');
    await cellDialog.getByLabel('村（社区）').click();
    const menus = page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu');
    await menus.nth(0).locator('.ant-cascader-menu-item').filter({ hasText: '秀洲区' }).click();
    await menus.nth(1).locator('.ant-cascader-menu-item').filter({ hasText: '王江泾镇' }).click();
    const village = menus.nth(2).locator('.ant-cascader-menu-item').last();
    const villageName = (await village.innerText()).trim();
    await village.click();
    await searchAndChoose(page, cellDialog.getByLabel('联系代表'), '张秀英', '张秀英');
    await cellDialog.locator('.ant-modal-title').click();
    await expectCleanPage(tracked, 'grid cell dialog');
    await buttonNamed(cellDialog, '保存').click();
    await expect.poll(() => cellDialog.count()).toBe(0);
    await expect.poll(() => page.getByRole('row').filter({ hasText: villageName }).filter({ hasText: '张秀英' }).count()).toBe(1);
    await page.goto(`${baseUrl()}/deputies/duties`);
    await expectHeading(page, '履职登记');
    await expectCleanPage(tracked, 'duty log (staff)');
    await page.goto(`${baseUrl()}/deputies/duties/new`);
    await expectHeading(page, '登记集体活动');
    await expectCleanPage(tracked, 'group-activity form');
    const activity = '秀洲区代表小组视察运河沿线生态修复工程';
    await page.getByLabel('活动类型').click({ force: true });
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '视察' }).click();
    await page.getByLabel('活动名称').fill(activity);
    await page.getByLabel('地点').fill('秀洲区王江泾镇运河沿线');
    await searchAndChoose(page, page.getByLabel('参加代表'), '张秀英', '张秀英');
    await searchAndChoose(page, page.getByLabel('参加代表'), '吴振华', '吴振华');
    await page.getByRole('heading', { name: '登记集体活动' }).click();
    await buttonNamed(page, '提交').click();
    await page.waitForURL((url) => url.pathname === '/deputies/duties');
    const recorded = page.getByRole('row').filter({ hasText: activity });
    await expect.poll(() => recorded.count()).toBe(1);
    expect(await recorded.innerText()).toMatch(/张秀英、吴振华|吴振华、张秀英/);
    await expectCleanPage(tracked, 'duty log with the group activity');
    await tracked.context.close();
  });

  it('a deputy records a duty on a phone, finds it in their records and attaches the visit’s notes', async () => {
    const tracked = await openPage(browser, { mobile: true });
    const { page } = tracked;
    await loginAs(page, 'deputy');
    await page.goto(`${baseUrl()}/deputies`);
    await expectHeading(page, '张秀英的履职档案');
    await expectCleanPage(tracked, 'deputy’s own performance file on a phone');

    await page.goto(`${baseUrl()}/deputies/duties/new`);
    await expectHeading(page, '登记履职');
    await expect.poll(() => page.getByText(/登记人：张秀英/).count()).toBe(1);
    // The form fits the phone's width: nothing to scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectCleanPage(tracked, 'duty form on a phone');
    // Submitting without a title is refused on the field, in Chinese.
    await buttonNamed(page, '提交').click();
    await expect.poll(() => page.getByText('此项为必填项').count()).toBeGreaterThan(0);

    const title = '走访烟雨社区独居老人，了解加装电梯进展';
    await page.getByLabel('活动名称').fill(title);
    await page.getByLabel('地点').fill('南湖区烟雨社区');
    await page.getByLabel('接待选民人数').fill('6');
    await page.getByLabel('活动内容').fill('与社区干部一起走访 6 户独居老人，记录加装电梯的意见。');
    await buttonNamed(page, '提交').click();
    await page.waitForURL((url) => url.pathname === '/deputies/duties');
    await expectHeading(page, '我的履职记录');
    // On a phone the records are cards: the title on top, the details folded below.
    const card = page.locator('.row-card').filter({ hasText: title });
    await expect.poll(() => card.count()).toBe(1);
    await expectCleanPage(tracked, 'deputy’s duty records on a phone');

    // The record's details take attachments (photos, minutes of the visit).
    await card.locator('summary', { hasText: '详情' }).click();
    await expect.poll(() => card.getByText('暂无附件').count()).toBe(1);
    await card.locator('input[type=file]').setInputFiles({
      name: '走访记录.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await expect.poll(() => card.getByRole('link', { name: '走访记录.pdf' }).count()).toBe(1);
    await expectCleanPage(tracked, 'duty record with an attachment');
    await tracked.context.close();
  });

  it('staff plan a rota day and hold a reception: open it, sign deputies in (one on their phone), record a concern, close it', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'staff');
    await page.goto(`${baseUrl()}/stations`);
    await expectHeading(page, '代表联络站');
    await expect.poll(() => page.getByText('接待场次').count()).toBe(1);
    await expectCleanPage(tracked, 'stations list');

    await page.getByRole('link', { name: '王江泾镇人大代表联络站' }).click();
    await expectHeading(page, '王江泾镇人大代表联络站');
    await expect.poll(() => page.getByRole('heading', { name: '排班（四定）' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('img', { name: '王江泾镇人大代表联络站的二维码' }).count()).toBe(1);
    await expectCleanPage(tracked, 'station detail');

    // 四定: a reception day with its deputy, topic and responsible person. The demo rota already holds
    // tomorrow morning (its hours would overlap), so the day after.
    const day = chinaDay(2);
    await buttonNamed(page, '新增排班').click();
    const rota = page.getByRole('dialog');
    await rota.getByLabel('日期').fill(day);
    await rota.locator('.ant-modal-title').click();
    await searchAndChoose(page, rota.getByLabel('进站代表'), '张秀英', '张秀英');
    await rota.locator('.ant-modal-title').click();
    await rota.getByLabel('活动主题').fill('听取对农村生活污水治理的意见');
    await rota.getByLabel('办理责任人', { exact: true }).fill('朱晓峰');
    await expectCleanPage(tracked, 'rota dialog');
    await buttonNamed(rota, '保存').click();
    await expect.poll(() => rota.count()).toBe(0);
    await expect.poll(() => page.getByRole('row').filter({ hasText: day }).filter({ hasText: '张秀英' }).count()).toBe(1);

    await page.getByRole('button', { name: /^play-circle 开始接待$|^开始接待$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('活动主题').fill('听取群众对运河沿线环境整治的意见');
    await dialog.getByLabel('办理责任人').fill('朱晓峰');
    await expectCleanPage(tracked, 'open reception dialog');
    await dialog.getByRole('button', { name: /开始接待/ }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/stations/sessions/'));
    await expectHeading(page, /王江泾镇人大代表联络站 .* 接待/);
    await expectCleanPage(tracked, 'reception opened');

    await searchAndChoose(page, page.getByLabel('代表', { exact: true }), '吴振华', '吴振华');
    await buttonNamed(page, '签到').click();
    await expect.poll(() => page.getByRole('heading', { name: '签到代表（1 人）' }).count()).toBe(1);

    // The deputy at the station signs in on their own phone.
    const deputy = await openPage(browser, { mobile: true });
    await loginAs(deputy.page, 'deputy');
    await deputy.page.goto(page.url());
    await expectHeading(deputy.page, /王江泾镇人大代表联络站 .* 接待/);
    await expectCleanPage(deputy, 'reception on the deputy’s phone');
    await deputy.page.getByRole('button', { name: '我已到站，签到' }).click();
    await expect.poll(() => deputy.page.getByRole('heading', { name: '签到代表（2 人）' }).count()).toBe(1);
    await deputy.context.close();
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: '签到代表（2 人）' }).count()).toBe(1);

    await page.getByLabel('反映内容').fill('王江泾镇运河沿线晚上路灯不亮，散步的居民担心安全，希望尽快修复。');
    await page.getByLabel('反映人姓名').fill('沈阿姨');
    await page.getByLabel('反映人手机号').fill('13857309876');
    await buttonNamed(page, '登记').click();
    await expect.poll(() => page.getByRole('heading', { name: '群众反映事项（1 件）' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: '查看群众意见办理' }).count()).toBe(1);
    await expectCleanPage(tracked, 'reception with a deputy and a concern');

    await page.getByLabel('接待选民人数').fill('8');
    await page.getByRole('button', { name: /结束接待/ }).click();
    await expect.poll(() => page.getByText('已为签到代表写入履职记录。').count()).toBe(1);
    await expect.poll(() => page.getByText('已结束').count()).toBeGreaterThan(0);
    await expectCleanPage(tracked, 'reception closed');
    await tracked.context.close();
  });
});
