// The page's words in Chinese (the default) and English; the switch keeps its choice for the session.
const WORDS = {
  title: ['示范区工作台', 'Demonstration Zones — Staff Dashboard'],
  skip: ['跳到主要内容', 'Skip to the main content'],
  switchTo: ['English', '中文'],
  switchLabel: ['Switch to English', '切换到中文'],
  signOut: ['退出登录', 'Sign out'],
  navLabel: ['视图', 'Views'],
  navNational: ['全国', 'National'],
  navZone: ['示范区', 'Zone'],
  navQueue: ['待办', 'Work queue'],
  signInTitle: ['登录', 'Sign in'],
  apiKey: ['API 密钥', 'API key'],
  signIn: ['登录', 'Sign in'],
  oidcOr: ['或者', 'or'],
  oidcSignIn: ['通过科技部统一身份认证登录', "Sign in with the ministry's account"],
  keyHint: ['密钥只保存在本标签页的会话里，关闭标签页即清除；它从不出现在地址栏中。',
    'The key is kept for this tab’s session only and is gone when the tab closes; it never appears in the address bar.'],
  keyMissing: ['请输入 API 密钥。', 'Enter an API key.'],
  keyRefused: ['密钥无效或已吊销（{status}）：{detail}', 'The key was refused ({status}): {detail}'],
  oidcFailed: ['统一身份认证登录失败：{detail}', 'Sign-in with the ministry failed: {detail}'],
  signedInAs: ['{client} · {region} · {roles}', '{client} · {region} · {roles}'],
  loading: ['正在加载…', 'Loading…'],
  loaded: ['已加载：{what}', 'Loaded: {what}'],
  none: ['无', 'None'],
  colon: ['：', ': '],
  failed: ['{what}加载失败（{status}）：{detail}', '{what} could not be loaded ({status}): {detail}'],
  forbidden: ['不在本账号的权限范围内', 'outside this key’s scope'],
  nationalTitle: ['全国概览', 'National view'],
  zones: ['示范区', 'Zones'],
  zoneName: ['名称', 'Name'],
  batch: ['批次', 'Batch'],
  leadRegion: ['牵头地区', 'Lead region'],
  memberCities: ['成员城市', 'Member cities'],
  zoneStatus: ['状态', 'Status'],
  more: ['加载更多', 'Load more'],
  open: ['打开', 'Open'],
  targets: ['目标完成进度（%）', 'Progress toward targets (%)'],
  targetsNote: ['种子文件中的全国、深圳、广州目标；实际值为该年度已核实报告的汇总。',
    "The seeds' national, Shenzhen and Guangzhou targets; actual figures roll up the year's verified reports."],
  region: ['地区', 'Region'],
  indicator: ['指标', 'Indicator'],
  year: ['年份', 'Year'],
  actual: ['实际', 'Actual'],
  required: ['目标', 'Target'],
  ratio: ['完成率 %', 'Progress %'],
  reason: ['说明', 'Note'],
  ranking: ['最新评估排名（{period}）', 'Ranking of the latest evaluation ({period})'],
  noRanking: ['近期没有评估方案。', 'No evaluation scheme in the recent periods.'],
  rank: ['名次', 'Rank'],
  score: ['得分', 'Score'],
  rollup: ['技术合同成交额汇总（{period}，万元）', 'Contract turnover roll-up ({period}, 万元)'],
  rollupTotal: ['合计 {value}，基于 {reports} 份已核实报告', 'Total {value}, from {reports} verified reports'],
  noReports: ['近期没有已核实的报告。', 'No verified reports in the recent periods.'],
  part: ['下一级', 'Part'],
  value: ['数值', 'Value'],
  reports: ['报告数', 'Reports'],
  reportList: ['报告列表', 'Report list'],
  tradingIndex: ['技术交易指数（基期 {base} = 100）', 'Technology-trading index (base {base} = 100)'],
  period: ['期间', 'Period'],
  index: ['指数', 'Index'],
  turnover: ['成交额（万元）', 'Turnover (万元)'],
  pending: ['待核实报告（按省）', 'Reports waiting for verification, per province'],
  province: ['省份', 'Province'],
  count: ['数量', 'Count'],
  chartOf: ['图表：{title}。数据见下方表格。', 'Chart: {title}. The table below holds its figures.'],
  showTable: ['查看数据表', 'Show the figures as a table'],
  zoneTitle: ['示范区详情', 'Zone view'],
  chooseZone: ['选择示范区', 'Zone'],
  annualYear: ['年度报告年份', 'Annual report year'],
  show: ['查看', 'Show'],
  overview: ['概况', 'Overview'],
  section: { funds: ['基金', 'Funds'], talent: ['人才', 'Talent'], incubators: ['孵化器', 'Incubators'] },
  sectionUp: ['服务正常', 'available'],
  sectionOff: ['服务不可用', 'unavailable'],
  unit: ['单位', 'Unit'],
  sectionDown: ['服务暂不可用：{reason}', 'Service unavailable: {reason}'],
  figure: ['项目', 'Figure'],
  zoneReports: ['报告（按期间与状态）', 'Reports by period and status'],
  city: ['城市', 'City'],
  version: ['版本', 'Version'],
  lists: { DEMAND: ['技术需求清单', 'Technology demand list'], SCENARIO: ['应用场景清单', 'Application-scenario list'] },
  industry: ['行业', 'Industry'],
  description: ['内容', 'Description'],
  budget: ['预算（万元）', 'Budget (万元)'],
  contact: ['联系单位', 'Contact'],
  annualReport: ['{year} 年度发展报告', 'Annual report {year}'],
  previous: ['上年', 'Previous year'],
  change: ['变化 %', 'Change %'],
  standing: ['全国排名：第 {rank} / {of} 名，得分 {score}', 'National standing: {rank} of {of}, score {score}'],
  queueTitle: ['待办事项', 'Work queue'],
  queueReports: ['待我核实或退回的报告', 'Reports waiting for my verification'],
  queueDrafts: ['待我提交的报告', 'Reports waiting for me to submit'],
  queueRegistrations: ['待我审核的孵化器登记', 'Incubator registrations waiting for my review'],
  queueNote: ['只列出本账号所在地区（{region}）的待办。', 'Only the work of this key’s region ({region}) is listed.'],
  actions: ['操作', 'Actions'],
  verify: ['核实', 'Verify'],
  return: ['退回', 'Return'],
  submit: ['提交', 'Submit'],
  approve: ['批准', 'Approve'],
  reject: ['驳回', 'Reject'],
  reasonLabel: ['{what} 的理由', 'Reason for {what}'],
  reasonNeeded: ['请填写理由。', 'Give a reason.'],
  done: ['{id}：已{action}，现为 {status}（版本 {version}）', '{id}: {action} done, now {status} (version {version})'],
  keyOnce: ['孵化器密钥（只显示这一次）：{key}', 'The incubator’s key (shown this once): {key}'],
  problem: ['{id}：{title}（{status}）{detail}', '{id}: {title} ({status}) {detail}'],
  currentVersion: ['当前版本为 {version}，请刷新后重试。', 'The current version is {version}; reload and try again.'],
  name: ['名称', 'Name'],
  kind: ['类型', 'Kind'],
  submittedAt: ['提交时间', 'Submitted'],
  status: {
    DRAFT: ['草稿', 'Draft'], SUBMITTED: ['已提交', 'Submitted'], VERIFIED: ['已核实', 'Verified'],
    RETURNED: ['已退回', 'Returned'], PENDING: ['待审核', 'Pending'], APPROVED: ['已批准', 'Approved'],
    REJECTED: ['已驳回', 'Rejected'], BUILDING: ['建设中', 'Building'], ACCEPTED: ['已验收', 'Accepted'],
  },
  ind: {
    contract_turnover: ['技术合同成交额', 'Contract turnover'], transfer_institutions: ['技术转移机构', 'Transfer institutions'],
    talents: ['技术转移人才', 'Professionals'], maker_spaces: ['众创空间', 'Maker spaces'],
  },
};

let current = sessionStorage.getItem('dzn.lang') === 'en' ? 'en' : 'zh';

export function lang() {
  return current;
}

/** t('status.VERIFIED'), t('failed', {what: …}); the fallback when a key has no words. */
export function t(key, params = {}, fallback) {
  if (typeof params === 'string') [fallback, params] = [params, {}];
  const words = key.split('.').reduce((node, part) => (node ? node[part] : undefined), WORDS);
  const text = Array.isArray(words) ? words[current === 'zh' ? 0 : 1] : fallback ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? '—'));
}

export function setLang(next) {
  current = next;
  sessionStorage.setItem('dzn.lang', next);
  applyStatic();
}

/** The page's fixed words (data-i18n, data-i18n-label) and its lang attribute. */
export function applyStatic() {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  document.querySelectorAll('[data-i18n-label]').forEach((node) => node.setAttribute('aria-label', t(node.dataset.i18nLabel)));
  const button = document.getElementById('lang');
  button.textContent = t('switchTo');
  button.setAttribute('lang', current === 'zh' ? 'en' : 'zh-CN');
  button.setAttribute('aria-label', t('switchLabel'));
}
