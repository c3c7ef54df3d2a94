// DOM helpers. Every text from the API goes in through textContent, never as markup.
import { t, lang } from './i18n.js';

/** el('td', {class: 'num', 'data-value': 3}, 'text', child…): attributes, then children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** A number as the reader's language writes it; "—" where there is none. */
export function num(value, digits = 2) {
  if (value === null || value === undefined) return '—';
  return Number(value).toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: digits });
}

/**
 * A table whose numeric cells keep the API's figure in data-value (the chart's text alternative,
 * and what the browser tests compare with the API). columns: [{key, label, numeric, render}].
 */
export function table(caption, columns, rows, attrs = {}) {
  const head = el('tr', {}, columns.map((c) => el('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label)));
  const body = rows.map((row) => el('tr', { 'data-key': row.key ?? null }, columns.map((c, i) => {
    const value = typeof c.value === 'function' ? c.value(row) : row[c.key];
    const shown = c.render ? c.render(row) : c.numeric ? num(value) : value ?? '—';
    const cell = el(i === 0 ? 'th' : 'td', {
      scope: i === 0 ? 'row' : null, class: c.numeric ? 'num' : null,
      'data-value': c.numeric && value !== null && value !== undefined ? value : null,
    }, shown);
    return cell;
  })));
  const empty = rows.length ? [] : [el('tr', {}, el('td', { colspan: columns.length, class: 'muted' }, t('none')))];
  return el('div', { class: 'table-wrap' },
    el('table', attrs, el('caption', {}, caption), el('thead', {}, head), el('tbody', {}, body, empty)));
}

export function badge(status) {
  return el('span', { class: `badge ${status}` }, t(`status.${status}`, status));
}

export function card(title, ...children) {
  return el('section', { class: 'card' }, el('h3', {}, title), ...children);
}
