// The citizens' mobile page ("码上提"), opened from a station's or deputy's QR code:
// /m/opinion?station=<code> or ?deputy=<code> to submit, ?code=<tracking code> to follow.
// Plain DOM on purpose: it must load fast on a slow phone and never pulls in the staff app.
// Only types come from @renda/shared; they vanish at build time.
import type { PublicDeputyCard, PublicOpinionForm, PublicOpinionView, PublicStationView } from '@renda/shared';
// The naming rule alone (no zod): a deputy of the congress, not of its standing committee.
import { deputyTitle } from '@renda/shared/naming';
import { maskPhone } from '@renda/shared/phone';
import { api, ApiError, formatTime, h, mount, randomToken } from './dom.js';
import { shrinkPhoto } from './photos.js';
import './opinion.css';

const root = document.getElementById('app')!;
const params = new URLSearchParams(location.search);
const MY_CODES = 'renda.opinion.codes';

function myCodes(): string[] {
  try {
    return JSON.parse(localStorage.getItem(MY_CODES) ?? '[]') as string[];
  } catch {
    return [];
  }
}
/**
 * Codes are kept on this device only when the citizen asks: at a station the page may run on a shared
 * tablet, where the next person must not see what the last one submitted.
 */
function rememberCode(code: string) {
  try {
    localStorage.setItem(MY_CODES, JSON.stringify([code, ...myCodes().filter((c) => c !== code)].slice(0, 10)));
  } catch {
    /* private mode: the code is still shown on screen */
  }
}
function forgetCodes() {
  try {
    localStorage.removeItem(MY_CODES);
  } catch {
    /* nothing was kept */
  }
}

