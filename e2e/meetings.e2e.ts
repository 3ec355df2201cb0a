import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  baseUrl,
  buttonNamed,
  expectCleanPage,
  expectHeading,
  launchBrowser,
  loginAs,
  openPage,
  type TrackedPage,
  tick,
} from './harness.js';
import { dropdownClosed, searchAndChoose } from './ui.js';

const TITLE = '市九届人大常委会第十二次会议';
const ITEM = '关于批准嘉兴市2026年市级预算调整方案的决议（草案）';
const SECRET_ITEM = '关于接受辞职请求的决定（草案）';
const LATE_ITEM = '关于召开市十届人大一次会议的决定（草案）';
const UNIT = '嘉兴市财政局';
const LEAVE_REASON = '赴省人大常委会参加立法工作培训';

/** A ballot posted from the member's own signed-in page (a second device, a late tap): the server's answer. */
async function postBallot(page: Page, voteId: string, key: string) {
  const csrf = (await (await page.request.get(`${baseUrl()}/api/auth/csrf`)).json()) as { csrfToken: string };
  const res = await page.request.post(`${baseUrl()}/api/votes/${voteId}/ballots`, {
    headers: { 'x-csrf-token': csrf.csrfToken, 'idempotency-key': key },
    data: { choices: { motion: 'against' } },
  });
  return { status: res.status(), message: ((await res.json()) as { error?: { message: string } }).error?.message };
}

let browser: Browser;
let staff: TrackedPage;
let deputy: TrackedPage;
let meetingId: string;
/** A city deputy outside the standing committee, invited to observe (列席). */
let observer: string;
/** The member who asks for leave: the last of the members' list, so 代签到 on the first rows passes him by. */
let onLeave: string;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function confirmPop(page: Page, name: string | RegExp) {
  await page.locator('.ant-popover:visible').getByRole('button', { name }).click();
}

/** The live quorum line of the meeting page. */
const quorumText = (page: Page) => page.getByTestId('quorum-text').innerText();

/** The attendance list's row of one person or organ. */
const attendeeRow = (page: Page, name: string) => page.getByRole('row').filter({ hasText: name });

interface Attending {
  attendees: { name: string; role: string; deputyId: string | null; signedInAt: string | null }[];
  agenda: { title: string; voteId: string | null }[];
}

/** Staff register a paper ballot handed in by a member present: the roll first, then the ballot as marked. */
async function paperBallot(page: Page, name: string, choice: '赞成' | '反对', turnout: number, pending: number) {
  await searchAndChoose(page, page.getByRole('combobox', { name: '登记交回纸质选票的代表' }), name, name);
  await dropdownClosed(page);
  await page.getByRole('button', { name: '登记已交回' }).click();
  await expect.poll(() => page.getByTestId('turnout').innerText()).toBe(`${turnout} / 12 人`);
  await tick(page.getByRole('radio', { name: choice, exact: true }));
  await buttonNamed(page, '录入').click();
  await expect.poll(() => page.getByText(`待第二人确认的纸质选票（${pending} 张`).count()).toBe(1);
}

