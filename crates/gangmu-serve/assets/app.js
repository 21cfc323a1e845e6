// gangmu serve: the checker page. Plain JavaScript, no library, nothing
// fetched but this server's own API.
"use strict";

const I18N = {
  zh: {
    brand: "纲目 · 公文结构检查", local: "本机运行 · 不上传 · 不保存", rules: "规则目录",
    open: "打开文件", check: "检查", fixAll: "全部安全修复", undo: "撤销", download: "下载文稿",
    outline: "文档结构", outlineEmpty: "检查后在此显示标题、要素和各级标题。", draft: "文稿",
    tabView: "批注", tabEdit: "编辑", findings: "检查结果", all: "全部", error: "错误",
    warning: "警告", info: "提示", findingsEmpty: "尚未检查。", noFindings: "未发现问题。",
    diff: "修改对比", close: "关闭", placeholder: "在此粘贴公文文稿，或点击“打开文件”读取 .txt 文件，然后点击“检查”。",
    foot: "依据 GB/T 9704—2012《党政机关公文格式》及公文写作惯例检查结构和标点；文稿只在本机处理。",
    sevError: "错误", sevWarning: "警告", sevInfo: "提示", fix: "修复", unsafeFix: "需人工确认", line: "第 {n} 行", checking: "正在检查…",
    checked: "已检查：{e} 个错误，{w} 个警告，{i} 个提示", emptyText: "请先粘贴或打开文稿。",
    fixed: "已应用 {n} 处安全修复", fixedOne: "已修复 {rule}", nothingToFix: "没有可自动修复的问题。",
    undone: "已撤销上一次修改", title: "标题", elements: "公文要素", headings: "标题层级",
    noHeadings: "未识别到标题层级。", attachment: "附件", entry: "篇", opened: "已打开 {name}（{enc}）",
    diffSummary: "共修改 {n} 处", before: "原文", after: "修改后", ruleDoc: "规则说明",
    errorPrefix: "出错：", downloadName: "修改稿",
  },
  en: {
    brand: "gangmu · document structure checker", local: "Runs on this machine · nothing uploaded or kept",
    rules: "Rules", open: "Open file", check: "Check", fixAll: "Apply safe fixes", undo: "Undo",
    download: "Download", outline: "Structure", outlineEmpty: "The title, elements and headings appear here after a check.",
    draft: "Draft", tabView: "Review", tabEdit: "Edit", findings: "Findings", all: "All", error: "Errors",
    warning: "Warnings", info: "Notes", findingsEmpty: "Not checked yet.", noFindings: "No findings.",
    diff: "Changes", close: "Close", placeholder: "Paste a draft here, or open a .txt file, then press Check.",
    foot: "Checks structure and punctuation against GB/T 9704—2012 and drafting practice; the draft never leaves this machine.",
    sevError: "Error", sevWarning: "Warning", sevInfo: "Note", fix: "Fix", unsafeFix: "needs review", line: "line {n}", checking: "Checking…",
    checked: "Checked: {e} error(s), {w} warning(s), {i} note(s)", emptyText: "Paste or open a draft first.",
    fixed: "Applied {n} safe fix(es)", fixedOne: "Fixed {rule}", nothingToFix: "Nothing to fix automatically.",
    undone: "Last change undone", title: "Title", elements: "Elements", headings: "Headings",
    noHeadings: "No heading hierarchy found.", attachment: "Attachment", entry: "Document", opened: "Opened {name} ({enc})",
    diffSummary: "{n} changes", before: "Before", after: "After", ruleDoc: "Rule page",
    errorPrefix: "Error: ", downloadName: "fixed",
  },
};

const META_NAMES = {
  copy_number: ["份号", "Copy number"], secrecy: ["密级", "Secrecy"], urgency: ["紧急程度", "Urgency"],
  issuer_mark: ["发文机关标志", "Issuer mark"], doc_number: ["发文字号", "Document number"],
  signer: ["签发人", "Signer"], decree: ["令", "Decree"], addressee: ["主送机关", "Addressee"],
  attachment_note: ["附件说明", "Attachment note"], signature: ["署名", "Signature"],
  date: ["成文日期", "Date"], note: ["附注", "Note"], cc: ["抄送", "Cc"], issued: ["印发", "Issued"],
  field: ["字段", "Field"],
};
const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };

const state = {
  lang: "zh",
  text: "",          // the text the findings and the outline belong to
  findings: [],
  tree: null,
  history: [],       // earlier texts, for undo
  fileName: null,
  filter: "all",
  selected: null,
  lastDiff: null,    // {before, after, edits}
  checking: 0,
};

const $ = (id) => document.getElementById(id);

function t(key, vars) {
  let s = I18N[state.lang][key] ?? I18N.zh[key] ?? key;
  for (const [k, v] of Object.entries(vars || {})) s = s.replace(`{${k}}`, v);
  return s;
}

function setLang(lang) {
  state.lang = lang;
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  $("lang-zh").classList.toggle("on", lang === "zh");
  $("lang-en").classList.toggle("on", lang === "en");
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
  document.title = lang === "zh" ? "纲目 · 公文结构检查" : "gangmu · document checker";
  if (state.fileName) $("doc-name").textContent = state.fileName;
  renderFindings();
  renderOutline();
  renderDiff();
  renderStatusCounts();
}

// ---- offsets: the API gives code points; JavaScript strings index UTF-16 units.

/// UTF-16 index of every code-point offset of `text` (length: code points + 1).
function codePointIndex(text) {
  const idx = [];
  let u = 0;
  for (const ch of text) { idx.push(u); u += ch.length; }
  idx.push(u);
  return idx;
}

/// UTF-16 index of every UTF-8 byte offset that starts a character (for the tree's byte spans).
function byteIndex(text) {
  const map = new Map();
  let b = 0, u = 0;
  for (const ch of text) {
    map.set(b, u);
    const cp = ch.codePointAt(0);
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    u += ch.length;
  }
  map.set(b, u);
  return (off) => map.get(off) ?? u;
}

// ---- API

async function api(path, payload) {
  const res = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(payload),
  });
  return answer(res);
}

async function answer(res) {
  const body = await res.json();
  if (!res.ok) {
    const e = body.error || {};
    throw new Error(state.lang === "zh" ? e.message || res.status : e.message_en || res.status);
  }
  return body;
}

function status(msg, kind) {
  const el = $("status");
  el.textContent = msg;
  el.className = "status" + (kind ? " " + kind : "");
}

function renderStatusCounts() {
  if (!state.tree) return;
  const n = countBySeverity();
  status(t("checked", { e: n.error, w: n.warning, i: n.info }), n.error ? "bad" : n.warning ? "warn" : "ok");
}

function countBySeverity() {
  const n = { error: 0, warning: 0, info: 0 };
  for (const f of state.findings) n[f.severity]++;
  return n;
}

// ---- checking

let pendingCheck = null; // the debounced check while typing

async function check({ show = true } = {}) {
  clearTimeout(pendingCheck);
  const text = $("source").value;
  if (!text.trim()) { status(t("emptyText"), "warn"); return; }
  const ticket = ++state.checking;
  status(t("checking"));
  try {
    const [lint, tree] = await Promise.all([api("/v1/lint", { text }), api("/v1/parse", { text })]);
    if (ticket !== state.checking) return; // a newer check is under way
    state.text = text;
    state.findings = lint.findings;
    state.tree = tree;
    state.selected = null;
    renderAll();
    if (show) setMode("view");
    renderStatusCounts();
  } catch (e) {
    status(t("errorPrefix") + e.message, "bad");
  }
}

function renderAll() {
  renderFindings();
  renderOutline();
  renderView();
  const fixable = state.findings.filter((f) => f.fix && f.fix.safe).length;
  $("fixable-count").textContent = fixable ? `(${fixable})` : "";
  $("fix-all").disabled = fixable === 0;
  $("download").disabled = !state.text;
  $("undo").disabled = state.history.length === 0;
}

