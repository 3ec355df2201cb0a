import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { samplePng } from '../apps/server/src/test/images.js';
import {
  chinaDay,
  baseUrl,
  chooseOption,
  expectCleanPage,
  expectOnlyRefusal,
  loginAs,
  openPage,
  type TrackedPage,
  tick,
} from './harness.js';
import { act, confirmPopover, expectState } from './suggestions-steps.js';
import { openBrowserWithStation } from './opinions-steps.js';
import { DOCX_MIME, searchAndChoose } from './ui.js';

/** antd puts a space between the two characters of a two-character label; an icon's name may come first. */
const button = (page: Page | Locator, label: string) =>
  page.getByRole('button', { name: new RegExp(`(^|\\s)${[...label].join('\\s*')}$`) });

async function heading(page: Page, name: string | RegExp) {
  await expect.poll(() => page.getByRole('heading', { name, level: 1 }).count(), { message: `heading ${name}` }).toBe(1);
}

async function statusShown(page: Page, label: string) {
  await expect
    .poll(
      () =>
        page
          .locator('.ant-tag')
          .filter({ hasText: new RegExp(`^${label}$`) })
          .count(),
      { message: label },
    )
    .toBeGreaterThan(0);
}

let browser: Browser;
let stationCode: string;

openBrowserWithStation((b, code) => {
  browser = b;
  stationCode = code;
});

