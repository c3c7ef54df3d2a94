// Charts from Chart.js (served from its webjar by the gateway), each with its figures as a table
// beside it: the text alternative for screen readers and keyboard users, and what the browser
// tests compare with the API. Without the library the tables alone are shown.
import { el, table } from './dom.js';
import { t } from './i18n.js';

const COLOURS = ['#b3261e', '#1565c0', '#2e7d32', '#8a5a00', '#6a1b9a', '#00838f', '#5d4037'];

/**
 * A card with a chart and its table. spec: {id, title, type, labels, datasets: [{label, data}],
 * horizontal, columns, rows, note}. The canvas is an image labelled with the title; the table
 * follows it in a disclosure, open on a phone-sized screen where a chart says little.
 */
export function chartCard(spec) {
  const canvas = el('canvas', { id: spec.id, role: 'img', 'aria-label': t('chartOf', { title: spec.title }) });
  const figures = table(spec.title, spec.columns, spec.rows, { 'data-chart': spec.id });
  const narrow = window.matchMedia('(max-width: 600px)').matches;
  const card = el('section', { class: `card${spec.wide ? ' wide' : ''}`, 'aria-labelledby': `${spec.id}-title` },
    el('h3', { id: `${spec.id}-title` }, spec.title),
    spec.note ? el('p', { class: 'muted' }, spec.note) : null,
    el('div', { class: 'chart' }, canvas),
    el('details', { open: narrow || !window.Chart }, el('summary', {}, t('showTable')), figures));
  // Drawn once the card is in the page, so the chart knows its size.
  queueMicrotask(() => draw(canvas, spec));
  return card;
}

function draw(canvas, spec) {
  if (!window.Chart) return;
  new window.Chart(canvas, {
    type: spec.type ?? 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.datasets.map((set, i) => ({
        ...set, backgroundColor: COLOURS[i % COLOURS.length], borderColor: COLOURS[i % COLOURS.length],
      })),
    },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: spec.datasets.length > 1 } },
    },
  });
}

/** Charts hold their canvas until destroyed: done before a view is drawn again. */
export function destroyCharts(container) {
  if (!window.Chart) return;
  container.querySelectorAll('canvas').forEach((canvas) => window.Chart.getChart(canvas)?.destroy());
}