const alertBox = () => h('p', { class: 'alert', role: 'alert', hidden: true });
function showError(box: HTMLElement, err: unknown) {
  box.textContent = err instanceof ApiError ? err.message : '出现问题，请稍后再试';
  box.hidden = false;
  box.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

function trackLink(code?: string) {
  return `/m/opinion?code=${encodeURIComponent(code ?? '')}`;
}

// ---- submitting ----

/** The deputy's public card (代表码): who they are, how to reach them, their commitments and this year's work. */
function deputyCard(card: PublicDeputyCard) {
  const y = card.thisYear;
  const fact = (label: string, value: string) => [h('dt', {}, label), h('dd', {}, value)];
  return h(
    'details',
    { class: 'card' },
    h('summary', {}, `${card.name}代表的名片和履职情况`),
    card.photoUrl && h('img', { class: 'photo', src: card.photoUrl, alt: `${card.name}代表照片`, width: 84, height: 112, loading: 'lazy' }),
    h(
      'dl',
      { class: 'facts' },
      ...fact('代表身份', deputyTitle(card.bodyName, card.term)),
      ...(card.post ? fact('职务', card.post) : []),
      ...(card.constituency ? fact('选区', card.constituency) : []),
      ...(card.publicContact ? fact('联系方式', card.publicContact) : []),
      ...(card.stations.length ? fact('进站履职', card.stations.map((st) => st.name).join('、')) : []),
    ),
    card.commitments.length > 0 &&
      h('div', {}, h('h2', {}, '履职承诺'), h('ul', {}, ...card.commitments.map((c) => h('li', {}, `${c.year} 年：${c.text}`)))),
    h('h2', {}, `${y.year} 年履职情况`),
    h(
      'dl',
      { class: 'facts' },
      ...fact('履职活动', `${y.activities} 次`),
      ...fact('接待群众', `${y.votersReceived} 人次`),
      ...fact('收到群众意见', `${y.opinionsReceived} 件`),
      ...fact('已答复', `${y.opinionsReplied} 件`),
      ...fact('群众评价已解决', `${y.opinionsSolved} 件`),
      ...fact('领衔提出建议', `${y.suggestionsLed} 件`),
      ...fact('联名提出建议', `${y.suggestionsCosigned} 件`),
      ...fact('建议已获答复', `${y.suggestionsAnswered} 件`),
    ),
    card.publishedSuggestions.length > 0 &&
      h(
        'div',
        {},
        h('h2', {}, '已公开的建议办理结果'),
        h('ul', {}, ...card.publishedSuggestions.map((s) => h('li', {}, h('a', { href: s.url }, s.title)))),
      ),
  );
}

/** The station's hours and who receives citizens today (else on the next rota day). */
function stationInfo(view: PublicStationView) {
  const weekday = (day: string) => '日一二三四五六'[new Date(`${day}T00:00:00`).getDay()];
  const when = (day: string, today: boolean) =>
    today ? '今天' : `${Number(day.slice(5, 7))}月${Number(day.slice(8))}日（周${weekday(day)}）`;
  return h(
    'section',
    { class: 'card', 'aria-label': '联络站接待安排' },
    h(
      'dl',
      { class: 'facts' },
      ...(view.address ? [h('dt', {}, '地址'), h('dd', {}, view.address)] : []),
      ...(view.openingHours ? [h('dt', {}, '开放时间'), h('dd', {}, view.openingHours)] : []),
    ),
    view.receptions.length
      ? h(
          'ul',
          { class: 'duty' },
          ...view.receptions.map((r) =>
            h(
              'li',
              {},
              `${when(r.day, r.today)} ${r.startTime}—${r.endTime} 代表进站接待：${r.deputies.join('、') || '待定'}`,
              h('br'),
              h('span', { class: 'muted' }, `主题：${r.topic}`),
            ),
          ),
        )
      : h('p', { class: 'muted' }, '近两周暂无代表进站接待安排，您可以随时在本页反映意见。'),
  );
}

async function showForm(target: { station?: string; deputy?: string }) {
  const query = target.station ? `station=${encodeURIComponent(target.station)}` : `deputy=${encodeURIComponent(target.deputy!)}`;
  let form: PublicOpinionForm;
  try {
    form = await api<PublicOpinionForm>('GET', `/api/public/opinions/form?${query}`);
  } catch (err) {
    const box = alertBox();
    mount(root, h('h1', {}, '群众意见'), box, h('p', {}, h('a', { href: trackLink() }, '凭查询码查看办理进度')));
    return showError(box, err);
  }
  const clientToken = randomToken();
  const photos: File[] = [];
  const errors = alertBox();

  const category = h('select', { id: 'category', name: 'category', required: true }, h('option', { value: '' }, '请选择'));
  for (const c of form.categories) category.append(h('option', { value: c.code }, c.label));
  const content = h('textarea', {
    id: 'content',
    name: 'content',
    rows: 6,
    required: true,
    minlength: form.limits.contentMin,
    maxlength: form.limits.contentMax,
    placeholder: '请写明问题发生的地点、情况和您的建议',
  });
  const counter = h('span', { class: 'counter', 'aria-live': 'polite' }, `0/${form.limits.contentMax}`);
  content.addEventListener('input', () => (counter.textContent = `${content.value.length}/${form.limits.contentMax}`));

  const thumbs = h('ul', { class: 'thumbs', 'aria-label': '已选照片' });
  const photoInput = h('input', { id: 'photos', type: 'file', accept: 'image/*', multiple: true, class: 'visually-hidden' });
  const renderThumbs = () => {
    thumbs.replaceChildren(
      ...photos.map((file, i) => {
        const url = URL.createObjectURL(file);
        return h(
          'li',
          {},
          h('img', { src: url, alt: `照片${i + 1}` }),
          h(
            'button',
            { type: 'button', class: 'remove', 'aria-label': `删除照片${i + 1}`, onclick: () => (photos.splice(i, 1), renderThumbs()) },
            '×',
          ),
        );
      }),
    );
    photoLabel.hidden = photos.length >= form.limits.photosMax;
  };
  photoInput.addEventListener('change', () => {
    for (const file of Array.from(photoInput.files ?? [])) if (photos.length < form.limits.photosMax) photos.push(file);
    photoInput.value = '';
    renderThumbs();
  });
  const photoLabel = h('label', { for: 'photos', class: 'photo-add' }, `＋ 添加照片（最多 ${form.limits.photosMax} 张）`);

  const place = h('input', { id: 'location', name: 'location', maxlength: 200, placeholder: '例如：南湖路与中山路交叉口' });
  let coords: { latitude: number; longitude: number } | null = null;
  const locate = h(
    'button',
    {
      type: 'button',
      class: 'link',
      onclick: () => {
        if (!navigator.geolocation) return;
        locate.textContent = '定位中…';
        navigator.geolocation.getCurrentPosition(
          (pos) => {
            coords = { latitude: pos.coords.latitude, longitude: pos.coords.longitude };
            locate.textContent = '已附上当前位置';
          },
          () => (locate.textContent = '无法定位，请手动填写地点'),
          { timeout: 10_000 },
        );
      },
    },
    '使用当前位置',
  );
  const name = h('input', { id: 'name', name: 'name', maxlength: 40, autocomplete: 'name' });
  const phone = h('input', {
    id: 'phone',
    name: 'phone',
    type: 'tel',
    inputmode: 'numeric',
    maxlength: 11,
    autocomplete: 'tel',
    pattern: '1[0-9]{10}',
  });
  const consent = h('input', { id: 'consent', name: 'contactConsent', type: 'checkbox', 'aria-describedby': 'consent-hint' });
  const remember = h('input', { id: 'remember', type: 'checkbox', 'aria-describedby': 'remember-hint' });
  const submit = h('button', { type: 'submit', class: 'primary' }, '提交意见');

  const el = h(
    'form',
    { novalidate: true },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'category' }, '意见类别', h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
      category,
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'content' }, '意见内容', h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')),
      content,
      counter,
    ),
    h('div', { class: 'field' }, h('span', { class: 'label' }, '照片（选填）'), thumbs, photoLabel, photoInput),
    h('div', { class: 'field' }, h('label', { for: 'location' }, '地点（选填）'), place, locate),
    h(
      'fieldset',
      {},
      h('legend', {}, '联系方式（选填）'),
      h(
        'p',
        { class: 'hint privacy' },
        '个人信息保护：姓名和手机号只用于办理和答复这条意见，依法保密，不会公开；不填也可以提交，凭查询码查看进度。',
      ),
      h('div', { class: 'field' }, h('label', { for: 'name' }, '姓名'), name),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'phone' }, '手机号'),
        phone,
        h('p', { class: 'hint' }, '留下手机号，办理进展将以短信告知您'),
      ),
      // 个人信息保护法第二十三条: the unit gets the name and phone only with this separate, unticked-by-default consent.
      h('div', { class: 'check' }, consent, h('label', { for: 'consent' }, '同意承办单位联系我')),
      h(
        'p',
        { class: 'hint', id: 'consent-hint' },
        '勾选后，承办单位可看到您的姓名和手机号，用于联系核实情况；不勾选，只有人大工作人员能看到，办理结果仍以短信和查询码告知您',
      ),
    ),
    h('div', { class: 'check' }, remember, h('label', { for: 'remember' }, '在本机记住查询码')),
    h('p', { class: 'hint', id: 'remember-hint' }, '在联络站的公用设备上请不要勾选，以免下一位群众看到您的查询码'),
    errors,
    submit,
  );

  el.addEventListener('submit', async (e) => {
    e.preventDefault();
    errors.hidden = true;
    const problem = !category.value
      ? '请选择意见类别'
      : content.value.trim().length < form.limits.contentMin
        ? `意见内容至少 ${form.limits.contentMin} 个字`
        : phone.value && !/^1\d{10}$/.test(phone.value)
          ? '手机号应为 11 位数字'
          : consent.checked && !phone.value
            ? '同意联系时请留下手机号'
            : null;
    if (problem) return showError(errors, new ApiError(problem, 400, 'CLIENT'));
    submit.disabled = true;
    submit.textContent = '正在提交…';
    const data = new FormData();
    if (target.station) data.set('station', target.station);
    else data.set('deputy', target.deputy!);
    data.set('category', category.value);
    data.set('content', content.value.trim());
    if (place.value.trim()) data.set('location', place.value.trim());
    if (coords) {
      data.set('latitude', String(coords.latitude));
      data.set('longitude', String(coords.longitude));
    }
    if (name.value.trim()) data.set('name', name.value.trim());
    if (phone.value) data.set('phone', phone.value);
    data.set('contactConsent', consent.checked ? 'true' : 'false');
    data.set('clientToken', clientToken);
    for (const file of photos) data.append('photo', await shrinkPhoto(file), file.name);
    try {
      const receipt = await api<{ trackingCode: string }>('POST', '/api/public/opinions', data);
      if (remember.checked) rememberCode(receipt.trackingCode);
      showReceipt(receipt.trackingCode, { replyPeriod: form.replyPeriod, phone: phone.value });
    } catch (err) {
      showError(errors, err);
      submit.disabled = false;
      submit.textContent = '重新提交';
    }
  });

  const card = h('div', { class: 'card-slot' });
  mount(
    root,
    h('h1', {}, '反映意见'),
    h(
      'p',
      { class: 'target' },
      `${form.targetKind === 'station' ? '联络站' : '人大代表'}：${form.targetName}`,
      h('br'),
      h('span', { class: 'muted' }, form.bodyName),
    ),
    card,
    el,
    h('p', { class: 'foot' }, h('a', { href: trackLink() }, '已提交过？凭查询码查看办理进度')),
  );
  // The deputy's card or the station's rota is extra: the form is usable before it arrives, and without it.
  const extra = target.deputy
    ? api<PublicDeputyCard>('GET', `/api/public/deputies/${encodeURIComponent(target.deputy)}`).then(deputyCard)
    : api<PublicStationView>('GET', `/api/public/stations/${encodeURIComponent(target.station!)}`).then(stationInfo);
  void extra.then((el) => card.replaceWith(el)).catch(() => card.remove());
}