describe('a citizen’s opinion from the QR code to the rating', () => {
  it('is submitted with a photo on a phone, routed by staff, answered by the unit, approved, and rated by the citizen', async () => {
    // ---- the citizen scans the station's QR code ----
    const citizen = await openPage(browser, { mobile: true });
    const phone = citizen.page;
    await phone.goto(`${baseUrl()}/m/opinion?station=${stationCode}`);
    await heading(phone, '反映意见');
    await expect.poll(() => phone.getByText('联络站：王江泾镇人大代表联络站').count()).toBe(1);
    // The station's hours and the deputies on duty, and a privacy notice beside name and phone.
    await expect.poll(() => phone.getByRole('region', { name: '联络站接待安排' }).count()).toBe(1);
    await expect.poll(() => phone.getByText(/^个人信息保护：/).count()).toBe(1);
    await expectCleanPage(citizen, 'mobile form');

    const text = '闻川路便民服务中心门口的人行道地砖大面积松动，下雨天踩上去溅水，老人容易滑倒，希望尽快修复。';
    await phone.getByLabel('意见类别').selectOption({ label: '城乡建设' });
    await phone.getByLabel('意见内容').fill(text);
    await phone
      .locator('#photos')
      .setInputFiles({ name: 'pavement.png', mimeType: 'image/png', buffer: samplePng(48, 32, [70, 130, 180]) });
    await expect.poll(() => phone.getByRole('img', { name: '照片1' }).count()).toBe(1);
    await phone.getByLabel('地点（选填）').fill('王江泾镇闻川路28号门口');
    await phone.getByLabel('手机号').fill('13905739876');
    await phone.getByRole('button', { name: '提交意见' }).click();

    await heading(phone, '提交成功');
    const code = (await phone.locator('p.code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){2}$/);
    // What to expect: the body's reply period, the SMS to the (masked) number, and a QR of the tracking link.
    await expect.poll(() => phone.getByText('承办单位一般在 15个工作日内答复', { exact: false }).count()).toBe(1);
    await expect.poll(() => phone.getByText('139****9876', { exact: false }).count()).toBe(1);
    const qr = phone.getByRole('img', { name: '查询链接二维码' });
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expectCleanPage(citizen, 'receipt');
    await phone.getByRole('link', { name: '查看办理进度' }).click();
    await heading(phone, '办理进度');
    await expect.poll(() => phone.getByText('已提交，等待受理').count()).toBeGreaterThan(0);
    await expectCleanPage(citizen, 'tracking page after submitting');
    // A shared tablet keeps no list of codes unless the citizen asks, and forgets it on request.
    await phone.goto(`${baseUrl()}/m/opinion`);
    await heading(phone, '办理进度');
    expect(await phone.getByRole('navigation', { name: '我提交过的意见' }).count()).toBe(0);
    await phone.goto(`${baseUrl()}/m/opinion?code=${code}`);
    await phone.getByRole('button', { name: /在本机记住此查询码/ }).click();
    await expect.poll(() => phone.getByText('已在本机记住此查询码。').count()).toBe(1);
    await phone.goto(`${baseUrl()}/m/opinion`);
    const kept = phone.getByRole('navigation', { name: '我提交过的意见' });
    await expect.poll(() => kept.getByRole('link', { name: code }).count()).toBe(1);
    await kept.getByRole('button', { name: '清除本机记录' }).click();
    await expect.poll(() => phone.getByText('已清除本机保存的查询码。').count()).toBe(1);
    await phone.goto(`${baseUrl()}/m/opinion?code=${code}`);
    await expect.poll(() => phone.getByText('已提交，等待受理').count()).toBeGreaterThan(0);

    // ---- staff find it in the inbox, accept and route it ----
    const staff = await openPage(browser);
    const desk = staff.page;
    await loginAs(desk, 'staff');
    await desk.locator('nav a[href="/opinions"]').first().click();
    await heading(desk, '群众意见收件箱');
    await desk.getByRole('search').getByLabel('关键词').fill(code);
    await button(desk, '查询').click();
    await expect.poll(() => desk.getByRole('link', { name: code }).count()).toBe(1);
    await expectCleanPage(staff, 'staff inbox');
    await desk.getByRole('link', { name: code }).click();
    await heading(desk, `群众意见 ${code}`);
    await expect.poll(() => desk.getByRole('img', { name: '群众上传的照片 1' }).count()).toBe(1);
    await expect.poll(() => desk.getByText(text).count()).toBeGreaterThan(0);
    // Staff see the phone the citizen left (the read is audited); the citizen did not tick 同意承办单位联系我.
    await expect.poll(() => desk.getByText('13905739876').count()).toBe(1);
    await expectCleanPage(staff, 'opinion detail (submitted)');

    await button(desk, '受理').click();
    await statusShown(desk, '已受理');
    await button(desk, '转办').click();
    const dialog = desk.getByRole('dialog');
    // The list is long (and virtual): type to narrow it, as staff do.
    await searchAndChoose(desk, dialog.getByLabel('承办单位'), '住房和城乡建设局', '嘉兴市住房和城乡建设局');
    await expect.poll(() => desk.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await tick(dialog.getByLabel('专项交办'));
    await dialog.getByLabel('转办说明（选填）').fill('请核查人行道地砖松动情况并修复');
    await expect.poll(() => dialog.getByText(/答复期限将为 \d{4}-\d{2}-\d{2}（15个工作日/).count()).toBe(1);
    await expectCleanPage(staff, 'route dialog');
    await button(dialog, '保存').click();
    await statusShown(desk, '已转办');
    await expect.poll(() => desk.getByText('以专项交办方式转交嘉兴市住房和城乡建设局').count()).toBe(1);
    await expectCleanPage(staff, 'opinion detail (routed)');

    // ---- the handling unit signs for it and replies ----
    const unit = await openPage(browser);
    const office = unit.page;
    await loginAs(office, 'unit');
    await office.locator('nav a[href="/opinions"]').first().click();
    await heading(office, '转办给本单位的群众意见');
    await expect.poll(() => office.getByRole('link', { name: code }).count()).toBe(1);
    await expectCleanPage(unit, 'unit list');
    await office.getByRole('link', { name: code }).click();
    await heading(office, `群众意见 ${code}`);
    // Without the citizen's consent the unit gets no phone, and is told why (个人信息保护法第二十三条).
    await expect.poll(() => office.getByText(/群众未同意向承办单位提供姓名和手机号/).count()).toBe(1);
    expect(await office.getByText('13905739876').count()).toBe(0);
    await expectCleanPage(unit, 'unit detail (routed)');
    await button(office, '签收').click();
    await statusShown(office, '办理中');
    await button(office, '答复').click();
    const replyDialog = office.getByRole('dialog');
    const reply = '经现场核查，该路段地砖因基层沉降松动，已于本周完成重新铺设并加固排水，感谢您的反映。';
    await replyDialog.getByLabel('答复内容').fill(reply);
    await expectCleanPage(unit, 'reply dialog');
    await button(replyDialog, '保存').click();
    await statusShown(office, '已答复待审核');
    await expectCleanPage(unit, 'unit detail (replied)');

    // Not reviewed yet: the citizen does not see the reply.
    await phone.reload();
    await expect.poll(() => phone.getByText('承办单位办理中').count()).toBeGreaterThan(0);
    expect(await phone.getByText(reply).count()).toBe(0);

    // ---- staff approve the reply ----
    await desk.reload();
    await heading(desk, `群众意见 ${code}`);
    await expect.poll(() => desk.getByText(reply).count()).toBeGreaterThan(0);
    await button(desk, '审核通过答复').click();
    await statusShown(desk, '已答复');
    await expectCleanPage(staff, 'opinion detail (reply approved)');

    // ---- the citizen reads the reply and rates it ----
    await phone.reload();
    await expect.poll(() => phone.getByText(reply).count()).toBe(1);
    await expect.poll(() => phone.getByText('已答复，请您评价').count()).toBeGreaterThan(0);
    await expectCleanPage(citizen, 'tracking page with the reply');
    await tick(phone.getByLabel('满意', { exact: true }));
    await phone.getByLabel('评价意见（选填）').fill('修得很快，谢谢');
    await phone.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => phone.getByText('您的评价：满意，修得很快，谢谢').count()).toBe(1);
    await expectCleanPage(citizen, 'tracking page after rating');

    // Staff see the rating in the opinion's steps.
    await desk.reload();
    await statusShown(desk, '已评价');
    await expect.poll(() => desk.getByText('修得很快，谢谢').count()).toBeGreaterThan(0);

    await Promise.all([citizen.context.close(), staff.context.close(), unit.context.close()]);
  });
});

describe('refusals on the phone page', () => {
  it('refuses an oversized photo and a file that is not a picture in plain Chinese, and a later good submission still goes through', async () => {
    const citizen = await openPage(browser, { mobile: true });
    const phone = citizen.page;
    await phone.goto(`${baseUrl()}/m/opinion?station=${stationCode}`);
    await heading(phone, '反映意见');
    await phone.getByLabel('意见类别').selectOption({ label: '交通出行' });
    await phone.getByLabel('意见内容').fill('公交站台没有遮雨棚，下雨天等车的老人只能淋雨。');

    // A 6 MB photo the phone cannot shrink (HEIC is sent as it is).
    await phone.locator('#photos').setInputFiles({ name: 'big.heic', mimeType: 'image/heic', buffer: Buffer.alloc(6 * 1024 * 1024, 7) });
    await phone.getByRole('button', { name: '提交意见' }).click();
    await expect.poll(() => phone.getByRole('alert').filter({ hasText: '每张照片不能超过 5 MB' }).count()).toBe(1);
    await expectOnlyRefusal(citizen, 413, 'oversized photo');

    // A "photo" that is really a text file.
    await phone.getByRole('button', { name: '删除照片1' }).click();
    await phone.locator('#photos').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('这不是一张图片 MZ') });
    await phone.getByRole('button', { name: '重新提交' }).click();
    await expect
      .poll(() => phone.getByRole('alert').filter({ hasText: '照片格式不支持，请上传 JPG、PNG、WEBP 或 HEIC 图片' }).count())
      .toBe(1);
    await expectOnlyRefusal(citizen, 415, 'not a picture');

    // Content that is too short is stopped before sending, in the same words the server uses.
    await phone.getByRole('button', { name: '删除照片1' }).click();
    await phone.getByLabel('意见内容').fill('太短');
    await phone.getByRole('button', { name: '重新提交' }).click();
    await expect.poll(() => phone.getByRole('alert').filter({ hasText: '意见内容至少 5 个字' }).count()).toBe(1);

    await phone.getByLabel('意见内容').fill('公交站台没有遮雨棚，下雨天等车的老人只能淋雨。');
    await phone.getByRole('button', { name: '重新提交' }).click();
    await heading(phone, '提交成功');
    await citizen.context.close();
  });

  it('says plainly when a QR code is unknown', async () => {
    const citizen = await openPage(browser, { mobile: true });
    await citizen.page.goto(`${baseUrl()}/m/opinion?station=NoSuchStation0000`);
    await expect
      .poll(() => citizen.page.getByRole('alert').filter({ hasText: '二维码无效或已停用，请向联络站工作人员咨询' }).count())
      .toBe(1);
    await expectOnlyRefusal(citizen, 404, 'unknown QR code');
    await citizen.context.close();
  });
});

