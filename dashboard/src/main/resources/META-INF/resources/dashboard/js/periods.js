// The periods the page asks about: the API lists no periods, so the dashboard looks at the last
// three years, which bounds its calls (a dozen roll-ups) whatever the number of reports.
export const QUARTERS_BACK = 12;

/** The last QUARTERS_BACK quarters up to the current one, oldest first ("2025Q3"). */
export function recentQuarters(now = new Date()) {
  let year = now.getUTCFullYear();
  let quarter = Math.floor(now.getUTCMonth() / 3) + 1;
  const periods = [];
  for (let i = 0; i < QUARTERS_BACK; i += 1) {
    periods.unshift(`${year}Q${quarter}`);
    quarter -= 1;
    if (quarter === 0) [year, quarter] = [year - 1, 4];
  }
  return periods;
}

/** Evaluation periods to try, latest first: each year, then its quarters. */
export function recentEvaluationPeriods(now = new Date()) {
  const quarters = recentQuarters(now).reverse();
  const periods = [];
  for (const period of quarters) {
    const year = period.slice(0, 4);
    if (!periods.includes(year)) periods.push(year);
    periods.push(period);
  }
  return periods;
}