function showReceipt(code: string, expect: { replyPeriod: string; phone: string }) {
  const copy = h('button', { type: 'button', class: 'secondary' }, '复制查询码');
  copy.addEventListener('click', () => {
    void navigator.clipboard?.writeText(code).then(() => (copy.textContent = '已复制'));
  });
  mount(
    root,
    h('h1', {}, '提交成功'),
    h('p', {}, '您的意见已收到。请记下查询码，凭它查看办理进度和答复：'),
    h('p', { class: 'code', 'aria-label': `查询码 ${code.split('').join(' ')}` }, code),
    copy,
    h(
      'figure',
      { class: 'qr' },
      h('img', { src: `/api/public/opinions/${encodeURIComponent(code)}/qr.png`, alt: '查询链接二维码', width: 160, height: 160 }),
      h('figcaption', { class: 'muted' }, '用自己的手机扫码，保存查询链接'),
    ),
    h(
      'ul',
      { class: 'expect' },
      h('li', {}, `工作人员受理后转交承办单位，承办单位一般在 ${expect.replyPeriod}内答复。`),
      h(
        'li',
        {},
        expect.phone ? `受理、答复等进展将以短信发送到 ${maskPhone(expect.phone)}。` : '您没有留手机号，不会收到短信，请凭查询码查看进度。',
      ),
    ),
    h('p', {}, h('a', { class: 'primary button', href: trackLink(code) }, '查看办理进度')),
  );
  root.focus();
}