function setMode(mode) {
  const view = mode === "view";
  if (view && $("source").value !== state.text) { check(); return; }
  $("view").hidden = !view;
  $("source").hidden = view;
  $("tab-view").setAttribute("aria-selected", String(view));
  $("tab-edit").setAttribute("aria-selected", String(!view));
}

// ---- the annotated text

function renderView() {
  const view = $("view");
  view.textContent = "";
  const text = state.text;
  const cp = codePointIndex(text);
  // Each finding's UTF-16 range; a zero-width finding shows as a caret.
  const ranges = state.findings.map((f, i) => ({
    i, sev: f.severity, start: cp[f.chars.start] ?? text.length, end: cp[f.chars.end] ?? text.length,
  }));
  const lines = [];
  const re = /\r\n|\r|\n/g;
  let at = 0, m;
  while ((m = re.exec(text)) !== null) { lines.push([at, m.index]); at = m.index + m[0].length; }
  lines.push([at, text.length]);
  if (lines.length > 1 && at === text.length) lines.pop();
  // Findings sorted by start, swept across lines.
  const byStart = ranges.slice().sort((a, b) => a.start - b.start);
  let next = 0;
  let open = [];
  const frag = document.createDocumentFragment();
  lines.forEach(([ls, le], k) => {
    const row = document.createElement("div");
    row.className = "ln";
    row.dataset.line = String(k + 1);
    const no = document.createElement("span");
    no.className = "no";
    no.textContent = String(k + 1);
    const tx = document.createElement("span");
    tx.className = "tx";
    while (next < byStart.length && byStart[next].start <= le) open.push(byStart[next++]);
    // Each finding's part of this line; an empty part of a finding that starts
    // here (a zero-width finding, or one on the line break) shows as a caret.
    const carets = [], spans = [];
    for (const r of open) {
      const a = Math.max(ls, r.start), b = Math.min(le, r.end);
      if (b > a) spans.push({ a, b, r });
      else if (r.start >= ls && r.start <= le) carets.push({ a: Math.min(r.start, le), r });
    }
    open = open.filter((r) => r.end > le);
    const cuts = new Set([ls, le]);
    for (const s of spans) { cuts.add(s.a); cuts.add(s.b); }
    for (const c of carets) cuts.add(c.a);
    const points = [...cuts].sort((x, y) => x - y);
    let marked = false;
    for (let p = 0; p < points.length; p++) {
      const a = points[p], b = points[p + 1];
      for (const c of carets) if (c.a === a) { tx.appendChild(caret(c.r)); marked = true; }
      if (b === undefined || b <= a) continue;
      const cover = spans.filter((s) => s.a < b && s.b > a).map((s) => s.r);
      const piece = text.slice(a, b);
      if (cover.length === 0) { tx.appendChild(document.createTextNode(piece)); continue; }
      const mark = document.createElement("mark");
      const worst = cover.reduce((x, y) => (SEVERITY_RANK[y.sev] > SEVERITY_RANK[x.sev] ? y : x));
      mark.className = "f " + worst.sev;
      mark.dataset.f = cover.map((r) => r.i).join(" ");
      mark.dataset.rules = [...new Set(cover.map((r) => state.findings[r.i].rule))].join(" ");
      mark.title = cover.map((r) => `${state.findings[r.i].rule} ${message(state.findings[r.i])}`).join("\n");
      mark.textContent = piece;
      tx.appendChild(mark);
      marked = true;
    }
    if (le === ls && !marked) tx.appendChild(document.createTextNode("\u200b"));
    row.append(no, tx);
    frag.appendChild(row);
  });
  view.appendChild(frag);
}

function caret(r) {
  const c = document.createElement("mark");
  c.className = "f caret " + r.sev;
  c.dataset.f = String(r.i);
  c.dataset.rules = state.findings[r.i].rule;
  c.title = `${state.findings[r.i].rule} ${message(state.findings[r.i])}`;
  c.textContent = "\u200b";
  return c;
}

function message(f) {
  return state.lang === "zh" ? f.message : f.message_en;
}

