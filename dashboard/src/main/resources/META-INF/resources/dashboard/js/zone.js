// The zone view: its overview (one section per service, each saying when its service is down),
// its reports by period and status, its demand and scenario lists and its annual report.
import { api, ApiError } from './api.js';
import { el, clear, table, num, badge, card } from './dom.js';
import { t } from './i18n.js';
import { regionName, regionList } from './regions.js';

// The overview's sections in this order; any other section the API adds follows, under its own name.
const SECTIONS = ['funds', 'talent', 'incubators'];
const STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'VERIFIED'];

/** Fills the zone picker with the zones of the key's scope (the first 500, by id). */
export async function loadZoneChoices(select, chosen) {
  const page = await api('/api/zones?limit=500');
  select.replaceChildren(...page.items.map((zone) => el('option', { value: zone.id, selected: zone.id === chosen }, zone.name)));
  return page.items;
}

export async function renderZone(body, zoneId, year) {
  clear(body);
  if (!zoneId) return;
  const grid = el('div', { class: 'grid' });
  body.append(grid);
  const id = encodeURIComponent(zoneId);
  const parts = [
    ['overview', t('overview'), () => overviewCards(id)],
    ['reports', t('zoneReports'), () => reportsCard(id)],
    ['demand', t('lists.DEMAND'), () => listCard(id, 'DEMAND')],
    ['scenario', t('lists.SCENARIO'), () => listCard(id, 'SCENARIO')],
    ['annual', t('annualReport', { year }), () => annualCard(id, year)],
  ];
  await Promise.all(parts.map(async ([name, title, build]) => {
    const slot = el('section', { class: 'card', 'aria-busy': 'true', 'data-card': name }, el('p', { class: 'muted' }, t('loading')));
    grid.append(slot);
    try {
      const built = [await build()].flat();
      if (!built[0].hasAttribute('data-card')) built[0].setAttribute('data-card', name);
      slot.replaceWith(...built);
    } catch (e) {
      const detail = e instanceof ApiError ? e.problem.detail || e.problem.title : e.message;
      slot.replaceChildren(el('h3', {}, title), el('p', { class: 'error' }, t('failed', { what: title, status: e.status ?? '', detail })));
      slot.removeAttribute('aria-busy');
    }
  }));
}

async function overviewCards(id) {
  const overview = await api(`/api/zones/${id}/overview`);
  const head = card(t('overview'),
    el('p', {}, el('strong', {}, overview.name)),
    el('p', {}, `${t('leadRegion')}${t('colon')}${regionName(overview.regionCode)}`),
    el('p', {}, `${t('memberCities')}${t('colon')}${regionList(overview.memberCities)}`));
  head.setAttribute('data-card', 'overview');
  const names = Object.keys(overview.sections).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const sections = names.map((name) => {
    const section = overview.sections[name];
    const figures = Object.entries(section.figures || {}).map(([key, value]) => ({ key, name: key, value }));
    const content = section.available
      ? table(t(`section.${name}`, name), [{ key: 'name', label: t('figure') }, { key: 'value', label: t('value'), numeric: true }], figures)
      : el('p', { class: 'problem', role: 'note' }, t('sectionDown', { reason: section.reason }));
    const state = el('span', { class: `badge ${section.available ? 'up' : 'down'}` }, t(section.available ? 'sectionUp' : 'sectionOff'));
    const box = card(t(`section.${name}`, name), el('p', {}, state), content);
    box.setAttribute('data-section', name);
    box.setAttribute('data-available', String(section.available));
    return box;
  });
  return [head, ...sections];
}

function rank(section) {
  const at = SECTIONS.indexOf(section);
  return at < 0 ? SECTIONS.length : at;
}

async function reportsCard(id) {
  const page = await api(`/api/reports?zoneId=${id}&limit=500`);
  const reports = page.items.sort((a, b) => b.period.localeCompare(a.period) || a.regionCode.localeCompare(b.regionCode));
  const periods = [...new Set(reports.map((r) => r.period))];
  const summary = periods.map((period) => {
    const row = { key: period, period };
    STATUSES.forEach((s) => { row[s] = reports.filter((r) => r.period === period && r.status === s).length; });
    return row;
  });
  return card(t('zoneReports'),
    table(t('zoneReports'), [{ key: 'period', label: t('period') },
      ...STATUSES.map((s) => ({ key: s, label: t(`status.${s}`), numeric: true }))], summary),
    table(t('reportList'), [{ key: 'period', label: t('period') },
      { key: 'regionCode', label: t('city'), render: (r) => regionName(r.regionCode) },
      { key: 'status', label: t('zoneStatus'), render: (r) => badge(r.status) },
      { key: 'version', label: t('version'), numeric: true }], reports.map((r) => ({ ...r, key: r.id })),
    { id: 'zone-reports' }));
}

async function listCard(id, kind) {
  const page = await api(`/api/lists/items?zoneId=${id}&kind=${kind}&limit=50`);
  return card(t(`lists.${kind}`), table(t(`lists.${kind}`), [
    { key: 'period', label: t('period') }, { key: 'industry', label: t('industry') },
    { key: 'description', label: t('description') }, { key: 'budget', label: t('budget'), numeric: true },
    { key: 'contactOrg', label: t('contact') }], page.items.map((item) => ({ ...item, key: `${item.listId}#${item.index}` }))));
}

async function annualCard(id, year) {
  const report = await api(`/api/zones/${id}/annual-report/${year}`);
  const standing = report.standing
    ? el('p', {}, t('standing', { rank: report.standing.rank, of: report.standing.of, score: num(report.standing.score) }))
    : null;
  const lines = report.indicators.map((line) => ({ ...line, key: line.indicator, change: line.change === null ? null : Number(line.change) * 100 }));
  return card(t('annualReport', { year }), standing, table(t('annualReport', { year }), [
    { key: 'name', label: t('indicator') }, { key: 'unit', label: t('unit') }, { key: 'value', label: t('value'), numeric: true },
    { key: 'previous', label: t('previous'), numeric: true }, { key: 'change', label: t('change'), numeric: true }], lines));
}
