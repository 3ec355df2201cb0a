import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chinaDay,
  apiAs,
  baseUrl,
  buttonNamed,
  expectCleanPage,
  expectHeading,
  launchBrowser,
  loginAs,
  openPage,
  tick,
} from './harness.js';
import { DOCX_MIME } from './ui.js';

const TITLE = '嘉兴市电动自行车管理条例（草案）';
const TEXT = `${TITLE}
第一章 总则
第一条 为了加强电动自行车管理，维护道路交通秩序，制定本条例。
第二条 本市行政区域内电动自行车的销售、登记、通行、停放充电及其监督管理，适用本条例。
第二章 停放充电
第三条 住宅小区应当设置电动自行车集中停放和充电场所。
第四条 禁止在楼道、安全出口停放电动自行车或者为其充电。
第三章 附则
第五条 本条例自 年 月 日起施行。`;

async function sheet(rows: (string | number)[][]) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('联系点意见');
  ws.addRow(['条款', '意见内容*', '参与人数*', '收集日期*', '提出人']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

let browser: Browser;
let draft: { id: string; publicCode: string };
beforeAll(async () => {
  const api = await apiAs('staff');
  const points = await api<{ items: { id: string; name: string }[] }>('GET', '/api/legislation/contact-points');
  const wangjiangjing = points.items.find((p) => p.name === '秀洲区王江泾镇基层立法联系点')!;
  ({ draft } = await api<{ draft: { id: string; publicCode: string } }>('POST', '/api/legislation/drafts', {
    title: TITLE,
    drafter: '嘉兴市公安局',
    commentFrom: chinaDay(-1),
    commentTo: chinaDay(30),
    contactPointIds: [wangjiangjing.id],
    version: { text: TEXT, explanation: '我市电动自行车保有量大，停放充电引发的火灾隐患突出。' },
  }));
  await api('POST', `/api/legislation/drafts/${draft.id}/actions/openComment`);
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const commentRow = (page: Page, text: string) => page.locator('tr').filter({ hasText: text });

describe('a draft regulation receives comments and is summed up', () => {
  it('a citizen comments on an article and on the whole draft from a phone', async () => {
    const tracked = await openPage(browser, { mobile: true });
    const { page } = tracked;
    await page.goto(`${baseUrl()}/m/legislation?code=${draft.publicCode}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
    await expectCleanPage(tracked, 'public draft page');
    await page.getByRole('region', { name: '第四条' }).getByRole('button', { name: '对本条提意见' }).click();
    await expect.poll(() => page.locator('#comment-form .target').textContent()).toBe('对第四条提出意见');
    await page.getByRole('button', { name: '提交意见' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('意见内容至少 5 个字');
    await page.getByLabel(/意见内容/).fill('建议明确物业服务企业发现楼道充电时的劝阻和报告义务。');
    await page.getByLabel('手机号（选填）').fill('13905739876');
    await tick(page.getByLabel('意见被采纳时，同意以短信告知我'));
    await page.getByRole('button', { name: '提交意见' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('感谢您参与立法！您的意见经审核后公开显示。');
    await page.goto(`${baseUrl()}/m/legislation?code=${draft.publicCode}`);
    await page.getByLabel(/意见内容/).fill('建议增加对电动自行车以旧换新的鼓励措施。');
    await page.getByRole('button', { name: '提交意见' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('感谢您参与立法！您的意见经审核后公开显示。');
    await expectCleanPage(tracked, 'comment sent');
    await tracked.context.close();
  });

  it('the contact point’s member imports the comments gathered at a meeting from Excel', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'xzstaff');
    await page.goto(`${baseUrl()}/legislation/contact-points`);
    await expectHeading(page, '基层立法联系点');
    const card = page.locator('.ant-card').filter({ hasText: '秀洲区王江泾镇基层立法联系点' });
    const item = card.locator('.ant-list-item').filter({ hasText: TITLE });
    await item.locator('input[type=file]').setInputFiles({
      name: '座谈会意见.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await sheet([
        ['第三条', '老旧小区没有空地设置充电场所，建议允许利用公共用房改建。', 15, chinaDay(0), ''],
        ['第四条', '楼道充电禁止性规定很有必要，建议明确处罚。', 9, chinaDay(0), ''],
      ]),
    });
    await expect.poll(() => page.getByText('已导入 2 条意见，参与 24 人次').count()).toBe(1);
    await expectCleanPage(tracked, 'contact points');
    await tracked.context.close();
  });

  it('staff moderate the public comments in bulk on a phone: two refused with one reason, two approved', async () => {
    for (const content of ['广告：低价出售电动车电池，请加微信联系。', '测试测试测试测试测试。'])
      expect(
        (
          await fetch(`${baseUrl()}/api/public/legislation/${draft.publicCode}/comments`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ content }),
          })
        ).status,
      ).toBe(201);
    const tracked = await openPage(browser, { mobile: true });
    const { page } = tracked;
    await loginAs(page, 'staff');
    await page.goto(`${baseUrl()}/legislation/drafts/${draft.id}`);
    await expectHeading(page, TITLE);
    await page.getByRole('tab', { name: '意见', exact: true }).click();
    const bar = page.getByRole('group', { name: '批量审核' });
    await expect.poll(() => bar.textContent()).toContain('已选 0 条');
    const pick = (start: string) => page.getByRole('checkbox', { name: new RegExp(`“${start}`) });
    // Contact points' comments are shown without moderation: they cannot be selected.
    await expect.poll(() => pick('老旧小区').isDisabled()).toBe(true);
    await tick(pick('广告'));
    await tick(pick('测试测试'));
    await expect.poll(() => bar.textContent()).toContain('已选 2 条');
    await expectCleanPage(tracked, 'comments selected on a phone');
    await buttonNamed(bar, '不予公开（2）').click();
    const dialog = page.getByRole('dialog', { name: '不予公开 2 条意见' });
    await buttonNamed(dialog, '保存').click();
    await expect.poll(() => dialog.getByText('此项为必填项').count()).toBe(1);
    await dialog.getByLabel('理由').fill('与草案内容无关');
    await buttonNamed(dialog, '保存').click();
    await expect.poll(() => page.getByText('已不予公开 2 条').count()).toBe(1);
    await expect.poll(() => page.locator('.row-card').filter({ hasText: '未通过审核' }).count()).toBe(2);
    await expect.poll(() => bar.textContent()).toContain('已选 0 条');
    await tick(pick('建议明确物业'));
    await tick(pick('建议增加对电动'));
    await buttonNamed(bar, '通过（2）').click();
    await expect.poll(() => page.getByText('已审核通过 2 条').count()).toBe(1);
    await expect.poll(() => page.locator('.row-card').filter({ hasText: '待审核' }).count()).toBe(0);
    await expectCleanPage(tracked, 'comments moderated on a phone');
    await tracked.context.close();
  });

  it('staff mark every comment, close the period and get the summary report', async () => {
    const tracked = await openPage(browser);
    const { page } = tracked;
    await loginAs(page, 'staff');
    await page.goto(`${baseUrl()}/legislation/drafts/${draft.id}`);
    await expectHeading(page, TITLE);
    await expect.poll(() => page.getByTestId('article-4').textContent()).toContain('2 条意见 · 10 人次');
    await expectCleanPage(tracked, 'draft detail');
    // While comment is open staff may still correct the particulars (the start date stays): the drafter here.
    await page.getByRole('button', { name: '修改草案信息' }).click();
    const edit = page.getByRole('dialog', { name: '修改草案信息' });
    await expect.poll(() => edit.getByLabel('起草单位').inputValue()).toBe('嘉兴市公安局');
    await edit.getByLabel('起草单位').fill('嘉兴市公安局交通警察支队');
    await buttonNamed(edit, '保存').click();
    await expect.poll(() => page.getByText('嘉兴市公安局交通警察支队', { exact: true }).count()).toBe(1);
    await page.getByRole('tab', { name: '意见', exact: true }).click();
    for (const text of ['物业服务企业', '以旧换新']) await expect.poll(() => commentRow(page, text).getByText('已公开').count()).toBe(1);
    const marks: [string, string][] = [
      ['物业服务企业', '采纳'],
      ['以旧换新', '未采纳'],
      ['公共用房改建', '部分采纳'],
      ['明确处罚', '采纳'],
    ];
    for (const [text, adoption] of marks) {
      await buttonNamed(commentRow(page, text), '标注处理情况').click();
      const dialog = page.getByRole('dialog');
      await tick(dialog.getByLabel(adoption, { exact: true }));
      await dialog.getByLabel('理由').fill(adoption === '未采纳' ? '不属于本条例调整范围' : '已在修改稿中体现');
      await buttonNamed(dialog, '保存').click();
      await expect.poll(() => commentRow(page, text).getByText(adoption, { exact: true }).count()).toBe(1);
    }
    for (const action of ['结束征求意见', '形成汇总报告']) {
      await buttonNamed(page, action).click();
      await buttonNamed(page.locator('.ant-popconfirm:visible'), action).click();
      // The confirm box fades out; the next action's box must not be mistaken for it.
      await expect.poll(() => page.locator('.ant-popconfirm:visible').count()).toBe(0);
    }
    await expect.poll(() => page.getByText('已形成汇总报告').count()).toBeGreaterThan(0);
    await expectCleanPage(tracked, 'summarised');
    const report = page.getByRole('link', { name: /汇总报告（Word）/ });
    const [download] = await Promise.all([page.waitForEvent('download'), report.click()]);
    expect(download.suggestedFilename()).toBe(`${TITLE}征求意见情况汇总报告.docx`);
    const res = await tracked.context.request.get(`${baseUrl()}${await report.getAttribute('href')}`);
    expect(res.headers()['content-type']).toBe(DOCX_MIME);
    const xml = await (await JSZip.loadAsync(await res.body())).file('word/document.xml')!.async('string');
    expect(xml).toContain('共收到意见 4 条，涉及 26 人次');
    expect(xml).toContain('采纳 2 条，部分采纳 1 条，未采纳 1 条');
    expect(xml).toContain('另有 2 条留言与草案无关或含不当内容，未予公开，不计入。');
    await tracked.context.close();
  });
});