// ---- findings

function renderFindings() {
  const list = $("findings");
  list.textContent = "";
  const n = countBySeverity();
  $("n-all").textContent = String(state.findings.length);
  for (const s of ["error", "warning", "info"]) $("n-" + s).textContent = String(n[s]);
  for (const chip of document.querySelectorAll("#filters .chip")) chip.classList.toggle("on", chip.dataset.sev === state.filter);
  const empty = $("findings-empty");
  empty.hidden = state.findings.length > 0;
  empty.textContent = state.tree ? t("noFindings") : t("findingsEmpty");
  state.findings.forEach((f, i) => {
    if (state.filter !== "all" && f.severity !== state.filter) return;
    const li = document.createElement("li");
    li.className = "finding " + f.severity + (state.selected === i ? " selected" : "");
    li.dataset.index = String(i);
    li.dataset.rule = f.rule;
    li.dataset.line = String(f.line);
    li.tabIndex = 0;
    const head = document.createElement("div");
    head.className = "f-head";
    const sev = document.createElement("span");
    sev.className = "sev " + f.severity;
    sev.textContent = t("sev" + f.severity[0].toUpperCase() + f.severity.slice(1));
    const rule = document.createElement("a");
    rule.className = "rule";
    rule.href = f.doc;
    rule.target = "_blank";
    rule.rel = "noopener";
    rule.textContent = f.rule;
    rule.title = `${t("ruleDoc")}: ${f.rule} ${f.name}`;
    const where = document.createElement("span");
    where.className = "where";
    where.textContent = t("line", { n: f.line });
    head.append(sev, rule, where);
    const msg = document.createElement("p");
    msg.className = "msg";
    msg.textContent = message(f);
    li.append(head, msg);
    if (f.fix) {
      if (f.fix.safe) {
        const b = document.createElement("button");
        b.type = "button";
        b.className = "btn small fix-one";
        b.textContent = t("fix");
        b.addEventListener("click", (ev) => { ev.stopPropagation(); fixOne(i); });
        head.appendChild(b);
      } else {
        const u = document.createElement("span");
        u.className = "unsafe";
        u.textContent = t("unsafeFix");
        head.appendChild(u);
      }
    }
    li.addEventListener("click", (ev) => { if (ev.target.closest("a")) return; select(i); });
    li.addEventListener("keydown", (ev) => { if (ev.key === "Enter") select(i); });
    list.appendChild(li);
  });
}

function select(i) {
  state.selected = i;
  setMode("view");
  for (const li of document.querySelectorAll(".finding.selected")) li.classList.remove("selected");
  const li = document.querySelector(`.finding[data-index="${i}"]`);
  if (li) li.classList.add("selected");
  for (const m of document.querySelectorAll("mark.active")) m.classList.remove("active");
  const marks = [...document.querySelectorAll("#view mark.f")].filter((m) => m.dataset.f.split(" ").includes(String(i)));
  for (const m of marks) m.classList.add("active");
  const row = document.querySelector(`#view .ln[data-line="${state.findings[i].line}"]`);
  const target = marks[0] || row;
  if (target) target.scrollIntoView({ block: "center", behavior: "smooth" });
  if (row) { row.classList.remove("flash"); void row.offsetWidth; row.classList.add("flash"); }
}

function jumpToLine(line) {
  setMode("view");
  const row = document.querySelector(`#view .ln[data-line="${line}"]`);
  if (!row) return;
  row.scrollIntoView({ block: "center", behavior: "smooth" });
  row.classList.remove("flash"); void row.offsetWidth; row.classList.add("flash");
}

// ---- fixes

function applyEdits(text, edits) {
  // Edits in code points, sorted, not overlapping.
  const cp = codePointIndex(text);
  let out = "", at = 0;
  for (const e of edits.slice().sort((a, b) => a.chars.start - b.chars.start)) {
    out += text.slice(at, cp[e.chars.start]) + e.replacement;
    at = cp[e.chars.end];
  }
  return out + text.slice(at);
}