// ---- following ----

async function showTracking(code: string | null) {
  const input = h('input', {
    id: 'code',
    name: 'code',
    required: true,
    autocomplete: 'off',
    autocapitalize: 'characters',
    placeholder: '例如 7K3Q-9XDM-PA2T',
    value: code ?? '',
  });
  const errors = alertBox();
  const result = h('section', { 'aria-live': 'polite' });
  const lookup = h(
    'form',
    { class: 'lookup' },
    h('div', { class: 'field' }, h('label', { for: 'code' }, '查询码'), input),
    h('button', { type: 'submit', class: 'primary' }, '查询'),
  );
  lookup.addEventListener('submit', (e) => {
    e.preventDefault();
    history.replaceState(null, '', trackLink(input.value.trim()));
    void load(input.value.trim());
  });
  const mine = myCodes().filter((c) => c !== code);
  const forget = h('button', { type: 'button', class: 'link' }, '清除本机记录');
  const kept = h(
    'nav',
    { 'aria-label': '我提交过的意见' },
    h('h2', {}, '我提交过的意见'),
    h('ul', { class: 'mine' }, ...mine.map((c) => h('li', {}, h('a', { href: trackLink(c) }, c)))),
    forget,
  );
  forget.addEventListener('click', () => {
    forgetCodes();
    kept.replaceChildren(h('p', { class: 'muted' }, '已清除本机保存的查询码。'));
  });
  mount(root, h('h1', {}, '办理进度'), lookup, errors, result, mine.length ? kept : null);

  async function load(value: string) {
    errors.hidden = true;
    if (!value) return;
    result.replaceChildren(h('p', { class: 'muted' }, '正在查询…'));
    try {
      renderView(await api<PublicOpinionView>('GET', `/api/public/opinions/${encodeURIComponent(value)}`));
    } catch (err) {
      result.replaceChildren();
      showError(errors, err);
    }
  }

  function renderView(v: PublicOpinionView) {
    const keep = myCodes().includes(v.trackingCode)
      ? null
      : h(
          'button',
          {
            type: 'button',
            class: 'link',
            onclick: (e: Event) => {
              rememberCode(v.trackingCode);
              (e.target as HTMLElement).replaceWith(h('p', { class: 'muted' }, '已在本机记住此查询码。'));
            },
          },
          '在本机记住此查询码（公用设备请勿使用）',
        );
    mount(
      result,
      h('h2', {}, h('span', { class: `status s-${v.status}` }, v.statusLabel)),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, '查询码'),
        h('dd', {}, v.trackingCode),
        h('dt', {}, '类别'),
        h('dd', {}, v.categoryLabel),
        v.targetName ? h('dt', {}, '反映渠道') : null,
        v.targetName ? h('dd', {}, v.targetName) : null,
        h('dt', {}, '提交时间'),
        h('dd', {}, formatTime(v.submittedAt)),
        v.handlingUnitName ? h('dt', {}, '承办单位') : null,
        v.handlingUnitName ? h('dd', {}, v.handlingUnitName) : null,
        v.dueDate ? h('dt', {}, '答复期限') : null,
        v.dueDate ? h('dd', {}, v.dueDate) : null,
      ),
      keep,
      h('p', { class: 'content' }, v.content),
      v.declineReason ? h('div', { class: 'reply' }, h('h3', {}, '不予受理的原因'), h('p', {}, v.declineReason)) : null,
      v.reply
        ? h(
            'div',
            { class: 'reply' },
            h('h3', {}, `答复${v.reply.unitName ? `（${v.reply.unitName}）` : ''}`),
            h('p', {}, v.reply.text),
            h('p', { class: 'muted' }, formatTime(v.reply.at)),
          )
        : null,
      v.rating ? h('p', { class: 'muted' }, `您的评价：${v.rating.label}${v.rating.comment ? `，${v.rating.comment}` : ''}`) : null,
      v.canRate ? ratingForm(v.trackingCode, renderView) : null,
      h('h3', {}, '办理过程'),
      h(
        'ol',
        { class: 'timeline' },
        ...v.timeline.map((s) =>
          h(
            'li',
            {},
            h('time', { datetime: s.at }, formatTime(s.at)),
            h('span', {}, s.label),
            s.note ? h('p', { class: 'note' }, s.note) : null,
          ),
        ),
      ),
    );
  }

  if (code) await load(code);
}

