import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  SETUP_INITIAL_PASSWORD,
  adoptDemoPassword,
  chooseOption,
  expectCleanPage,
  expectCleanToast,
  expectOnlyRefusal,
  launchBrowser,
  loginAs,
  openPage,
  type TrackedPage,
} from './harness.js';
import { act, apiAs, confirmPopover, decide, expectState, label, openItem, submitDialog, unitId } from './suggestions-steps.js';
import { dropdownClosed } from './ui.js';

/**
 * 并案, 延期 and 议案 in the pages: what the API tests prove, done as staff, units and deputies do it.
 * The set-up (drafting, submitting, assigning) goes through the API; those steps have their own browser tests.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const HOUSING = '嘉兴市住房和城乡建设局';

/** A fresh signed-in page for each demo account. */
async function pagesAs<N extends string[]>(...usernames: N): Promise<{ [K in keyof N]: TrackedPage }> {
  const pages: TrackedPage[] = [];
  for (const username of usernames) {
    const tracked = await openPage(browser);
    await loginAs(tracked.page, username);
    pages.push(tracked);
  }
  return pages as { [K in keyof N]: TrackedPage };
}

interface Draft {
  title: string;
  content: string;
  kind?: 'suggestion' | 'motion';
  period?: 'session' | 'between_sessions';
  sessionId?: string;
  cosignerIds?: string[];
}

/** A deputy's draft, made through the API; its id. */
async function drafted(deputy: { context: BrowserContext }, draft: Draft): Promise<string> {
  const { id } = await apiAs<{ id: string }>(deputy, 'POST', '/api/suggestions', { period: 'between_sessions', field: 'urban', ...draft });
  return id;
}

async function submitted(deputy: { context: BrowserContext }, draft: Draft): Promise<string> {
  const id = await drafted(deputy, draft);
  await apiAs(deputy, 'POST', `/api/suggestions/${id}/actions/submit`, {});
  return id;
}

