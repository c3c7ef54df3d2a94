// The page's shell: sign-in, the language switch and the three views, chosen by the address's
// fragment (#national, #zone/<id>, #queue) so the browser's back button and bookmarks work.
import { t, lang, setLang, applyStatic } from './i18n.js';
import { ApiError, credential } from './api.js';
import { signInWithKey, current, signOut, oidcConfig, beginOidc, completeOidc } from './session.js';
import { renderNational } from './national.js';
import { loadZoneChoices, renderZone } from './zone.js';
import { renderQueue } from './queue.js';
import { regionName } from './regions.js';
import { destroyCharts } from './charts.js';

const $ = (id) => document.getElementById(id);
const VIEWS = ['national', 'zone', 'queue'];
let session = null;
let routing = 0;

function status(text) {
  $('status').textContent = text;
}

function showSignIn(message) {
  session = null;
  $('sign-in').hidden = false;
  $('nav').hidden = true;
  $('sign-out').hidden = true;
  $('who').textContent = '';
  VIEWS.forEach((view) => { $(`view-${view}`).hidden = true; });
  $('sign-in-error').textContent = message || '';
  status('');
}

function showApp(signedIn) {
  session = signedIn;
  $('sign-in').hidden = true;
  $('sign-in-error').textContent = '';
  $('api-key').value = '';
  $('nav').hidden = false;
  $('sign-out').hidden = false;
  $('who').textContent = t('signedInAs', { client: signedIn.clientId, region: regionName(signedIn.regionCode), roles: signedIn.roles.join(', ') });
  route(true);
}

/** Draws the view the fragment names; moves focus to its heading when the reader asked for it. */
async function route(quiet) {
  if (!session) return;
  const mine = ++routing;
  const [name, ...rest] = (window.location.hash || '#national').slice(1).split('/');
  const view = VIEWS.includes(name) ? name : 'national';
  VIEWS.forEach((v) => { $(`view-${v}`).hidden = v !== view; });
  document.querySelectorAll('#nav a').forEach((a) => {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  if (!quiet) $(`${view}-title`).setAttribute('tabindex', '-1');
  if (!quiet) $(`${view}-title`).focus();
  status(t('loading'));
  const section = $(`view-${view}`);
  section.setAttribute('aria-busy', 'true');
  try {
    if (view === 'national') await renderNational($('national-body'));
    if (view === 'zone') await showZone(rest.length ? decodeURIComponent(rest.join('/')) : null);
    if (view === 'queue') await renderQueue($('queue-body'), session, $('queue-answer'));
    if (mine === routing) status(t('loaded', { what: t(`nav${view[0].toUpperCase()}${view.slice(1)}`) }));
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return;
    if (mine === routing) status(t('failed', { what: '', status: e.status ?? '', detail: e.message }));
  } finally {
    section.removeAttribute('aria-busy');
  }
}

async function showZone(chosen) {
  const select = $('zone-select');
  const year = $('zone-year');
  if (!year.value) year.value = String(new Date().getUTCFullYear());
  const zones = await loadZoneChoices(select, chosen);
  const zoneId = chosen && zones.some((z) => z.id === chosen) ? chosen : chosen || zones[0]?.id;
  if (zoneId) select.value = zoneId;
  await renderZone($('zone-body'), zoneId, year.value);
}

async function signInByKey(event) {
  event.preventDefault();
  const key = $('api-key').value.trim();
  if (!key) {
    $('sign-in-error').textContent = t('keyMissing');
    $('api-key').focus();
    return;
  }
  try {
    showApp(await signInWithKey(key));
  } catch (e) {
    $('sign-in-error').textContent = t('keyRefused', { status: e.status ?? '', detail: e.problem?.detail || e.message });
    $('api-key').select();
  }
}

async function start() {
  applyStatic();
  $('lang').addEventListener('click', () => {
    setLang(lang() === 'zh' ? 'en' : 'zh');
    if (session) showApp(session);
  });
  $('sign-out').addEventListener('click', () => {
    signOut();
    destroyCharts(document.body);
    ['national-body', 'zone-body', 'queue-body', 'queue-answer'].forEach((id) => $(id).replaceChildren());
    showSignIn();
    $('api-key').focus();
  });
  $('key-form').addEventListener('submit', signInByKey);
  $('zone-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const target = `#zone/${encodeURIComponent($('zone-select').value)}`;
    if (window.location.hash === target) route(true);
    else window.location.hash = target;
  });
  window.addEventListener('hashchange', () => route(false));
  window.addEventListener('dzn:unauthenticated', (event) => {
    signOut();
    showSignIn(t('keyRefused', { status: 401, detail: event.detail?.detail || '' }));
  });
  const oidc = await oidcConfig();
  if (oidc) {
    $('oidc').hidden = false;
    $('oidc-button').addEventListener('click', () => beginOidc(oidc).catch((e) => {
      $('sign-in-error').textContent = t('oidcFailed', { detail: e.message });
    }));
  }
  try {
    await completeOidc(oidc);
  } catch (e) {
    showSignIn(t('oidcFailed', { detail: e.message }));
    return;
  }
  if (!credential()) {
    showSignIn();
    return;
  }
  try {
    showApp(await current());
  } catch {
    showSignIn();
  }
}

start();