/** The signed-in deputy's own record (its public code is what their 代表码 carries). */
async function ownDeputy(tracked: TrackedPage) {
  return (await (await tracked.context.request.get(`${baseUrl()}/api/me/deputy`)).json()) as { publicCode: string };
}

describe('a deputy’s QR code (代表码)', () => {
  it('opens the opinion form with the deputy’s card: post, commitments and what they did with the opinions they received', async () => {
    const deputy = await openPage(browser);
    await loginAs(deputy.page, 'deputy');
    const me = await ownDeputy(deputy);
    await deputy.context.close();

    const citizen = await openPage(browser, { mobile: true });
    await citizen.page.goto(`${baseUrl()}/m/opinion?deputy=${me.publicCode}`);
    await expect.poll(() => citizen.page.getByText('人大代表：张秀英').count()).toBe(1);
    await citizen.page.getByText('张秀英代表的名片和履职情况').click();
    const card = citizen.page.locator('details.card');
    await expect.poll(() => card.getByRole('heading', { name: '履职承诺' }).count()).toBe(1);
    await expect.poll(() => card.getByText('党委书记、居委会主任').count()).toBe(1);
    // Opinions received, replied, solved; suggestions led, co-signed, answered.
    await expect.poll(() => card.getByText(/^\d+ 件$/).count()).toBe(6);
    await expectCleanPage(citizen, 'deputy card on the phone page');
    // The form below the card is the usual one.
    await expect.poll(() => citizen.page.getByRole('button', { name: '提交意见' }).count()).toBe(1);
    await citizen.context.close();
  });
});