/** A value in the item's 基本情况, by its label. */
const basic = (page: Page, name: string) =>
  page
    .locator('.ant-descriptions-item-container')
    .filter({ has: page.locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${name}$`) }) })
    .locator('.ant-descriptions-item-content')
    .first()
    .textContent();
/** The reply deadline's date, without the 暂定 tag shown for a year whose official calendar is not entered yet. */
const dueOf = async (page: Page) => ((await basic(page, '答复期限')) ?? '').match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '';

const section = (page: Page, title: string) => page.locator('.section-card', { hasText: title });

/** Presses 确定 in the open dialog with a field left blank: the form says which one, in Chinese. */
async function expectRequired(page: Page) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: label('确定') }).click();
  await expect.poll(() => dialog.getByText('此项为必填项').count()).toBe(1);
}

/** 提交 refused (409): the server's Chinese reason shows in a toast, and the page has no other console error. */
async function expectSubmitRefused(tracked: TrackedPage, message: string, where: string) {
  const { page } = tracked;
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/submit'));
  await act(page, '提交');
  await confirmPopover(page);
  const res = await answer;
  expect(res.status()).toBe(409);
  expect(((await res.json()) as { error: { message: string } }).error.message).toContain(message);
  await expect.poll(() => page.locator('.ant-message-notice', { hasText: message }).count(), { message: `toast ${message}` }).toBe(1);
  await expectCleanToast(tracked, message);
  await expectOnlyRefusal(tracked, 409, where);
}

describe('并案: staff merge a duplicate suggestion into one already accepted', () => {
  it('shows, on each of the two pages, the link to the other', async () => {
    const TARGET = '关于加快推进城区雨污分流改造的建议';
    const DUPLICATE = '关于解决老城区雨天污水外溢问题的建议';
    const [deputy, staff] = await pagesAs('deputy', 'staff');
    const target = await submitted(deputy, {
      title: TARGET,
      content: '城区部分老旧片区仍为雨污合流管网，雨天污水外溢，影响居民出行和河道水质。建议加快雨污分流改造，明确年度计划。',
    });
    const duplicate = await submitted(deputy, {
      title: DUPLICATE,
      content: '每逢大雨，月河、建设街道一带窨井冒溢污水，居民反映强烈。建议对合流管网进行改造，从根本上解决污水外溢问题。',
    });
    await apiAs(staff, 'POST', `/api/suggestions/${target}/actions/accept`, {});

    // Staff merge the duplicate into the accepted item; without a choice the form says what is missing.
    await openItem(staff, duplicate, DUPLICATE, 'duplicate under review');
    await act(staff.page, '并案');
    const dialog = staff.page.getByRole('dialog');
    await expectRequired(staff.page);
    await chooseOption(staff.page, dialog.getByLabel('并入的建议'), TARGET);
    await dropdownClosed(staff.page);
    await dialog.getByLabel('并案理由').fill('两件建议反映的都是老城区雨污合流、雨天污水外溢问题，并案办理');
    await expectCleanPage(staff, 'merge form');
    await submitDialog(staff.page);
    await expectState(staff.page, '已并案');
    const toTarget = staff.page.getByRole('link', { name: '此件已并入另一件建议办理，点击查看' });
    await expect.poll(() => toTarget.count()).toBe(1);
    await expectCleanPage(staff, 'merged item');

    // The link leads to the item it went into, whose page names the merged one and links back.
    await toTarget.click();
    await staff.page.waitForURL((url) => url.pathname === `/suggestions/${target}`);
    await expectState(staff.page, '已受理');
    const back = staff.page.getByRole('alert').filter({ hasText: '以下建议已并入此件办理：' }).getByRole('link', { name: DUPLICATE });
    await expect.poll(() => back.count()).toBe(1);
    await expectCleanPage(staff, 'item with a merged suggestion');
    await back.click();
    await staff.page.waitForURL((url) => url.pathname === `/suggestions/${duplicate}`);
    await expectState(staff.page, '已并案');

    // The deputy sees the same on their own item.
    await openItem(deputy, duplicate, DUPLICATE, 'deputy’s merged item');
    await expectState(deputy.page, '已并案');
    await expect.poll(() => deputy.page.getByRole('link', { name: '此件已并入另一件建议办理，点击查看' }).count()).toBe(1);
    for (const tracked of [deputy, staff]) await tracked.context.close();
  });
});

describe('延期: the lead unit asks for more time and staff decide', () => {
  it('moves the due date when approved, keeps it when refused, and refuses more than the ceiling', async () => {
    const TITLE = '关于加快老旧小区燃气管道更新改造的建议';
    const [deputy, staff, unit] = await pagesAs('deputy', 'staff', 'unit');
    const id = await submitted(deputy, {
      title: TITLE,
      content: '我市部分老旧小区燃气管道敷设已超过二十年，锈蚀老化严重，存在安全隐患。建议制定更新改造计划，分批实施。',
    });
    await apiAs(staff, 'POST', `/api/suggestions/${id}/actions/accept`, {});
    await apiAs(staff, 'POST', `/api/suggestions/${id}/actions/assign`, { leadUnitId: await unitId(staff, HOUSING) });
    await apiAs(unit, 'POST', `/api/suggestions/${id}/actions/signFor`, {});

    // 住建局 asks for two more months; a request without a reason is stopped by the form.
    await openItem(unit, id, TITLE, 'unit handling the item');
    const before = await dueOf(unit.page);
    expect(before).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await act(unit.page, '申请延期');
    const request = unit.page.getByRole('dialog');
    await expect.poll(() => request.getByText(`当前答复期限：${before}`).count()).toBe(1);
    await request.getByLabel('延期月数').fill('2');
    await expectRequired(unit.page);
    await request.getByLabel('延期理由').fill('改造涉及燃气公司、街道和居民多方协调，需统筹年度资金');
    await expectCleanPage(unit, 'extension request');
    await submitDialog(unit.page);
    const extensions = section(unit.page, '延期申请');
    await expect.poll(() => extensions.getByRole('row', { name: /嘉兴市住房和城乡建设局\s*2\s*改造涉及.*待审批/ }).count()).toBe(1);
    await expectState(unit.page, '办理中');
    await expectCleanPage(unit, 'extension pending');

    // Staff approve it; the item's due date moves on by the two months.
    await openItem(staff, id, TITLE, 'staff with an extension request');
    await decide(staff, '审批延期', '同意', '同意延期两个月，请抓紧推进', 'extension approval');
    await expect
      .poll(() =>
        section(staff.page, '延期申请')
          .getByRole('row', { name: /已批准\s*同意延期两个月/ })
          .count(),
      )
      .toBe(1);
    const { dueAt } = await apiAs<{ dueAt: string }>(staff, 'GET', `/api/suggestions/${id}`);
    // As the page shows a date: in the browser's own time zone.
    const after = await staff.page.evaluate((iso) => {
      const d = new Date(iso);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    }, dueAt);
    expect(after > before!).toBe(true);
    await expect.poll(() => dueOf(staff.page)).toBe(after);
    await expectCleanPage(staff, 'extension approved');
    await openItem(unit, id, TITLE, 'unit after the approval');
    await expect.poll(() => dueOf(unit.page)).toBe(after);
    await expect
      .poll(() =>
        section(unit.page, '交办情况')
          .getByRole('row', { name: new RegExp(`主办.*${after}`) })
          .count(),
      )
      .toBe(1);
    await expectCleanPage(unit, 'unit sees the new due date');

    // Two more months would pass the ceiling: refused, with how much is left, on the field.
    await act(unit.page, '申请延期');
    await expect.poll(() => request.getByText(`当前答复期限：${after}`).count()).toBe(1);
    await request.getByLabel('延期月数').fill('2');
    await request.getByLabel('延期理由').fill('管线迁改需等待燃气公司施工排期');
    await request.getByRole('button', { name: label('确定') }).click();
    await expect.poll(() => request.getByText('最多还可延期 1 个月').count()).toBe(1);
    // The message fades in; judge its colours once it is there.
    await expect.poll(() => request.locator('.ant-form-show-help-item-appear').count()).toBe(0);
    await expectOnlyRefusal(unit, 409, 'extension over the ceiling');
    await request.getByLabel('延期月数').fill('1');
    await submitDialog(unit.page);
    await expect.poll(() => extensions.getByRole('row', { name: /\s1\s*管线迁改.*待审批/ }).count()).toBe(1);

    // Staff refuse this one with a note: the due date stays.
    await openItem(staff, id, TITLE, 'staff with a second request');
    await act(staff.page, '审批延期');
    await expectRequired(staff.page);
    await staff.page
      .getByRole('dialog')
      .getByRole('button', { name: label('取消') })
      .click();
    await expect.poll(() => staff.page.getByRole('dialog').count(), { message: 'dialog closes' }).toBe(0);
    await decide(staff, '审批延期', '不同意', '已延期两个月，请按期答复', 'extension refusal');
    await expect
      .poll(() =>
        section(staff.page, '延期申请')
          .getByRole('row', { name: /不予批准\s*已延期两个月，请按期答复/ })
          .count(),
      )
      .toBe(1);
    expect(await dueOf(staff.page)).toBe(after);
    await expectCleanPage(staff, 'extension refused');
    await openItem(unit, id, TITLE, 'unit after the refusal');
    await expect.poll(() => extensions.getByRole('row', { name: /不予批准/ }).count()).toBe(1);
    expect(await dueOf(unit.page)).toBe(after);
    await expectCleanPage(unit, 'unit sees the refusal');
    for (const tracked of [deputy, staff, unit]) await tracked.context.close();
  });
});

describe('议案: co-signers confirm, staff register one motion and turn another into a suggestion', () => {
  /** Nine more deputies of the city congress with their own accounts: with 张秀英, the ten a city motion needs. */
  const NAMES = ['孙立平', '何文静', '吴国强', '郑丽华', '冯志刚', '陈淑芬', '褚建新', '卫红梅', '蒋海涛'];
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  /** A context signed in through the API, for the co-signers whose part is not under test. */
  async function signedIn(username: string) {
    const context = await browser.newContext();
    contexts.push(context);
    await apiAs({ context }, 'POST', '/api/auth/login', { username, password: DEMO_PASSWORD });
    return { context };
  }

  it('refuses to submit before every co-signer answers and with too few signers, then registers one and converts another', async () => {
    const admin = await signedIn('admin');
    const [deputy, staff] = await pagesAs('deputy', 'staff');
    const { user } = await apiAs<{ user: { bodyId: string } }>(deputy, 'GET', '/api/auth/me');
    const cosigners: { id: string; username: string; name: string; as: { context: BrowserContext } }[] = [];
    for (const [i, name] of NAMES.entries()) {
      const username = `motion-cosigner${i + 1}`;
      const account = await apiAs<{ id: string }>(admin, 'POST', '/api/admin/users', {
        username,
        displayName: name,
        role: 'deputy',
        bodyId: user.bodyId,
        password: SETUP_INITIAL_PASSWORD,
      });
      await adoptDemoPassword(username);
      const registered = await apiAs<{ id: string }>(staff, 'POST', '/api/deputies', {
        bodyId: user.bodyId,
        term: '第九届',
        name,
        occupation: '企业职工',
        userId: account.id,
      });
      cosigners.push({ id: registered.id, username, name, as: await signedIn(username) });
    }
    const { items: sessions } = await apiAs<{ items: { id: string; bodyId: string }[] }>(deputy, 'GET', '/api/suggestion-sessions');
    const motion = (title: string, signers: typeof cosigners): Draft => ({
      title,
      kind: 'motion',
      period: 'session',
      sessionId: sessions.find((s) => s.bodyId === user.bodyId)!.id,
      cosignerIds: signers.map((c) => c.id),
      content: `${title.replace(/^关于|的议案$/g, '')}关系群众切身利益，现行规定已不适应实际需要。建议列入本次会议议程，由常委会组织起草，广泛听取群众意见。`,
    });
    const confirmAll = async (id: string, signers: typeof cosigners) => {
      for (const c of signers) await apiAs(c.as, 'POST', `/api/suggestions/${id}/actions/confirmCosign`, {});
    };

    // 张秀英 leads a motion with nine co-signers; it cannot go in before they all answer.
    const REGISTERED = '关于制定《嘉兴市电动自行车管理条例》的议案';
    const registered = await drafted(deputy, motion(REGISTERED, cosigners));
    await openItem(deputy, registered, REGISTERED, 'motion awaiting co-signers');
    await expect.poll(() => deputy.page.getByText(/^待联名代表确认后才能提交：/).count()).toBe(1);
    await expectSubmitRefused(deputy, '尚有联名代表未确认：', 'submit before co-signers answer');
    await expectState(deputy.page, '草稿');

    // Eight confirm; the ninth (蒋海涛) confirms on the item's page.
    await confirmAll(registered, cosigners.slice(0, 8));
    const last = cosigners[8]!;
    const ninth = await openPage(browser);
    await loginAs(ninth.page, last.username);
    await openItem(ninth, registered, REGISTERED, 'co-signer invited');
    await expect.poll(() => basic(ninth.page, '联名代表')).toContain(`${last.name}（待确认）`);
    await act(ninth.page, '确认联名');
    await confirmPopover(ninth.page);
    await expect.poll(() => basic(ninth.page, '联名代表')).toContain(`${last.name}（已确认）`);
    await expectCleanPage(ninth, 'co-signer confirmed');

    // Now 张秀英 submits it.
    await deputy.page.reload();
    await expectState(deputy.page, '草稿');
    await expect.poll(() => deputy.page.getByText(/^待联名代表确认后才能提交：/).count()).toBe(0);
    await act(deputy.page, '提交');
    await confirmPopover(deputy.page);
    await expectState(deputy.page, '已提交');
    await expectCleanPage(deputy, 'motion submitted');

    // A motion with four signers is refused with the law's reason.
    const FEW = '关于制定《嘉兴市物业管理条例》的议案';
    const few = await drafted(deputy, motion(FEW, cosigners.slice(0, 3)));
    await confirmAll(few, cosigners.slice(0, 3));
    await openItem(deputy, few, FEW, 'motion with four signers');
    await expectSubmitRefused(
      deputy,
      '议案须由 10 名以上代表联名提出（含领衔代表，目前 4 名）；人数不足的可改为建议提出',
      'motion with too few signers',
    );
    await expectState(deputy.page, '草稿');

    // Staff register the first (立案): a motion is registered, not 受理'd.
    await openItem(staff, registered, REGISTERED, 'staff reviewing a motion');
    const actions = staff.page.getByRole('group', { name: '可执行的操作' });
    await expect.poll(() => actions.getByRole('button', { name: '议案转为建议' }).count()).toBe(1);
    expect(await actions.getByRole('button', { name: label('受理') }).count()).toBe(0);
    await act(staff.page, '议案立案');
    await expectCleanPage(staff, 'registration form');
    await submitDialog(staff.page);
    await expectState(staff.page, '已受理');
    expect(await basic(staff.page, '类别')).toBe('议案');
    await expect.poll(() => basic(staff.page, '联名代表')).toContain(`${last.name}（已确认）`);
    await expectCleanPage(staff, 'motion registered');

    // A second motion, with its ten signers, is turned into a suggestion.
    const CONVERTED = '关于修订《嘉兴市城市绿化管理条例》的议案';
    const converted = await drafted(deputy, motion(CONVERTED, cosigners));
    await confirmAll(converted, cosigners);
    await apiAs(deputy, 'POST', `/api/suggestions/${converted}/actions/submit`, {});
    await openItem(staff, converted, CONVERTED, 'staff reviewing a second motion');
    expect(await basic(staff.page, '类别')).toBe('议案');
    await act(staff.page, '议案转为建议');
    await submitDialog(staff.page);
    await expectState(staff.page, '已受理');
    await expect.poll(() => basic(staff.page, '类别')).toBe('建议');
    await expect.poll(() => section(staff.page, '办理过程').getByText('议案转为建议').count()).toBe(1);
    await expectCleanPage(staff, 'motion turned into a suggestion');

    // The deputy sees the outcome on their own page.
    await openItem(deputy, converted, CONVERTED, 'deputy’s converted motion');
    await expect.poll(() => basic(deputy.page, '类别')).toBe('建议');
    for (const tracked of [deputy, staff, ninth]) await tracked.context.close();
  });
});
