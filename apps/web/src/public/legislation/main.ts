// The citizens' comment page of a draft regulation (公开征求意见): /m/legislation?code=<public code>.
// Plain DOM like the opinion page, no antd: a reader comments on the whole draft, on one article, or on
// a passage selected in an article. Only types come from @renda/shared; they vanish at build time.
import type { PublicDraft } from '@renda/shared';
import { api, ApiError, formatTime, h, mount } from '../opinion/dom.js';
import '../opinion/opinion.css';
import './legislation.css';

const root = document.getElementById('app')!;
const publicCode = new URLSearchParams(location.search).get('code') ?? '';
type Article = PublicDraft['articles'][number];

/** What the comment is on: the whole draft, an article, or a passage of one. */
let target: { article: Article | null; quote: string } = { article: null, quote: '' };

function showError(box: HTMLElement, err: unknown) {
  box.textContent = err instanceof ApiError ? err.message : '出现问题，请稍后再试';
  box.hidden = false;
  box.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

function targetText() {
  if (!target.article) return '对草案整体提出意见';
  return target.quote ? `对${target.article.label}中“${target.quote}”提出意见` : `对${target.article.label}提出意见`;
}

function commentForm() {
  const errors = h('p', { class: 'alert', role: 'alert', hidden: true });
  const about = h('div', { class: 'target', 'aria-live': 'polite' }, targetText());
  const whole = h('button', { type: 'button', class: 'link' }, '改为对草案整体提意见');
  whole.addEventListener('click', () => choose(null, ''));
  const content = h('textarea', {
    id: 'content',
    name: 'content',
    rows: 5,
    maxlength: 2000,
    required: true,
    placeholder: '请写下您的意见和建议（至少 5 个字）',
  });
  const name = h('input', { id: 'name', name: 'name', type: 'text', maxlength: 20, autocomplete: 'name' });
  const phone = h('input', {
    id: 'phone',
    name: 'phone',
    type: 'tel',
    inputmode: 'numeric',
    maxlength: 11,
    autocomplete: 'tel',
    pattern: '1[0-9]{10}',
  });
  const consent = h('input', { id: 'consent', name: 'consent', type: 'checkbox' });
  const submit = h('button', { type: 'submit', class: 'primary' }, '提交意见');
  const form = h(
    'form',
    { novalidate: true, id: 'comment-form' },
    about,
    whole,
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'content' }, '意见内容', h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
      content,
    ),
    h('div', { class: 'field' }, h('label', { for: 'name' }, '姓名（选填）'), name),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'phone' }, '手机号（选填）'),
      phone,
      h('p', { class: 'hint' }, '不会公开。仅在您同意时，用于告知您的意见是否被采纳'),
    ),
    h('div', { class: 'check' }, consent, h('label', { for: 'consent' }, '意见被采纳时，同意以短信告知我')),
    errors,
    submit,
  );
  const choose = (article: Article | null, quote: string) => {
    target = { article, quote };
    about.textContent = targetText();
    for (const el of document.querySelectorAll('.article')) el.classList.toggle('chosen', el.getAttribute('data-id') === article?.id);
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    errors.hidden = true;
    const text = content.value.trim();
    const problem =
      text.length < 5
        ? '意见内容至少 5 个字'
        : phone.value && !/^1\d{10}$/.test(phone.value)
          ? '手机号应为 11 位数字'
          : consent.checked && !phone.value
            ? '同意接收短信时请留下手机号'
            : null;
    if (problem) return showError(errors, new ApiError(problem, 400, 'CLIENT'));
    submit.disabled = true;
    submit.textContent = '正在提交…';
    try {
      const res = await api<{ message: string }>('POST', `/api/public/legislation/${encodeURIComponent(publicCode)}/comments`, {
        ...(target.article ? { articleId: target.article.id } : {}),
        ...(target.quote ? { quote: target.quote } : {}),
        content: text,
        ...(name.value.trim() ? { name: name.value.trim() } : {}),
        ...(phone.value ? { phone: phone.value } : {}),
        notifyConsent: consent.checked,
      });
      mount(
        form,
        h('p', { class: 'status', role: 'status' }, res.message),
        h('button', { type: 'button', class: 'secondary', onclick: () => location.reload() }, '继续提意见'),
      );
    } catch (err) {
      showError(errors, err);
    } finally {
      submit.disabled = false;
      submit.textContent = '提交意见';
    }
  });
  return { form, choose };
}

