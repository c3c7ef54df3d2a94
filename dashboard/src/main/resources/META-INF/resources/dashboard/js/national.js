// The national view: every zone in the key's scope, progress toward the seeds' targets, the
// latest ranking, the contract-turnover roll-up and trading index over the periods reported, and
// the reports still waiting for verification per province. Each card loads on its own: one that
// fails says why and the others still show.
import { api, all, ApiError } from './api.js';
import { el, clear, table, num, badge } from './dom.js';
import { chartCard, destroyCharts } from './charts.js';
import { t } from './i18n.js';
import { regionName, regionList, provinceOf } from './regions.js';
import { recentQuarters, recentEvaluationPeriods } from './periods.js';

const TARGET_REGIONS = ['000000', '440300', '440100'];
const TARGET_INDICATORS = ['contract_turnover', 'transfer_institutions', 'talents', 'maker_spaces'];

export async function renderNational(body) {
  destroyCharts(body);
  clear(body);
  const grid = el('div', { class: 'grid' });
  body.append(grid);
  const slots = ['zones', 'rollup', 'ranking', 'targets', 'index', 'pending'].map((name) => {
    const slot = el('section', { class: `card${name === 'zones' ? ' wide' : ''}`, 'aria-busy': 'true', 'data-card': name },
      el('p', { class: 'muted' }, t('loading')));
    grid.append(slot);
    return slot;
  });
  const [zones, rollup, ranking, targets, index, pending] = slots;
  const quarters = rollups();
  await Promise.all([
    fill(zones, t('zones'), zonesCard),
    fill(rollup, t('rollup', { period: '' }), async () => rollupCard(await quarters)),
    fill(ranking, t('ranking', { period: '' }), rankingCard),
    fill(targets, t('targets'), targetsCard),
    fill(index, t('tradingIndex', { base: '' }), async () => indexCard(await quarters)),
    fill(pending, t('pending'), pendingCard),
  ]);
}

/** Puts what build answers in the slot, or the API's problem when it failed. */
async function fill(slot, title, build) {
  try {
    const card = await build();
    card.setAttribute('data-card', slot.dataset.card);
    slot.replaceWith(card);
  } catch (e) {
    const detail = e instanceof ApiError ? e.problem.detail || e.problem.title : e.message;
    slot.replaceChildren(el('h3', {}, title), el('p', { class: 'error' }, t('failed', { what: title, status: e.status ?? '', detail })));
    slot.removeAttribute('aria-busy');
  }
}

async function zonesCard() {
  const card = el('section', { class: 'card wide', 'aria-labelledby': 'zones-title' }, el('h3', { id: 'zones-title' }, t('zones')));
  const holder = el('div');
  card.append(holder);
  const rows = [];
  const more = el('button', { type: 'button', hidden: true }, t('more'));
  let next = null;
  const load = async () => {
    const page = await api(`/api/zones?limit=100${next ? `&after=${encodeURIComponent(next)}` : ''}`);
    rows.push(...page.items.map((zone) => ({ ...zone, key: zone.id })));
    next = page.next;
    more.hidden = !next;
    holder.replaceChildren(table(t('zones'), [
      { key: 'name', label: t('zoneName') },
      { key: 'batch', label: t('batch'), numeric: true },
      { key: 'regionCode', label: t('leadRegion'), render: (z) => regionName(z.regionCode) },
      { key: 'memberCities', label: t('memberCities'), render: (z) => regionList(z.memberCities) },
      { key: 'status', label: t('zoneStatus'), render: (z) => (z.status ? badge(z.status) : '—') },
      { key: 'id', label: t('open'), render: (z) => el('a', { href: `#zone/${encodeURIComponent(z.id)}`, 'aria-label': `${t('open')} ${z.name}` }, t('open')) },
    ], rows, { id: 'zones-table' }));
  };
  more.addEventListener('click', () => load().then(() => more.focus()));
  await load();
  card.append(more);
  return card;
}

/** contract_turnover roll-ups of the recent quarters: which were reported, and the latest's parts. */
async function rollups() {
  const answers = await Promise.all(recentQuarters().map((period) =>
    api(`/api/reports/rollup?indicator=contract_turnover&period=${period}`).catch((e) => {
      if (e.status === 403) return null;
      throw e;
    })));
  return answers.filter((answer) => answer && answer.reports > 0);
}

function rollupCard(reported) {
  const latest = reported[reported.length - 1];
  if (!latest) return emptyCard(t('rollup', { period: '—' }), t('noReports'));
  const rows = latest.parts.map((part) => ({ key: part.key, name: regionName(part.key), value: part.value, reports: part.reports }));
  return chartCard({
    id: 'chart-rollup', title: t('rollup', { period: latest.period }),
    note: t('rollupTotal', { value: num(latest.value), reports: latest.reports }),
    labels: rows.map((r) => r.name), datasets: [{ label: t('value'), data: rows.map((r) => Number(r.value)) }],
    columns: [{ key: 'name', label: t('part') }, { key: 'value', label: t('value'), numeric: true },
      { key: 'reports', label: t('reports'), numeric: true }],
    rows,
  });
}