async function fixOne(i) {
  const f = state.findings[i];
  if (!f || !f.fix || !f.fix.safe) return;
  const before = state.text;
  const after = applyEdits(before, f.fix.edits);
  commit(before, after, f.fix.edits.map((e) => ({ ...e, original: before.slice(codePointIndex(before)[e.chars.start], codePointIndex(before)[e.chars.end]), rules: [f.rule] })));
  await check();
  status(t("fixedOne", { rule: f.rule }), "ok");
}

async function fixAll() {
  const before = $("source").value;
  try {
    const res = await api("/v1/fix", { text: before });
    if (!res.changed) { status(t("nothingToFix"), "ok"); return; }
    commit(before, res.text, res.edits);
    await check();
    status(t("fixed", { n: res.edits.length }), "ok");
  } catch (e) {
    status(t("errorPrefix") + e.message, "bad");
  }
}

function commit(before, after, edits) {
  state.history.push(before);
  $("source").value = after;
  state.lastDiff = { before, after, edits };
  renderDiff();
}

async function undo() {
  const prev = state.history.pop();
  if (prev === undefined) return;
  $("source").value = prev;
  state.lastDiff = null;
  renderDiff();
  await check();
  status(t("undone"), "ok");
}

function renderDiff() {
  const box = $("diff-box");
  const d = state.lastDiff;
  box.hidden = !d;
  if (!d) return;
  $("diff-summary").textContent = t("diffSummary", { n: d.edits.length });
  const out = $("diff");
  out.textContent = "";
  // The changed lines, before and after, with the changed characters marked.
  const beforeLines = d.before.split(/\r\n|\r|\n/);
  const afterLines = d.after.split(/\r\n|\r|\n/);
  const lcs = lineDiff(beforeLines, afterLines);
  for (const op of lcs) {
    if (op.kind === "same") continue;
    const row = document.createElement("div");
    row.className = "d-row " + op.kind;
    const no = document.createElement("span");
    no.className = "no";
    no.textContent = op.kind === "del" ? String(op.a + 1) : String(op.b + 1);
    const sign = document.createElement("span");
    sign.className = "sign";
    sign.textContent = op.kind === "del" ? "−" : "+";
    const tx = document.createElement("span");
    tx.className = "tx";
    const line = op.kind === "del" ? beforeLines[op.a] : afterLines[op.b];
    const other = op.pair === undefined ? null : op.kind === "del" ? afterLines[op.pair] : beforeLines[op.pair];
    markChars(tx, line, other, op.kind);
    row.append(no, sign, tx);
    out.appendChild(row);
  }
}

