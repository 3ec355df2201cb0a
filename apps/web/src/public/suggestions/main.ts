// The public portal of deputies' suggestions (建议办理结果公开): /m/suggestions lists the disclosed items
// whose reply was released, /m/suggestions?id=<id> shows one with its reply. No login; the server
// removes phone numbers, ID numbers and e-mail addresses. Plain DOM like the opinion page.
// Only types come from @renda/shared; they vanish at build time.
import type { Page, PublicSuggestion, PublicSuggestionSession, ReplyCategory, SuggestionField } from '@renda/shared';
import { api, ApiError, h, mount } from '../opinion/dom.js';
import '../opinion/opinion.css';
import './public.css';

const root = document.getElementById('app')!;
const PAGE_SIZE = 10;

// Kept here rather than imported from @renda/shared so the page does not pull in zod.
const fields: [SuggestionField, string][] = [
  ['economy', '经济发展'],
  ['urban', '城乡建设'],
  ['education', '教育科技'],
  ['health', '医疗卫生'],
  ['social', '社会民生'],
  ['environment', '生态环境'],
  ['agriculture', '农业农村'],
  ['law', '民主法治'],
  ['other', '其他'],
];
const categories: Record<ReplyCategory, string> = {
  A: 'A类：已解决或基本解决',
  B: 'B类：正在解决或列入计划解决',
  C: 'C类：因条件限制留作参考',
  D: 'D类：其他',
};
const fieldLabel = (f: SuggestionField) => fields.find(([v]) => v === f)?.[1] ?? '';
// 2026年5月23日, as a published reply is dated (not 2026/5/23).
const date = (iso: string) =>
  new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });

interface Filters {
  q: string;
  sessionId: string;
  field: string;
  replyCategory: string;
  page: number;
}

const readFilters = (params: URLSearchParams): Filters => ({
  q: params.get('q') ?? '',
  sessionId: params.get('sessionId') ?? '',
  field: params.get('field') ?? '',
  replyCategory: params.get('replyCategory') ?? '',
  page: Math.max(1, Number(params.get('page')) || 1),
});

function toQuery(f: Filters): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'sessionId', 'field', 'replyCategory'] as const) if (f[key]) params.set(key, f[key]);
  if (f.page > 1) params.set('page', String(f.page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Moves to another view of the page and keeps it in the address (Back works, a link can be shared). */
function go(search: string) {
  history.pushState(null, '', `${location.pathname}${search}`);
  void render();
}

function failure(err: unknown) {
  return h('p', { class: 'alert', role: 'alert' }, err instanceof ApiError ? err.message : '加载失败，请稍后再试');
}

function select(id: string, label: string, value: string, options: [string, string][]) {
  const el = h(
    'select',
    { id, name: id },
    h('option', { value: '' }, '全部'),
    ...options.map(([v, text]) => h('option', { value: v }, text)),
  );
  el.value = value;
  return { el, row: h('div', { class: 'field' }, h('label', { for: id }, label), el) };
}

let sessions: PublicSuggestionSession[] | null = null;

async function listView(f: Filters) {
  sessions ??= (await api<{ items: PublicSuggestionSession[] }>('GET', '/api/public/suggestion-sessions')).items;
  const q = h('input', { id: 'q', name: 'q', type: 'search', value: f.q, maxlength: 60, placeholder: '建议标题中的词语' });
  const session = select(
    'sessionId',
    '会议',
    f.sessionId,
    sessions.map((s) => [s.id, s.name]),
  );
  const field = select('field', '领域', f.field, fields);
  const category = select('replyCategory', '办理结果', f.replyCategory, Object.entries(categories));
  const form = h(
    'form',
    { class: 'filters', role: 'search' },
    h('div', { class: 'field' }, h('label', { for: 'q' }, '关键词'), q),
    session.row,
    field.row,
    category.row,
    h('button', { type: 'submit', class: 'primary' }, '查询'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(toQuery({ q: q.value.trim(), sessionId: session.el.value, field: field.el.value, replyCategory: category.el.value, page: 1 }));
  });

  const params = new URLSearchParams(toQuery(f));
  params.set('pageSize', String(PAGE_SIZE));
  const page = await api<Page<PublicSuggestion>>('GET', `/api/public/suggestions?${params.toString()}`);
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  const results = page.items.length
    ? h(
        'ul',
        { class: 'results' },
        ...page.items.map((s) =>
          h(
            'li',
            {},
            h('h2', {}, h('a', { href: `?id=${s.id}`, onclick: (e: Event) => (e.preventDefault(), go(`?id=${s.id}`)) }, s.title)),
            h(
              'p',
              { class: 'muted' },
              // The number carries its session (九届三次会议第14号); the full session name beside it only repeated it.
              [s.numberLabel ?? s.sessionName, `领衔代表：${s.leadDeputyName}`, `主办单位：${s.unitName}`].filter(Boolean).join(' · '),
            ),
            h('p', { class: 'muted' }, `${s.replyCategoryLabel} · 答复于 ${date(s.releasedAt)}`),
          ),
        ),
      )
    : h('p', { role: 'status' }, '没有符合条件的公开建议。');
  const pager = h(
    'nav',
    { class: 'pager', 'aria-label': '分页' },
    h(
      'button',
      { type: 'button', class: 'secondary', disabled: f.page <= 1, onclick: () => go(toQuery({ ...f, page: f.page - 1 })) },
      '上一页',
    ),
    h('span', { role: 'status' }, `共 ${page.total} 件 · 第 ${f.page} / ${pages} 页`),
    h(
      'button',
      { type: 'button', class: 'secondary', disabled: f.page >= pages, onclick: () => go(toQuery({ ...f, page: f.page + 1 })) },
      '下一页',
    ),
  );
  mount(
    root,
    h('h1', {}, '代表建议办理结果公开'),
    h('p', { class: 'muted' }, '公开人大代表建议及承办单位的答复，已隐去电话、身份证号等个人信息。'),
    form,
    results,
    pager,
  );
}

async function detailView(id: string) {
  const s = await api<PublicSuggestion>('GET', `/api/public/suggestions/${encodeURIComponent(id)}`);
  document.title = `${s.title} · 代表建议办理结果公开`;
  const facts: [string, string][] = [
    ['会议', s.sessionName ?? '闭会期间'],
    ['编号', s.numberLabel ?? '—'],
    ['领域', fieldLabel(s.field)],
    ['领衔代表', s.leadDeputyName],
    ['联名代表', s.cosignerNames.length ? s.cosignerNames.join('、') : '无'],
    ['主办单位', s.unitName],
    ['办理结果', s.replyCategoryLabel],
  ];
  mount(
    root,
    h('p', {}, h('a', { href: location.pathname, onclick: (e: Event) => (e.preventDefault(), history.back()) }, '← 返回列表')),
    h('h1', {}, s.title),
    h('dl', { class: 'facts' }, ...facts.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('h2', {}, '建议内容'),
    h('div', { class: 'text' }, s.content),
    h('section', { class: 'reply' }, h('h2', {}, `${s.unitName}的答复（${date(s.releasedAt)}）`), h('div', { class: 'text' }, s.reply)),
  );
}

async function render() {
  const params = new URLSearchParams(location.search);
  const id = params.get('id');
  try {
    if (id) await detailView(id);
    else await listView(readFilters(params));
  } catch (err) {
    mount(root, h('h1', {}, '代表建议办理结果公开'), failure(err));
  }
  root.focus();
}

window.addEventListener('popstate', () => void render());
void render();