describe('意见转建议', () => {
  it('a deputy picks opinions sent to them, drafts a suggestion from them, and after submitting sees the link', async () => {
    const deputy = await openPage(browser);
    const { page } = deputy;
    await loginAs(page, 'deputy');
    const me = await ownDeputy(deputy);
    const content = '王江泾镇中心小学门口没有人行横道和减速带，接送孩子时车辆车速很快。';
    const sent = await deputy.context.request.post(`${baseUrl()}/api/public/opinions`, {
      multipart: { deputy: me.publicCode, category: 'transport', content, contactConsent: 'false' },
    });
    expect(sent.status()).toBe(201);

    await page.goto(`${baseUrl()}/opinions`);
    await page.locator('.ant-segmented-item').filter({ hasText: '我收到的意见' }).click();
    await page.waitForURL((u) => u.pathname === '/opinions/received');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '我收到的群众意见' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: content }).count()).toBe(1);
    await expectCleanPage(deputy, 'opinions received');
    await tick(page.getByRole('checkbox', { name: `选择意见：${content.slice(0, 20)}` }));
    await page.getByRole('button', { name: /转为建议（已选 1 件）/ }).click();
    await page.waitForURL((u) => u.pathname === '/suggestions/new');
    await expect.poll(() => page.getByText('本建议由您选择的 1 件群众意见起草，提交后这些意见将关联到本建议。').count()).toBe(1);
    await expect.poll(() => page.getByLabel('内容').inputValue()).toContain(content);
    await page.getByLabel('标题').fill('关于在中小学校门口完善交通安全设施的建议');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL((u) => /^\/suggestions\/[0-9a-f-]{36}$/.test(u.pathname));
    const suggestionPath = new URL(page.url()).pathname;
    await expectState(page, '草稿');
    await expectCleanPage(deputy, 'draft from opinions');
    await act(page, '提交');
    await confirmPopover(page);
    await expectState(page, '已提交');

    await page.goto(`${baseUrl()}/opinions/received`);
    const row = page.getByRole('row').filter({ hasText: content });
    await expect.poll(() => row.getByRole('link', { name: '查看建议' }).getAttribute('href')).toBe(suggestionPath);
    await expect.poll(() => row.getByRole('checkbox').isDisabled()).toBe(true);
    await expectCleanPage(deputy, 'opinion linked to the suggestion');
    await deputy.context.close();
  });
});

