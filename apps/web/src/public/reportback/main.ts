// The voters' rating page of a report-back (回选区述职 · 评), opened from the event's QR code:
// /m/reportback?code=<public code>. Plain DOM like the opinion page: small and fast on a slow phone.
// Only types come from @renda/shared; they vanish at build time.
import type { PublicReportBack, VoterRating } from '@renda/shared';
import { api, ApiError, h, mount } from '../opinion/dom.js';
import '../opinion/opinion.css';

const root = document.getElementById('app')!;
const publicCode = new URLSearchParams(location.search).get('code') ?? '';

// Kept here rather than imported from @renda/shared so the page does not pull in zod.
const choices: [VoterRating, string][] = [
  ['satisfied', '满意'],
  ['basically_satisfied', '基本满意'],
  ['dissatisfied', '不满意'],
];

function showError(box: HTMLElement, err: unknown) {
  box.textContent = err instanceof ApiError ? err.message : '出现问题，请稍后再试';
  box.hidden = false;
  box.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

function thanks(message: string, byCode: boolean) {
  const once = byCode ? '每个评议码只能评价一次。' : '每个手机号只能评价一次。';
  mount(root, h('h1', {}, '评价已提交'), h('p', { role: 'status' }, message), h('p', { class: 'muted' }, once));
  root.focus();
}

function ratingForm(event: PublicReportBack) {
  const errors = h('p', { class: 'alert', role: 'alert', hidden: true });
  const radios = choices.map(([value, label]) => {
    const input = h('input', { type: 'radio', name: 'rating', id: `rating-${value}`, value, required: true });
    return { input, row: h('div', { class: 'check' }, input, h('label', { for: `rating-${value}` }, label)) };
  });
  // Attendee mode: the one-time code handed out at sign-in instead of a phone number.
  const byCode = event.ratingMode === 'attendee';
  const voterInput = byCode
    ? h('input', {
        id: 'code',
        name: 'code',
        type: 'text',
        maxlength: 9,
        autocomplete: 'off',
        autocapitalize: 'characters',
        required: true,
      })
    : h('input', {
        id: 'phone',
        name: 'phone',
        type: 'tel',
        inputmode: 'numeric',
        maxlength: 11,
        autocomplete: 'tel',
        pattern: '1[0-9]{10}',
        required: true,
      });
  const voterField = byCode
    ? h(
        'div',
        { class: 'field' },
        h('label', { for: 'code' }, '评议码', h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
        voterInput,
        h('p', { class: 'hint' }, '填写签到时领取的 8 位评议码，每码只能评价一次'),
      )
    : h(
        'div',
        { class: 'field' },
        h('label', { for: 'phone' }, '手机号', h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
        voterInput,
        h('p', { class: 'hint' }, '仅用于确认每人评价一次，不会公开'),
      );
  const comment = h('textarea', { id: 'comment', name: 'comment', rows: 4, maxlength: 500, placeholder: '对代表履职的意见和建议' });
  const submit = h('button', { type: 'submit', class: 'primary' }, '提交评价');
  const form = h(
    'form',
    { novalidate: true },
    h(
      'fieldset',
      { class: 'rating' },
      h('legend', {}, '您对代表履职情况的评价', h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
      ...radios.map((r) => r.row),
    ),
    voterField,
    h('div', { class: 'field' }, h('label', { for: 'comment' }, '意见建议（选填）'), comment),
    errors,
    submit,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    errors.hidden = true;
    const rating = radios.find((r) => r.input.checked)?.input.value as VoterRating | undefined;
    const code = voterInput.value.toUpperCase().replace(/[\s-]/g, '');
    const voterProblem = byCode
      ? !/^[A-Z2-9]{8}$/.test(code) && '请填写签到时领取的 8 位评议码'
      : !/^1\d{10}$/.test(voterInput.value) && '请填写 11 位手机号';
    const problem = !rating ? '请选择满意、基本满意或不满意' : voterProblem || null;
    if (problem) return showError(errors, new ApiError(problem, 400, 'CLIENT'));
    submit.disabled = true;
    submit.textContent = '正在提交…';
    try {
      const res = await api<{ message: string }>('POST', `/api/public/reportbacks/${encodeURIComponent(publicCode)}/ratings`, {
        ...(byCode ? { attendeeCode: code } : { phone: voterInput.value }),
        rating,
        comment: comment.value.trim(),
      });
      thanks(res.message, byCode);
    } catch (err) {
      showError(errors, err);
      submit.disabled = false;
      submit.textContent = '提交评价';
    }
  });
  return event.acceptingRatings
    ? form
    : h(
        'p',
        { class: 'alert', role: 'status' },
        event.state === 'closed' ? '本次述职评议已结束，感谢您的关注。' : '评议尚未开始，请在代表述职后再扫码评价。',
      );
}

async function start() {
  let event: PublicReportBack;
  try {
    event = await api<PublicReportBack>('GET', `/api/public/reportbacks/${encodeURIComponent(publicCode)}`);
  } catch (err) {
    const box = h('p', { class: 'alert', role: 'alert', hidden: true });
    mount(root, h('h1', {}, '代表述职评议'), box);
    return showError(
      box,
      err instanceof ApiError && err.status === 404 ? new ApiError('二维码无效或述职活动不存在', 404, 'NOT_FOUND') : err,
    );
  }
  document.title = `${event.deputyName}代表述职 · 选民评议`;
  mount(
    root,
    h('h1', {}, `${event.deputyName}代表述职评议`),
    h(
      'div',
      { class: 'target' },
      h('strong', {}, event.title),
      h('br'),
      `${event.heldOn} · ${event.place}`,
      h('br'),
      `${event.bodyName} · ${event.constituency}`,
    ),
    h('h2', {}, '述职报告'),
    ...event.report.split(/\n+/).map((p) => h('p', {}, p)),
    h('h2', {}, '评议'),
    ratingForm(event),
  );
}

void start();
