// sütun review page: the same replay as sutun.edits.apply_edits, on code points.
"use strict";

function pieces(text, edits) {
  const cps = Array.from(text);
  const n = cps.length;
  const replaces = edits.filter((e) => e.after === undefined || e.after === null)
    .slice().sort((a, b) => a.start - b.start || a.end - b.end);
  const moves = edits.filter((e) => e.after !== undefined && e.after !== null);
  const cuts = new Set([0, n]);
  for (const e of edits) {
    cuts.add(e.start); cuts.add(e.end);
    if (e.after !== undefined && e.after !== null) cuts.add(e.after);
  }
  const bounds = Array.from(cuts).sort((a, b) => a - b);
  const inserts = new Map();
  for (const e of replaces) if (e.start === e.end) inserts.set(e.start, e);
  let ps = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i], b = bounds[i + 1];
    if (inserts.has(a)) { ps.push([a, a, inserts.get(a).replacement]); inserts.delete(a); }
    ps.push([a, b, cps.slice(a, b).join("")]);
  }
  for (const [pos, e] of inserts) ps.push([pos, pos, e.replacement]);
  const index = new Map();
  ps.forEach((p, k) => { if (p[0] !== p[1] && !index.has(p[0])) index.set(p[0], k); });
  for (const e of replaces) {
    if (e.start === e.end) continue;
    let first = true;
    for (let k = index.get(e.start); k < ps.length; k++) {
      const p = ps[k];
      if (p[0] >= e.end) break;
      if (p[0] !== p[1]) { p[2] = first ? e.replacement : ""; first = false; }
    }
  }
  for (const m of moves) {
    const inside = ps.filter((p) => m.start <= p[0] && p[1] <= m.end && !(p[0] === p[1] && p[1] === m.end));
    if (!inside.length) continue;
    const moving = new Set(inside);
    const rest = ps.filter((p) => !moving.has(p));
    let anchor = -1;
    rest.forEach((p, k) => { if (p[1] === m.after && p[0] !== p[1]) anchor = k; });
    const k = m.after === 0 ? 0 : anchor < 0 ? rest.length : anchor + 1;
    ps = rest.slice(0, k).concat(inside, rest.slice(k));
  }
  return ps;
}

function applyEdits(text, edits) {
  return pieces(text, edits).map((p) => p[2]).join("");
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v; else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function describe(e) {
  const ev = Object.entries(e.evidence || {})
    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : v}`).join("\n");
  return `${e.kind} (${e.step}, confidence ${Number(e.confidence).toFixed(2)})\n${ev}`;
}

function byStart(list) {
  const map = new Map();
  for (const item of list) {
    if (!map.has(item[0])) map.set(item[0], []);
    map.get(item[0]).push(item);
  }
  return map;
}

function renderInput(doc, pane) {
  // One sweep over the cut points: replacements are disjoint, and so are moved blocks.
  const cps = Array.from(doc.input);
  const isMove = (e) => e.after !== undefined && e.after !== null;
  const marks = [], moves = [];
  doc.edits.forEach((e, i) => (isMove(e) ? moves : marks).push([e.start, e.end, i]));
  const cuts = new Set([0, cps.length]);
  for (const [s, e] of marks.concat(moves)) { cuts.add(s); cuts.add(e); }
  const bounds = Array.from(cuts).sort((a, b) => a - b);
  const spans = marks.filter(([s, e]) => s < e).sort((a, b) => a[0] - b[0]);
  const blocks = moves.slice().sort((a, b) => a[0] - b[0]);
  const insertsAt = byStart(marks.filter(([s, e]) => s === e));
  const movesAt = byStart(moves);
  const moveNumber = new Map(moves.map(([, , i], k) => [i, k + 1]));
  const frag = document.createDocumentFragment();
  let m = 0, v = 0;
  for (let b = 0; b < bounds.length; b++) {
    const at = bounds[b];
    for (const [, , i] of movesAt.get(at) || []) {
      frag.append(el("span", { class: "badge", "data-edit": String(i), title: describe(doc.edits[i]) },
        `⇄${moveNumber.get(i)}`));
    }
    for (const [, , i] of insertsAt.get(at) || []) {
      frag.append(el("mark", { class: `k-${doc.edits[i].kind} insert`, "data-edit": String(i), title: describe(doc.edits[i]) }, "‸"));
    }
    if (b + 1 === bounds.length) break;
    const next = bounds[b + 1];
    while (m < spans.length && spans[m][1] <= at) m++;
    while (v < blocks.length && blocks[v][1] <= at) v++;
    const mark = m < spans.length && spans[m][0] <= at && next <= spans[m][1] ? spans[m] : null;
    const moved = v < blocks.length && blocks[v][0] <= at && next <= blocks[v][1];
    const piece = cps.slice(at, next).join("");
    let node;
    if (mark) {
      node = el("mark", { class: `k-${doc.edits[mark[2]].kind}`, title: describe(doc.edits[mark[2]]) }, piece);
      if (mark[0] === at) node.setAttribute("data-edit", String(mark[2]));
    } else node = document.createTextNode(piece);
    frag.append(moved ? el("span", { class: "moved" }, node) : node);
  }
  pane.replaceChildren(frag);
}

function renderDoc(doc, k) {
  const accepted = doc.edits.map(() => true);
  const output = el("pre", { class: "text", id: `out-${k}`, "aria-live": "polite" });
  const input = el("pre", { class: "text", id: `in-${k}` });
  const list = el("ol", { class: "edits" });
  const update = () => {
    const kept = doc.edits.filter((_, i) => accepted[i]);
    output.textContent = applyEdits(doc.input, kept);
  };
  const cps = Array.from(doc.input);
  doc.edits.forEach((e, i) => {
    const box = el("input", { type: "checkbox", id: `e-${k}-${i}`, "data-edit": String(i) });
    box.checked = true;
    box.addEventListener("change", () => { accepted[i] = box.checked; update(); });
    const from = cps.slice(e.start, e.end).join("");
    const what = e.after !== undefined && e.after !== null
      ? `block moved after offset ${e.after}` : `${JSON.stringify(from)} → ${JSON.stringify(e.replacement)}`;
    list.append(el("li", { class: `k-${e.kind}`, title: describe(e) },
      box, el("label", { for: `e-${k}-${i}` }, ` ${e.kind} `, el("small", {}, Number(e.confidence).toFixed(2)), ` ${what}`)));
  });
  const download = el("button", { type: "button", id: `download-${k}` }, "Download the text");
  download.addEventListener("click", () => {
    const blob = new Blob([output.textContent], { type: "text/plain;charset=utf-8" });
    const a = el("a", { href: URL.createObjectURL(blob), download: `${doc.name || "document"}.repaired.txt` });
    document.body.append(a); a.click(); a.remove();
  });
  renderInput(doc, input);
  update();
  return el("section", { class: "doc", "aria-label": doc.name },
    el("h2", {}, doc.name, " ", el("small", {}, `${doc.edits.length} edits`)),
    el("div", { class: "panes" },
      el("div", {}, el("h3", {}, "Input"), input),
      el("div", {}, el("h3", {}, "Output"), output)),
    el("details", { open: "" }, el("summary", {}, "Edits"), list),
    download);
}

const docs = JSON.parse(document.getElementById("sutun-data").textContent);
const root = document.getElementById("docs");
docs.forEach((d, k) => root.append(renderDoc(d, k)));
window.sutunApplyEdits = applyEdits;
window.sutunReady = true;