function ratingForm(code: string, onRated: (v: PublicOpinionView) => void) {
  const errors = alertBox();
  const options: [string, string][] = [
    ['satisfied', '满意'],
    ['basically_satisfied', '基本满意'],
    ['dissatisfied', '不满意'],
  ];
  const comment = h('textarea', { id: 'comment', rows: 3, maxlength: 500, placeholder: '不满意时请说明原因，我们将予以复核' });
  const submit = h('button', { type: 'submit', class: 'primary' }, '提交评价');
  const form = h(
    'form',
    { class: 'rating' },
    h(
      'fieldset',
      {},
      h('legend', {}, '请评价本次答复'),
      ...options.map(([value, label]) =>
        h(
          'div',
          { class: 'check' },
          h('input', { type: 'radio', name: 'rating', id: `r-${value}`, value }),
          h('label', { for: `r-${value}` }, label),
        ),
      ),
    ),
    h('div', { class: 'field' }, h('label', { for: 'comment' }, '评价意见（选填）'), comment),
    errors,
    submit,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const rating = (form.querySelector('input[name=rating]:checked') as HTMLInputElement | null)?.value;
    if (!rating) return showError(errors, new ApiError('请选择满意程度', 400, 'CLIENT'));
    submit.disabled = true;
    try {
      onRated(
        await api<PublicOpinionView>('POST', `/api/public/opinions/${encodeURIComponent(code)}/rating`, {
          rating,
          comment: comment.value.trim() || undefined,
        }),
      );
    } catch (err) {
      showError(errors, err);
      submit.disabled = false;
    }
  });
  return form;
}

const station = params.get('station');
const deputy = params.get('deputy');
if (station) void showForm({ station });
else if (deputy) void showForm({ deputy });
else void showTracking(params.get('code'));