describe('a themed campaign (专项监督)', () => {
  it('records a field visit with what the deputies found, transfers the clue and gives the month’s dispatch report', async () => {
    const staff = await openPage(browser);
    const desk = staff.page;
    await loginAs(desk, 'staff');
    await desk.goto(`${baseUrl()}/opinions`);
    await heading(desk, '群众意见收件箱');
    await desk.getByText('专项监督', { exact: true }).click();
    await heading(desk, '专项监督');
    await expectCleanPage(staff, 'campaign list');
    await desk.getByRole('link', { name: '生态环保突出问题代表专项监督' }).click();
    await heading(desk, '生态环保突出问题代表专项监督');
    await expect.poll(() => desk.getByText('王江泾镇代表监督组（王江泾镇）').count()).toBe(1);
    await expectCleanPage(staff, 'campaign page');

    await button(desk, '登记实地监督').click();
    const dialog = desk.getByRole('dialog');
    await chooseOption(desk, dialog.getByLabel('监督组'), '王江泾镇代表监督组');
    await expect.poll(() => desk.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await dialog.getByLabel('监督日期').fill(chinaDay());
    await dialog.getByLabel('监督日期').press('Enter');
    await dialog.getByLabel('监督地点', { exact: true }).fill('王江泾镇北虹村');
    await dialog.getByLabel('参加代表').click();
    await desk.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(0).click();
    await desk.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(1).click();
    await dialog.getByLabel('监督地点', { exact: true }).click(); // closes the list
    await expect.poll(() => desk.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await button(dialog, '添加一条').click();
    const finding = '北虹村河道边堆放养殖废弃物，雨天污水流入河道';
    await dialog.getByLabel('内容').fill(finding);
    await dialog.getByLabel('地点', { exact: true }).fill('北虹村');
    await expectCleanPage(staff, 'visit dialog');
    await button(dialog, '保存').click();
    await expect.poll(() => desk.getByText(finding).count()).toBe(1);

    const row = desk.getByRole('row').filter({ hasText: finding });
    const number = (await row.getByRole('cell').first().textContent())!.trim();
    expect(number).toMatch(/^\d{4}-\d{4}$/);
    await row.getByRole('button', { name: `转办 ${number}` }).click();
    const transfer = desk.getByRole('dialog');
    await searchAndChoose(desk, transfer.getByLabel('承办单位'), '王江泾镇人民政府', '王江泾镇人民政府');
    await expect.poll(() => desk.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await expectCleanPage(staff, 'transfer dialog');
    await button(transfer, '保存').click();
    await expect.poll(() => row.getByText('已转办整改中').count()).toBe(1);
    await expect.poll(() => row.getByText('王江泾镇人民政府').count()).toBe(1);
    await expectCleanPage(staff, 'campaign page after the transfer');

    // The month's dispatch: this month's figures on the page, and the Word document behind the button.
    const dispatch = desk.locator('.ant-card').filter({ has: desk.getByRole('heading', { name: '月调度' }) });
    const personTimes = dispatch.getByRole('row', { name: /参加代表（人次）/ });
    await expect.poll(async () => Number(await personTimes.getByRole('cell').nth(1).textContent())).toBeGreaterThanOrEqual(2);
    const href = await desk.getByRole('link', { name: /下载月调度/ }).getAttribute('href');
    expect(href).toMatch(/\/dispatch\.docx\?month=\d{4}-\d{2}$/);
    const docx = await staff.context.request.get(`${baseUrl()}${href}`);
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toBe(DOCX_MIME);
    expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
    await staff.context.close();
  });
});

describe('similar opinions on the detail page', () => {
  it('shows a recent opinion that reads alike and merges the duplicate into it', async () => {
    const staff = await openPage(browser);
    const desk = staff.page;
    await loginAs(desk, 'staff');
    // Two citizens raise the same problem in their own words.
    const submit = async (content: string) => {
      const res = await staff.context.request.post(`${baseUrl()}/api/public/opinions`, {
        data: { station: stationCode, category: 'transport', content },
      });
      expect(res.status()).toBe(201);
      return ((await res.json()) as { trackingCode: string }).trackingCode;
    };
    const first = await submit('东栅街道共享单车乱停乱放，堵住了盲道和小区出入口，希望加强共享单车停放管理。');
    const second = await submit('小区门口盲道上停满共享单车，出入很不方便，请管一管共享单车乱停放。');
    const found = await staff.context.request.get(`${baseUrl()}/api/opinions?q=${encodeURIComponent(second)}`);
    const id = ((await found.json()) as { items: { id: string }[] }).items[0]!.id;

    await desk.goto(`${baseUrl()}/opinions/${id}`);
    await heading(desk, `群众意见 ${second}`);
    const panel = desk.locator('.ant-card').filter({ has: desk.getByRole('heading', { name: '相似意见' }) });
    await expect.poll(() => panel.getByRole('link', { name: first }).count()).toBe(1);
    await expect.poll(() => panel.getByText(/相似度 \d+%/).count()).toBeGreaterThan(0);
    await expectCleanPage(staff, 'opinion detail with similar opinions');

    const item = panel.locator('.ant-list-item').filter({ has: desk.getByRole('link', { name: first }) });
    await button(item, '合并到此条').click();
    await button(desk.locator('.ant-popover'), '合并到此条').click();
    await statusShown(desk, '已合并');
    await expect.poll(() => panel.count()).toBe(0);
    await staff.context.close();
  });
});
