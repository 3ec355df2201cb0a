// The citizens' page of the livelihood-project cycle (民生实事项目票决), no login:
// /m/livelihood?cycle=<code> proposes a project (the QR code of the cycle), ?code=<tracking code> follows it,
// ?id=<cycle> shows one body's candidates, result with votes and rule, progress and evaluation,
// and with nothing the year's board of every body (progress per region). Plain DOM like the opinion page.
import type { PublicCycle, PublicCycleForm, PublicCycleSummary, PublicProposalView } from '@renda/shared';
import { api, ApiError, h, mount, randomToken } from '../opinion/dom.js';
import '../opinion/opinion.css';
import '../suggestions/public.css';

const root = document.getElementById('app')!;
const params = new URLSearchParams(location.search);

const alertBox = () => h('p', { class: 'alert', role: 'alert', hidden: true });
function showError(box: HTMLElement, err: unknown) {
  box.textContent = err instanceof ApiError ? err.message : '出现问题，请稍后再试';
  box.hidden = false;
}
const field = (id: string, label: string, control: HTMLElement, required = false) =>
  h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    control,
  );
const facts = (rows: [string, string][]) => h('dl', { class: 'facts' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));

// ---- proposing (征集) ----
async function showForm(code: string) {
  const errors = alertBox();
  let form: PublicCycleForm;
  try {
    form = await api<PublicCycleForm>('GET', `/api/public/livelihood/form?cycle=${encodeURIComponent(code)}`);
  } catch (err) {
    mount(root, h('h1', {}, '民生实事项目征集'), errors);
    return showError(errors, err);
  }
  if (!form.open) {
    mount(
      root,
      h('h1', {}, form.title),
      h('p', {}, '本年度项目建议征集已结束，感谢关注。'),
      h('p', {}, h('a', { href: location.pathname }, '查看各地民生实事项目')),
    );
    return;
  }
  const clientToken = randomToken();
  const title = h('input', { id: 'title', name: 'title', required: true, maxlength: 100, placeholder: '例如：城南社区增设老年食堂' });
  const content = h('textarea', {
    id: 'content',
    name: 'content',
    rows: 6,
    required: true,
    minlength: 10,
    maxlength: 2000,
    placeholder: '请写明要办的实事、地点和受益群众',
  });
  const place = h('input', { id: 'location', name: 'location', maxlength: 200 });
  const name = h('input', { id: 'name', name: 'name', maxlength: 40, autocomplete: 'name' });
  const phone = h('input', { id: 'phone', name: 'phone', type: 'tel', inputmode: 'numeric', maxlength: 11, autocomplete: 'tel' });
  const submit = h('button', { type: 'submit', class: 'primary' }, '提交建议');
  const el = h(
    'form',
    { novalidate: true },
    field('title', '项目名称', title, true),
    field('content', '项目内容', content, true),
    field('location', '地点（选填）', place),
    h(
      'fieldset',
      {},
      h('legend', {}, '联系方式（选填）'),
      field('name', '姓名', name),
      field('phone', '手机号', phone),
      h('p', { class: 'hint' }, '留下手机号，您的建议被代表票决选中和项目完成时，将以短信告知您'),
    ),
    errors,
    submit,
  );
  el.addEventListener('submit', async (e) => {
    e.preventDefault();
    errors.hidden = true;
    const problem = !title.value.trim()
      ? '请填写项目名称'
      : content.value.trim().length < 10
        ? '内容至少 10 个字'
        : phone.value && !/^1\d{10}$/.test(phone.value)
          ? '手机号应为 11 位数字'
          : null;
    if (problem) return showError(errors, new ApiError(problem, 400, 'CLIENT'));
    submit.disabled = true;
    try {
      const receipt = await api<{ trackingCode: string }>('POST', '/api/public/livelihood/proposals', {
        cycle: code,
        title: title.value.trim(),
        content: content.value.trim(),
        location: place.value.trim() || null,
        name: name.value.trim() || null,
        phone: phone.value || null,
        clientToken,
      });
      mount(
        root,
        h('h1', {}, '提交成功'),
        h('p', {}, '您的项目建议已收到。请记下查询码，凭它查看是否列为候选项目和票决结果：'),
        h('p', { class: 'code' }, receipt.trackingCode),
        h('p', {}, h('a', { class: 'primary button', href: `?code=${encodeURIComponent(receipt.trackingCode)}` }, '查看进度')),
      );
    } catch (err) {
      showError(errors, err);
      submit.disabled = false;
    }
  });
  mount(
    root,
    h('h1', {}, form.title),
    h(
      'p',
      { class: 'muted' },
      `${form.bodyName}面向群众征集 ${form.year} 年度民生实事项目，经筛选后由人大代表票决确定。${form.solicitUntil ? `征集截止 ${form.solicitUntil}。` : ''}`,
    ),
    el,
  );
}