/// Line diff (LCS, with a cap for very long texts: past it, changed lines pair by position).
function lineDiff(a, b) {
  let s = 0;
  while (s < a.length && s < b.length && a[s] === b[s]) s++;
  let ea = a.length, eb = b.length;
  while (ea > s && eb > s && a[ea - 1] === b[eb - 1]) { ea--; eb--; }
  const A = a.slice(s, ea), B = b.slice(s, eb);
  const ops = [];
  if (A.length * B.length > 4e6) {
    for (let k = 0; k < Math.max(A.length, B.length); k++) {
      if (k < A.length && k < B.length && A[k] === B[k]) continue;
      if (k < A.length) ops.push({ kind: "del", a: s + k, pair: k < B.length ? s + k : undefined });
      if (k < B.length) ops.push({ kind: "add", b: s + k, pair: k < A.length ? s + k : undefined });
    }
    return ops;
  }
  const L = Array.from({ length: A.length + 1 }, () => new Uint32Array(B.length + 1));
  for (let i = A.length - 1; i >= 0; i--) for (let j = B.length - 1; j >= 0; j--)
    L[i][j] = A[i] === B[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  let i = 0, j = 0;
  const dels = [], adds = [];
  const flush = () => {
    dels.forEach((x, k) => ops.push({ kind: "del", a: x, pair: adds[k] }));
    adds.forEach((y, k) => ops.push({ kind: "add", b: y, pair: dels[k] }));
    dels.length = 0; adds.length = 0;
  };
  while (i < A.length || j < B.length) {
    if (i < A.length && j < B.length && A[i] === B[j]) { flush(); i++; j++; }
    else if (j < B.length && (i >= A.length || L[i][j + 1] >= L[i + 1][j])) adds.push(s + j++);
    else dels.push(s + i++);
  }
  flush();
  return ops;
}

function markChars(el, line, other, kind) {
  if (other === null) { el.textContent = line; return; }
  const x = [...line], y = [...other];
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let q = 0;
  while (q < x.length - p && q < y.length - p && x[x.length - 1 - q] === y[y.length - 1 - q]) q++;
  el.append(document.createTextNode(x.slice(0, p).join("")));
  const m = document.createElement(kind === "del" ? "del" : "ins");
  m.textContent = x.slice(p, x.length - q).join("");
  el.append(m, document.createTextNode(x.slice(x.length - q).join("")));
}

// ---- outline

function renderOutline() {
  const box = $("outline");
  box.textContent = "";
  if (!state.tree) {
    const p = document.createElement("p");
    p.className = "empty";
    p.textContent = t("outlineEmpty");
    box.appendChild(p);
    return;
  }
  const text = state.text;
  const u = byteIndex(text);
  const lineOf = lineFinder(text);
  const slice = (span) => text.slice(u(span.start), u(span.end));
  const metas = [];
  const titles = [];
  let headingCount = 0;
  const build = (nodes, parent) => {
    for (const n of nodes) {
      if (n.type === "title") titles.push(n);
      else if (n.type === "meta") metas.push(n);
      else if (n.type === "section" || n.type === "attachment" || n.type === "entry") {
        // A section's label is its heading; an attachment's or a collection
        // entry's (one document of a page holding several) is its title.
        const heading = n.type === "section" ? n.children.find((c) => c.type === "heading") : null;
        const ownTitle = n.type === "section" ? null : n.children.find((c) => c.type === "title");
        const details = document.createElement("details");
        details.open = true;
        details.className = n.type === "section" ? "sec depth-" + n.depth : "sec " + n.type;
        const summary = document.createElement("summary");
        const label = document.createElement("span");
        label.className = "h";
        if (heading) {
          headingCount++;
          const marker = heading.marker ? heading.marker.text : "";
          label.textContent = (marker + slice(heading.title)).trim() || slice(heading.span).trim();
          summary.dataset.line = String(lineOf(u(heading.span.start)));
        } else {
          headingCount++;
          const kind = t(n.type === "entry" ? "entry" : "attachment");
          label.textContent = ownTitle ? `${kind} · ${ownTitle.text}` : kind;
          summary.dataset.line = String(lineOf(u(n.span.start)));
        }
        summary.appendChild(label);
        summary.addEventListener("click", (ev) => {
          if (ev.target === summary || ev.target === label) { ev.preventDefault(); jumpToLine(summary.dataset.line); }
        });
        const toggle = document.createElement("button");
        toggle.type = "button";
        toggle.className = "tog";
        toggle.setAttribute("aria-label", "toggle");
        toggle.addEventListener("click", (ev) => { ev.preventDefault(); details.open = !details.open; });
        summary.prepend(toggle);
        details.appendChild(summary);
        const containers = ["section", "attachment", "entry"];
        const inner = n.children.filter((c) => containers.includes(c.type) || c.type === "title" || c.type === "meta");
        if (inner.some((c) => containers.includes(c.type))) build(inner, details);
        else details.classList.add("leaf");
        parent.appendChild(details);
      }
    }
  };
  const tree = document.createElement("div");
  tree.className = "tree";
  build(state.tree.children, tree);
  const section = (key, content) => {
    const h = document.createElement("h3");
    h.textContent = t(key);
    box.append(h, content);
  };
  if (titles.length) {
    const p = document.createElement("p");
    p.className = "doc-title";
    p.textContent = titles[0].text;
    p.dataset.line = String(lineOf(u(titles[0].span.start)));
    p.addEventListener("click", () => jumpToLine(p.dataset.line));
    section("title", p);
  }
  if (metas.length) {
    const ul = document.createElement("ul");
    ul.className = "metas";
    for (const m of metas) {
      const li = document.createElement("li");
      const k = document.createElement("span");
      k.className = "k";
      k.textContent = (META_NAMES[m.kind] || [m.kind, m.kind])[state.lang === "zh" ? 0 : 1];
      const v = document.createElement("span");
      v.className = "v";
      v.textContent = m.text;
      li.append(k, v);
      li.dataset.line = String(lineOf(u(m.span.start)));
      li.addEventListener("click", () => jumpToLine(li.dataset.line));
      ul.appendChild(li);
    }
    section("elements", ul);
  }
  if (headingCount) section("headings", tree);
  else {
    const p = document.createElement("p");
    p.className = "empty";
    p.textContent = t("noHeadings");
    section("headings", p);
  }
}

function lineFinder(text) {
  const starts = [0];
  const re = /\r\n|\r|\n/g;
  let m;
  while ((m = re.exec(text)) !== null) starts.push(m.index + m[0].length);
  return (u16) => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= u16) lo = mid; else hi = mid - 1; }
    return lo + 1;
  };
}