function indexCard(reported) {
  if (!reported.length) return Promise.resolve(emptyCard(t('tradingIndex', { base: '—' }), t('noReports')));
  const base = reported[0].period;
  const periods = reported.map((r) => r.period).join(',');
  return api(`/api/reports/trading-index?base=${base}&periods=${periods}`).then((series) => chartCard({
    id: 'chart-index', type: 'line', title: t('tradingIndex', { base }),
    labels: series.points.map((p) => p.period),
    datasets: [{ label: t('index'), data: series.points.map((p) => (p.index === null ? null : Number(p.index))) }],
    columns: [{ key: 'period', label: t('period') }, { key: 'index', label: t('index'), numeric: true },
      { key: 'turnover', label: t('turnover'), numeric: true }],
    rows: series.points.map((p) => ({ ...p, key: p.period })),
  }));
}

async function rankingCard() {
  const periods = recentEvaluationPeriods();
  const schemes = await Promise.all(periods.map((p) => api(`/api/evaluation/${p}/scheme`).then(() => p, () => null)));
  const period = schemes.find((p) => p);
  if (!period) return emptyCard(t('ranking', { period: '—' }), t('noRanking'));
  const ranking = await api(`/api/evaluation/${period}/ranking`);
  const rows = ranking.rows.map((row) => ({ ...row, key: row.zoneId }));
  return chartCard({
    id: 'chart-ranking', horizontal: true, title: t('ranking', { period }),
    labels: rows.map((r) => r.name), datasets: [{ label: t('score'), data: rows.map((r) => Number(r.score)) }],
    columns: [{ key: 'rank', label: t('rank'), numeric: true }, { key: 'name', label: t('zoneName') },
      { key: 'score', label: t('score'), numeric: true }],
    rows,
  });
}

/** The seeds' targets for the nation, 深圳 and 广州, with progress as far as the key may see it. */
async function targetsCard() {
  const targets = (await all('/api/targets', 2))
    .filter((target) => TARGET_REGIONS.includes(target.regionCode) && TARGET_INDICATORS.includes(target.indicator));
  const progress = (await Promise.all(targets.map((target) => api(`/api/targets/${encodeURIComponent(target.id)}/progress`)
    .catch((e) => (e.status === 403 || e.status === 404 ? null : Promise.reject(e)))))).filter(Boolean);
  const regions = TARGET_REGIONS.filter((code) => progress.some((p) => p.target.regionCode === code));
  const ratio = (p) => (p.ratio === null ? null : Number(p.ratio) * 100);
  const rows = progress.map((p) => ({
    key: p.target.id, region: regionName(p.target.regionCode), indicator: t(`ind.${p.target.indicator}`, p.target.indicator),
    year: p.target.year, actual: p.actual, required: p.required, ratio: ratio(p), reason: p.reason,
  }));
  return chartCard({
    id: 'chart-targets', title: t('targets'), note: t('targetsNote'),
    labels: TARGET_INDICATORS.map((code) => t(`ind.${code}`)),
    datasets: regions.map((code) => ({
      label: regionName(code),
      data: TARGET_INDICATORS.map((code2) => {
        const found = progress.find((p) => p.target.regionCode === code && p.target.indicator === code2);
        return found ? ratio(found) ?? 0 : null;
      }),
    })),
    columns: [{ key: 'region', label: t('region') }, { key: 'indicator', label: t('indicator') },
      { key: 'year', label: t('year') }, { key: 'actual', label: t('actual'), numeric: true },
      { key: 'required', label: t('required'), numeric: true }, { key: 'ratio', label: t('ratio'), numeric: true },
      { key: 'reason', label: t('reason') }],
    rows,
  });
}

async function pendingCard() {
  const submitted = await all('/api/reports?status=SUBMITTED');
  const counts = new Map();
  submitted.forEach((report) => {
    const province = provinceOf(report.regionCode);
    counts.set(province, (counts.get(province) || 0) + 1);
  });
  const rows = [...counts.entries()].sort().map(([code, count]) => ({ key: code, province: regionName(code), count }));
  return el('section', { class: 'card', 'aria-labelledby': 'pending-title' },
    el('h3', { id: 'pending-title' }, t('pending')),
    table(t('pending'), [{ key: 'province', label: t('province') }, { key: 'count', label: t('count'), numeric: true }],
      rows, { id: 'pending-table' }));
}

function emptyCard(title, text) {
  return el('section', { class: 'card' }, el('h3', {}, title), el('p', { class: 'muted' }, text));
}