// ---- following a proposal ----
async function showTracking(code: string) {
  const errors = alertBox();
  try {
    const v = await api<PublicProposalView>('GET', `/api/public/livelihood/proposals/${encodeURIComponent(code)}`);
    mount(
      root,
      h('h1', {}, '我的项目建议'),
      facts([
        ['查询码', v.trackingCode],
        ['建议', v.title],
        ['人大', `${v.bodyName}（${v.year} 年度）`],
        ['状态', v.stateLabel],
        ['候选项目', v.projectName ?? '—'],
        ['项目进展', v.projectStateLabel ?? '—'],
      ]),
    );
  } catch (err) {
    mount(root, h('h1', {}, '我的项目建议'), errors);
    showError(errors, err);
  }
}

// ---- the portal: one cycle, and the board of every body ----
async function showCycle(id: string) {
  const c = await api<PublicCycle>('GET', `/api/public/livelihood/cycles/${encodeURIComponent(id)}`);
  document.title = c.title;
  mount(
    root,
    h('p', {}, h('a', { href: location.pathname }, '← 各地民生实事项目')),
    h('h1', {}, c.title),
    facts([
      ['阶段', c.stateLabel],
      ['票决项目数', `${c.places} 项`],
      ...(c.electorateSize != null
        ? ([['参加票决', `应到代表 ${c.electorateSize} 人，投票 ${c.ballotsCast ?? 0} 人`]] as [string, string][])
        : []),
    ]),
    h('p', { class: 'muted' }, `票决规则：${c.ruleText}`),
    h('p', { class: 'muted' }, `测评规则：${c.evaluationRuleText}`),
    c.ballotLists.length
      ? h(
          'p',
          {},
          '公开的匿名选票，可自行核对计票：',
          ...c.ballotLists.flatMap((l, i) => [i ? '、' : '', h('a', { href: `/votes/${encodeURIComponent(l.voteId)}/verify` }, l.label)]),
        )
      : null,
    c.projects.length
      ? h(
          'ul',
          { class: 'results' },
          ...c.projects.map((p) =>
            h(
              'li',
              {},
              h('h2', {}, p.name, p.chosen ? h('span', { class: 'status s-closed' }, ' 票决选中') : null),
              h(
                'p',
                { class: 'muted' },
                [p.location, `责任单位：${p.unitName}`, `预算 ${p.budget} 万元`, `完成时限 ${p.dueOn}`].join(' · '),
              ),
              h('p', {}, p.target),
              h(
                'p',
                { class: 'muted' },
                [
                  p.stateLabel,
                  p.votes != null ? `得票 ${p.votes}` : '',
                  p.chosen ? `进度 ${p.progress}%` : '',
                  p.lastInspectedOn ? `最近督查 ${p.lastInspectedOn}` : '',
                  p.satisfaction != null ? `满意度 ${p.satisfaction}%` : '',
                ]
                  .filter(Boolean)
                  .join(' · '),
              ),
              p.chosen ? h('progress', { max: 100, value: p.progress, 'aria-label': `${p.name}进度 ${p.progress}%` }) : null,
            ),
          ),
        )
      : h('p', { role: 'status' }, '候选项目确定后在此公布。'),
  );
}

async function showBoard() {
  const { items } = await api<{ items: PublicCycleSummary[] }>('GET', '/api/public/livelihood/cycles');
  mount(
    root,
    h('h1', {}, '民生实事项目人大代表票决'),
    h('p', { class: 'muted' }, '区、镇两级人大代表票决确定的民生实事项目及其进度（区镇全覆盖）。'),
    items.length
      ? h(
          'ul',
          { class: 'results' },
          ...items.map((c) =>
            h(
              'li',
              {},
              h('h2', {}, h('a', { href: `?id=${c.id}` }, `${c.bodyName} ${c.year} 年度`)),
              h(
                'p',
                { class: 'muted' },
                `${c.stateLabel} · 票决项目 ${c.chosen} 项 · 已完成 ${c.completed} 项 · 平均进度 ${c.averageProgress}%`,
              ),
              h('progress', { max: 100, value: c.averageProgress, 'aria-label': `${c.bodyName}平均进度 ${c.averageProgress}%` }),
            ),
          ),
        )
      : h('p', { role: 'status' }, '本年度暂无公开的项目。'),
  );
}

async function render() {
  try {
    const cycle = params.get('cycle');
    const code = params.get('code');
    const id = params.get('id');
    if (cycle) await showForm(cycle);
    else if (code) await showTracking(code);
    else if (id) await showCycle(id);
    else await showBoard();
  } catch (err) {
    const box = alertBox();
    mount(root, h('h1', {}, '民生实事项目'), box);
    showError(box, err);
  }
  root.focus();
}
void render();