// ---- files

async function openFile(file) {
  try {
    const res = await fetch("/v1/text", {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: await file.arrayBuffer(),
    });
    const body = await answer(res);
    $("source").value = body.text;
    state.fileName = file.name;
    state.history = [];
    state.lastDiff = null;
    $("doc-name").textContent = file.name;
    renderDiff();
    await check();
    status(t("opened", { name: file.name, enc: body.encoding }), "ok");
  } catch (e) {
    status(t("errorPrefix") + e.message, "bad");
  }
}

function download() {
  const text = $("source").value;
  const blob = new Blob([text], { type: "text/plain;charset=utf-8" });
  const a = document.createElement("a");
  const base = (state.fileName || (state.lang === "zh" ? "文稿" : "draft")).replace(/\.(txt|text|md)$/i, "");
  a.download = `${base}-${t("downloadName")}.txt`;
  a.href = URL.createObjectURL(blob);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// ---- wiring

document.addEventListener("DOMContentLoaded", () => {
  $("check").addEventListener("click", () => check());
  $("fix-all").addEventListener("click", fixAll);
  $("undo").addEventListener("click", undo);
  $("download").addEventListener("click", download);
  $("diff-close").addEventListener("click", () => { state.lastDiff = null; renderDiff(); });
  $("tab-view").addEventListener("click", () => setMode("view"));
  $("tab-edit").addEventListener("click", () => setMode("edit"));
  $("lang-zh").addEventListener("click", () => setLang("zh"));
  $("lang-en").addEventListener("click", () => setLang("en"));
  $("open-file").addEventListener("change", (ev) => {
    const f = ev.target.files && ev.target.files[0];
    if (f) openFile(f);
    ev.target.value = "";
  });
  $("source").addEventListener("paste", () => setTimeout(() => check(), 0));
  $("source").addEventListener("input", () => {
    clearTimeout(pendingCheck);
    pendingCheck = setTimeout(() => {
      const text = $("source").value;
      if (text.trim() && text !== state.text) check({ show: false });
    }, 700);
  });
  $("view").addEventListener("click", (ev) => {
    const m = ev.target.closest("mark.f");
    if (m) select(Number(m.dataset.f.split(" ")[0]));
  });
  $("view").addEventListener("dblclick", () => setMode("edit"));
  $("filters").addEventListener("click", (ev) => {
    const chip = ev.target.closest(".chip");
    if (!chip) return;
    state.filter = chip.dataset.sev;
    renderFindings();
  });
  const drop = $("source");
  drop.addEventListener("dragover", (ev) => ev.preventDefault());
  drop.addEventListener("drop", (ev) => {
    const f = ev.dataTransfer && ev.dataTransfer.files[0];
    if (f) { ev.preventDefault(); openFile(f); }
  });
  setLang(location.hash === "#en" ? "en" : "zh");
});
