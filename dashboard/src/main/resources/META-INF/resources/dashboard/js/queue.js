// A bureau's work queue: the reports waiting for the key's region (to verify or return as the
// tier above; a city's own drafts to submit) and the incubator registrations waiting for review.
// Every action names the version shown (If-Match): when the record moved on meanwhile, the API's
// problem+json answer (409, the current version) is shown as it came.
import { api, all, ApiError } from './api.js';
import { el, clear, table, badge, card } from './dom.js';
import { t } from './i18n.js';
import { regionName, contains, isTierAbove } from './regions.js';

let answer;

export async function renderQueue(body, session, answerBox) {
  answer = answerBox;
  clear(body);
  const region = session.regionCode;
  body.append(el('p', { class: 'muted' }, t('queueNote', { region: regionName(region) })));
  const isCity = !region.endsWith('0000') && region.endsWith('00');
  const [submitted, drafts, registrations] = await Promise.all([
    all('/api/reports?status=SUBMITTED', 10),
    isCity ? Promise.all(['DRAFT', 'RETURNED'].map((s) => all(`/api/reports?status=${s}`, 4))).then((l) => l.flat()) : [],
    all('/api/incubators/registrations?status=PENDING', 4).catch((e) => ({ error: e })),
  ]);
  const toVerify = submitted.filter((r) => isTierAbove(region, r.regionCode));
  body.append(card(t('queueReports'), reportTable('queue-verify', toVerify, [['verify', false], ['return', true]])));
  if (isCity) {
    const own = drafts.filter((r) => contains(region, r.regionCode));
    body.append(card(t('queueDrafts'), reportTable('queue-submit', own, [['submit', false]])));
  }
  body.append(card(t('queueRegistrations'), registrations.error
    ? el('p', { class: 'error' }, t('failed', { what: t('queueRegistrations'), status: registrations.error.status, detail: registrations.error.message }))
    : registrationTable(registrations)));
}

function reportTable(id, reports, actions) {
  return table(t('reportList'), [
    { key: 'zoneId', label: t('zones') }, { key: 'regionCode', label: t('city'), render: (r) => regionName(r.regionCode) },
    { key: 'period', label: t('period') }, { key: 'status', label: t('zoneStatus'), render: (r) => statusCell(r.status) },
    { key: 'version', label: t('version'), numeric: true },
    { key: 'id', label: t('actions'), render: (r) => actionCell(r, actions, `/api/reports/${encodeURIComponent(r.id)}`) },
  ], reports.map((r) => ({ ...r, key: r.id })), { id });
}

function registrationTable(registrations) {
  return table(t('queueRegistrations'), [
    { key: 'name', label: t('name') }, { key: 'kind', label: t('kind') },
    { key: 'regionCode', label: t('region'), render: (r) => regionName(r.regionCode) },
    { key: 'submittedAt', label: t('submittedAt'), render: (r) => (r.submittedAt || '').slice(0, 16).replace('T', ' ') },
    { key: 'status', label: t('zoneStatus'), render: (r) => statusCell(r.status) },
    { key: 'version', label: t('version'), numeric: true },
    { key: 'id', label: t('actions'), render: (r) => actionCell(r, [['approve', false], ['reject', true]],
      `/api/incubators/registrations/${encodeURIComponent(r.id)}`) },
  ], registrations.map((r) => ({ ...r, key: r.id })), { id: 'queue-registrations' });
}

function statusCell(status) {
  return el('span', { class: 'status-cell', 'data-status': status }, badge(status));
}

/** Buttons for the record's actions; one that needs a reason has a labelled field beside it. */
function actionCell(record, actions, path) {
  const cell = el('div', { class: 'actions' });
  for (const [action, needsReason] of actions) {
    const label = `${t(action)} ${record.id}`;
    const reason = needsReason ? el('input', { type: 'text', maxlength: 2000, 'aria-label': t('reasonLabel', { what: label }), 'data-reason': action }) : null;
    const button = el('button', { type: 'button', 'data-action': action, 'aria-label': label }, t(action));
    button.addEventListener('click', () => act(record, action, path, reason, cell));
    cell.append(...[reason, button].filter(Boolean));
  }
  return cell;
}

async function act(record, action, path, reasonField, cell) {
  const reason = reasonField?.value.trim();
  if (reasonField && !reason) {
    say(t('reasonNeeded'), true);
    reasonField.focus();
    return;
  }
  const buttons = cell.querySelectorAll('button');
  buttons.forEach((b) => { b.disabled = true; });
  try {
    const done = await api(`${path}/${action}`, { method: 'POST', ifMatch: record.version, body: reason ? { reason } : undefined });
    const row = cell.closest('tr');
    row.querySelector('.status-cell').replaceWith(statusCell(done.status));
    const version = row.querySelector('td.num[data-value]');
    version.dataset.value = done.version;
    version.textContent = String(done.version);
    record.version = done.version;
    cell.replaceChildren(el('span', { class: 'muted' }, t(`status.${done.status}`)));
    say(t('done', { id: record.id, action: t(action), status: t(`status.${done.status}`), version: done.version }), false);
    if (done.key?.apiKey) answer.append(el('p', {}, t('keyOnce', { key: done.key.apiKey })));
  } catch (e) {
    buttons.forEach((b) => { b.disabled = false; });
    const problem = e instanceof ApiError ? e.problem : { title: e.message };
    say(t('problem', { id: record.id, title: problem.title ?? '', status: e.status ?? '', detail: problem.detail ?? '' }), true,
      problem.currentVersion != null ? t('currentVersion', { version: problem.currentVersion }) : null, problem);
  }
}

/** The answer region (aria-live): what happened, and for a problem the problem+json itself. */
function say(text, isProblem, extra, problem) {
  answer.className = `answer${isProblem ? ' problem' : ''}`;
  answer.replaceChildren(el('p', {}, text), extra ? el('p', {}, extra) : null,
    problem ? el('details', {}, el('summary', {}, 'application/problem+json'), el('pre', { 'data-problem': true }, JSON.stringify(problem, null, 2))) : null);
}