/** The passage selected inside one article, if the selection lies within it. */
function selectedPassage(articles: Article[]): { article: Article; quote: string } | null {
  const selection = document.getSelection();
  const quote = selection?.toString().trim() ?? '';
  if (!selection || !quote || selection.rangeCount === 0) return null;
  const node = selection.getRangeAt(0).commonAncestorContainer;
  const card = (node instanceof Element ? node : node.parentElement)?.closest('.article');
  const article = articles.find((a) => a.id === card?.getAttribute('data-id'));
  return article ? { article, quote: quote.slice(0, 500) } : null;
}

function render(draft: PublicDraft) {
  document.title = `${draft.title} · 公开征求意见`;
  const box = commentForm();
  const goToForm = () => document.getElementById('comment-form')?.scrollIntoView({ behavior: 'smooth' });
  const pickPassage = h('button', { type: 'button', class: 'primary selection', hidden: true }, '对选中的文字提意见');
  pickPassage.addEventListener('click', () => {
    const passage = selectedPassage(draft.articles);
    if (passage) box.choose(passage.article, passage.quote);
    pickPassage.hidden = true;
    goToForm();
  });
  if (draft.acceptingComments)
    document.addEventListener('selectionchange', () => {
      pickPassage.hidden = !selectedPassage(draft.articles);
    });
  let chapter = '';
  const articles = draft.articles.flatMap((a) => {
    const heading = a.chapter !== chapter && a.chapter ? h('h3', { class: 'chapter' }, a.chapter) : null;
    chapter = a.chapter;
    const commentHere = h('button', { type: 'button', class: 'link' }, '对本条提意见');
    commentHere.addEventListener('click', () => {
      box.choose(a, '');
      goToForm();
    });
    return [
      heading,
      h(
        'section',
        { class: 'article', 'data-id': a.id, 'aria-label': a.label },
        h('div', { class: 'bar' }, h('strong', {}, a.label), h('span', { class: 'count' }, a.comments ? `${a.comments} 条意见` : '')),
        h('p', {}, a.text),
        draft.acceptingComments && commentHere,
      ),
    ];
  });
  mount(
    root,
    h('h1', {}, draft.title),
    h('p', { class: 'muted' }, `${draft.bodyName}${draft.drafter ? ` · 起草单位：${draft.drafter}` : ''}`),
    h('div', { class: 'target' }, `征求意见时间：${draft.commentFrom} 至 ${draft.commentTo}`, h('br'), draft.stateLabel),
    draft.explanation &&
      h('details', { class: 'explanation' }, h('summary', {}, '起草说明'), ...draft.explanation.split(/\n+/).map((p) => h('p', {}, p))),
    draft.contactPoints.length > 0 &&
      h(
        'p',
        { class: 'muted' },
        `也可到以下基层立法联系点当面提意见：${draft.contactPoints.map((p) => `${p.name}（${p.address}）`).join('；')}`,
      ),
    h('h2', {}, '草案条文'),
    draft.acceptingComments && h('p', { class: 'hint' }, '点“对本条提意见”，或在条文中选中一段文字后点“对选中的文字提意见”。'),
    ...articles,
    h('h2', {}, '提出意见'),
    draft.acceptingComments ? box.form : h('p', { class: 'alert', role: 'status' }, draft.closedReason ?? '当前不接受意见'),
    h('h2', {}, `已公开的意见（${draft.comments.length}）`),
    ...(draft.comments.length
      ? draft.comments.map((c) =>
          h(
            'div',
            { class: 'comment' },
            h('div', { class: 'count' }, `${c.articleLabel ?? '草案整体'} · ${c.sourceLabel} · ${formatTime(c.createdAt)}`),
            c.quote && h('div', { class: 'quote' }, c.quote),
            h('div', {}, c.content),
          ),
        )
      : [h('p', { class: 'muted' }, '暂无公开的意见。意见经审核后显示。')]),
    pickPassage,
  );
}

async function start() {
  try {
    render(await api<PublicDraft>('GET', `/api/public/legislation/${encodeURIComponent(publicCode)}`));
  } catch (err) {
    const box = h('p', { class: 'alert', role: 'alert', hidden: true });
    mount(root, h('h1', {}, '法规草案公开征求意见'), box);
    showError(box, err instanceof ApiError && err.status === 404 ? new ApiError('链接无效或该草案未公开征求意见', 404, 'NOT_FOUND') : err);
  }
}

void start();