describe('a standing-committee meeting: agenda, sign-in on the phone, quorum, a vote on the vote component, the result', () => {
  it('staff arrange the meeting with an agenda item put to the vote; its members are the whole standing committee', async () => {
    staff = await openPage(browser);
    const { page } = staff;
    await loginAs(page, 'staff');
    await page.goto(`${baseUrl()}/meetings`);
    await expectHeading(page, '会议与表决');
    await page.getByRole('button', { name: '安排会议' }).click();
    const form = page.getByRole('dialog', { name: '安排会议' });
    await form.getByLabel('届次').fill('第九届');
    await form.getByLabel('会次（第N次）').fill('12');
    await form.getByLabel('会议名称').fill(TITLE);
    await form.getByLabel('会议地点').fill('市人大常委会第一会议室');
    await buttonNamed(form, '保存').click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    meetingId = new URL(page.url()).pathname.split('/').at(-1)!;
    await expectHeading(page, TITLE);
    // Quorum is counted on the full membership of the standing committee (12 in the demo city), not on replies.
    await expect.poll(() => quorumText(page)).toBe('应到 12 人，实到 0 人，请假 0 人；过半数为 7 人，不足法定人数');

    await page.getByRole('button', { name: '增加议题' }).click();
    const item = page.getByRole('dialog', { name: '增加议题' });
    await item.getByLabel('议题', { exact: true }).fill(ITEM);
    await item.getByLabel('报告人 / 说明人').fill('市财政局');
    await tick(item.getByRole('checkbox', { name: '提请表决' }));
    await buttonNamed(item, '保存').click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: ITEM }).count()).toBe(1);
    await page.getByRole('button', { name: '发出会议通知' }).click();
    await confirmPop(page, '发出会议通知');
    await expect.poll(() => page.getByRole('button', { name: '宣布开会' }).count()).toBe(1);
    await expectCleanPage(staff, 'meeting page after notice');
  });

  it('staff invite a deputy to observe and an organ to report; a member’s leave is recorded with its reason', async () => {
    const api = await apiAs('staff');
    const meeting = await api<Attending>('GET', `/api/meetings/${meetingId}`);
    const members = meeting.attendees.filter((a) => a.role === 'member');
    onLeave = members.filter((a) => a.name !== '张秀英').at(-1)!.name;
    const city = await api<{ items: { id: string; name: string; bodyName: string }[] }>(
      'GET',
      '/api/deputies?pageSize=50&status=in_office',
    );
    observer = city.items.find((d) => d.bodyName === '嘉兴市人大常委会' && !members.some((m) => m.deputyId === d.id))!.name;

    const { page } = staff;
    await page.getByRole('button', { name: '邀请列席 / 报告' }).click();
    const dialog = page.getByRole('dialog', { name: '邀请列席 / 报告' });
    await searchAndChoose(page, dialog.getByLabel('列席代表'), observer, observer);
    // The multiple choice stays open after a pick: close it before saving.
    await dialog.locator('.ant-modal-title').click();
    await dropdownClosed(page);
    await buttonNamed(dialog, '保存').click();
    await expect.poll(() => attendeeRow(page, observer).innerText()).toContain('列席代表');

    await page.getByRole('button', { name: '邀请列席 / 报告' }).click();
    await tick(dialog.getByRole('radio', { name: '邀请单位报告' }));
    await searchAndChoose(page, dialog.getByLabel('报告单位'), UNIT, UNIT);
    await dropdownClosed(page);
    await dialog.getByLabel('报告人').fill('局长 周明');
    await buttonNamed(dialog, '保存').click();
    await expect.poll(() => attendeeRow(page, UNIT).innerText()).toContain('报告单位（局长 周明）');
    await expect.poll(() => page.getByRole('heading', { name: '参会人员（14）' }).count()).toBe(1);

    // A member phones in his leave; staff record it with its reason, and the quorum line counts it.
    await attendeeRow(page, onLeave).getByRole('button', { name: '登记请假' }).click();
    const leave = page.getByRole('dialog', { name: `登记请假：${onLeave}` });
    await leave.getByLabel('请假事由').fill(LEAVE_REASON);
    await buttonNamed(leave, '保存').click();
    await expect.poll(() => attendeeRow(page, onLeave).innerText()).toContain(`请假：${LEAVE_REASON}`);
    await expect.poll(() => quorumText(page)).toBe('应到 12 人，实到 0 人，请假 1 人；过半数为 7 人，不足法定人数');
    await expectCleanPage(staff, 'meeting page with invitations and a leave');
  });

  it('a member signs in on the phone with the hall’s QR code, and staff sign in others until the quorum is reached', async () => {
    const api = await apiAs('staff');
    const { signInCode } = await api<{ signInCode: string }>('GET', `/api/meetings/${meetingId}`);
    deputy = await openPage(browser, { mobile: true, viewport: { width: 390, height: 844 } });
    await loginAs(deputy.page, 'deputy');
    // The QR code in the hall opens the member's meeting page with the code: signing in needs the login and the hall.
    await deputy.page.goto(`${baseUrl()}/meetings/my/${meetingId}?signIn=${signInCode}`);
    await expectHeading(deputy.page, TITLE);
    await expect.poll(() => deputy.page.getByText(/^已签到 /).count()).toBe(1);
    expect(await deputy.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectCleanPage(deputy, 'member’s meeting page after QR sign-in');

    const { page } = staff;
    await expect.poll(() => quorumText(page)).toBe('应到 12 人，实到 1 人，请假 1 人；过半数为 7 人，不足法定人数');
    // 代签到 for six more members: seven of twelve is more than half of all members.
    for (let present = 2; present <= 7; present++) {
      await page.getByRole('button', { name: '代签到' }).first().click();
      await expect.poll(() => quorumText(page)).toContain(`实到 ${present} 人`);
    }
    await expect.poll(() => quorumText(page)).toBe('应到 12 人，实到 7 人，请假 1 人；过半数为 7 人，符合法定人数');
    // The observer signs in too; observers do not count toward the quorum.
    await attendeeRow(page, observer).getByRole('button', { name: '代签到' }).click();
    await expect
      .poll(() =>
        attendeeRow(page, observer)
          .getByText(/工作人员代签$/)
          .count(),
      )
      .toBe(1);
    expect(await quorumText(page)).toBe('应到 12 人，实到 7 人，请假 1 人；过半数为 7 人，符合法定人数');
    await expectCleanPage(staff, 'meeting page at quorum');
    await page.getByRole('button', { name: '宣布开会' }).click();
    await confirmPop(page, '宣布开会');
    await expect.poll(() => page.getByRole('button', { name: '宣布闭会' }).count()).toBe(1);
  });

  it('staff put the item to an open vote; the vote component’s panel shows it running', async () => {
    const { page } = staff;
    await page.getByRole('row').filter({ hasText: ITEM }).getByRole('button', { name: '记名表决', exact: true }).click();
    await confirmPop(page, '发起表决');
    await expect.poll(() => page.getByTestId('turnout').innerText()).toBe('0 / 12 人');
    await expect.poll(() => page.getByRole('row').filter({ hasText: ITEM }).getByTestId('item-result').innerText()).toBe('投票中');
    await expectCleanPage(staff, 'meeting page with the vote panel');
  });

  it('the member votes on the phone ballot of the vote component', async () => {
    const { page } = deputy;
    await page.getByRole('link', { name: '去投票' }).click();
    await page.waitForURL(/\/votes\/[0-9a-f-]{36}\/ballot$/);
    await expect.poll(() => page.getByRole('heading', { name: ITEM, level: 1 }).count()).toBe(1);
    await tick(page.getByRole('radio', { name: '赞成' }));
    await buttonNamed(page, '投票').click();
    await confirmPop(page, /投\s*票/);
    await expect.poll(() => page.getByText('您已投票').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectCleanPage(deputy, 'phone ballot after voting');
    await page.goBack();
    await expectHeading(page, TITLE);
    await expect.poll(() => page.getByText('您已投票').count()).toBe(1);
  });

  it('four members hand in paper ballots (three for, one against); a second staff member confirms them', async () => {
    const api = await apiAs('staff');
    const meeting = await api<Attending>('GET', `/api/meetings/${meetingId}`);
    // Members present in the hall, not 张秀英 (she voted on her phone).
    const paperVoters = meeting.attendees
      .filter((a) => a.role === 'member' && a.signedInAt && a.name !== '张秀英')
      .slice(0, 4)
      .map((a) => a.name);
    const { page } = staff;
    await expect.poll(() => page.getByTestId('turnout').innerText()).toBe('1 / 12 人');
    for (const [i, name] of paperVoters.entries()) await paperBallot(page, name, i < 3 ? '赞成' : '反对', i + 2, i + 1);
    await expectCleanPage(staff, 'meeting page with paper ballots keyed in');

    const voteId = meeting.agenda.find((i) => i.title === ITEM)!.voteId!;
    const admin = await openPage(browser);
    await loginAs(admin.page, 'admin');
    await admin.page.goto(`${baseUrl()}/meetings/votes/${voteId}`);
    for (let left = 3; left >= 0; left--) {
      await buttonNamed(admin.page, '确认').first().click();
      await expect.poll(() => admin.page.getByText(`待第二人确认的纸质选票（${left} 张`).count()).toBe(1);
    }
    await expectCleanPage(admin, 'vote panel after the paper ballots are confirmed');
    await admin.context.close();
  });

  it('staff close the vote: four for of seven present, short of more than half of all twelve members, so the motion fails', async () => {
    const { page } = staff;
    await expect.poll(() => page.getByTestId('turnout').innerText()).toBe('5 / 12 人');
    await page.getByRole('button', { name: '结束投票' }).click();
    await confirmPop(page, '结束投票');
    const result = page.getByRole('row').filter({ hasText: ITEM }).getByTestId('item-result');
    // Four for is a majority of the seven present, but the threshold counts all twelve members: the absent make it fail.
    await expect.poll(() => result.innerText()).toMatch(/^未通过\s*结果待公布/);
    await expect
      .poll(() => result.innerText())
      .toContain('应到 12 人，实到 7 人，收回选票 5 张；赞成 4 票，反对 1 票，弃权 0 票；通过所需票数 7 票。');
    await expect.poll(() => result.innerText()).toContain('赞成票获得全体应投票人（12 人）过半数（至少 7 票）的通过');
    // The vote panel says the motion did not pass (not that an item was "not chosen").
    await expect.poll(() => page.getByRole('row').filter({ hasText: ITEM }).filter({ hasText: '未通过' }).count()).toBe(2);
    await page.getByRole('button', { name: '公布结果' }).click();
    await confirmPop(page, '公布结果');
    await expect.poll(() => page.getByText('已按公布的选票清单重新计票，结果一致').count()).toBe(1);
    await expect.poll(() => result.innerText()).toMatch(/^未通过\s*结果已公布/);
    await expectCleanPage(staff, 'meeting page after the result is published');

    await deputy.page.reload();
    await expectHeading(deputy.page, TITLE);
    await expect.poll(() => deputy.page.getByTestId('item-result').innerText()).toMatch(/^未通过\s*结果已公布/);
    await expectCleanPage(deputy, 'member’s meeting page with the result');
  });

  it('a secret vote on a second item: the member votes once; a second ballot, a non-member’s and one after closing are refused', async () => {
    const api = await apiAs('staff');
    await api('POST', `/api/meetings/${meetingId}/items`, { kind: 'other', title: SECRET_ITEM, toVote: true });
    const { page } = staff;
    await page.reload();
    await expectHeading(page, TITLE);
    const row = page.getByRole('row').filter({ hasText: SECRET_ITEM });
    await row.getByRole('button', { name: '无记名表决', exact: true }).click();
    await confirmPop(page, '发起表决');
    await expect.poll(() => row.getByTestId('item-result').innerText()).toBe('投票中');

    const member = deputy.page;
    await member.reload();
    await expectHeading(member, TITLE);
    await member.getByRole('link', { name: '去投票' }).click();
    await member.waitForURL(/\/votes\/[0-9a-f-]{36}\/ballot$/);
    const voteId = new URL(member.url()).pathname.split('/').at(-2)!;
    await expect.poll(() => member.getByRole('heading', { name: SECRET_ITEM, level: 1 }).count()).toBe(1);
    await tick(member.getByRole('radio', { name: '赞成' }));
    await buttonNamed(member, '投票').click();
    await confirmPop(member, /投\s*票/);
    await expect.poll(() => member.getByText('您已投票').count()).toBe(1);
    expect(await postBallot(member, voteId, 'a-second-device-key-001')).toEqual({ status: 409, message: '您已投过票，每人只能投一票' });

    // Staff are not on the committee's roll: their ballot is refused.
    expect(await postBallot(page, voteId, 'not-a-member-key-0001')).toEqual({ status: 403, message: '您不在本次投票的投票人名单中' });
    await api('POST', `/api/votes/${voteId}/actions/close`, {});

    // A ballot after closing: a third item put to the vote and closed before the member votes on it.
    const late = await api<{ agenda: { id: string; title: string; voteId: string | null }[] }>('POST', `/api/meetings/${meetingId}/items`, {
      kind: 'other',
      title: LATE_ITEM,
      toVote: true,
    });
    const lateItem = late.agenda.find((i) => i.title === LATE_ITEM)!;
    const started = await api<{ agenda: { id: string; voteId: string | null }[] }>(
      'POST',
      `/api/meetings/${meetingId}/items/${lateItem.id}/vote`,
      { secret: false },
    );
    const lateVote = started.agenda.find((i) => i.id === lateItem.id)!.voteId!;
    await api('POST', `/api/votes/${lateVote}/actions/close`, {});
    expect(await postBallot(member, lateVote, 'a-late-ballot-key-0001')).toEqual({
      status: 409,
      message: '投票已结束（已结束），不能再投票',
    });
    await page.reload();
    // One vote for out of twelve members: this motion fails too, counted on all members.
    await expect.poll(() => row.getByTestId('item-result').innerText()).toMatch(/^未通过/);
    await expectCleanPage(staff, 'meeting page after the secret vote');
  });

  it('staff close the meeting and the minutes come out in Word with both votes', async () => {
    const { page } = staff;
    await page.getByRole('button', { name: '宣布闭会' }).click();
    await confirmPop(page, '宣布闭会');
    await expect.poll(() => page.getByRole('button', { name: '宣布闭会' }).count()).toBe(0);
    const minutes = page.getByRole('link', { name: /会议纪要（Word）/ });
    const res = await staff.context.request.get(`${baseUrl()}${await minutes.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    const xml = await (await JSZip.loadAsync(await res.body())).file('word/document.xml')!.async('string');
    expect(xml).toContain(`${TITLE}纪要`);
    expect(xml).toContain('符合法定人数');
    expect(xml).toContain(ITEM);
    expect(xml).toContain(SECRET_ITEM);
    expect(xml).toContain('无记名表决');
    expect(xml).toContain('未通过');
    expect(xml).toContain('赞成 4 票，反对 1 票，弃权 0 票；通过所需票数 7 票');
    expect(xml).toContain(`请假：${onLeave}（${LEAVE_REASON}）`);
    expect(xml).toContain(`列席：${observer}`);
    expect(xml).toContain(`报告单位：${UNIT}（局长 周明）`);
    await expectCleanPage(staff, 'meeting closed');
  });

  it('the observer’s 列席 is in his performance file', async () => {
    const { page } = staff;
    await page.goto(`${baseUrl()}/deputies?q=${encodeURIComponent(observer)}`);
    await page.getByRole('link', { name: observer }).first().click();
    await expectHeading(page, `${observer}的履职档案`);
    const duty = page.getByRole('row').filter({ hasText: `列席${TITLE}` });
    await expect.poll(() => duty.count()).toBe(1);
    expect(await duty.innerText()).toContain('列席常委会会议');
    await expectCleanPage(staff, 'observer’s performance file');
  });
});
