// The adviser's page: CV text → skill chips → person → transitions → gap and route → print.
// Plain DOM code, no framework; every value from the server is set as text, never as HTML.

import { type Advice, type Hit, type Mention, type Named, type Requirement, type SkillMatch, type Transition, post, suggest2 } from "./api";
import { $, el, svg } from "./dom";
import { I18N, type Lang } from "./i18n";

/** A skill the person holds, as the chips show it. */
interface Skill {
  id: string;
  label: string;
  evidence: string;
  level: number | null;
  found: string | null;
}

/** A qualification the person holds. */
interface Qual {
  id: string;
  label: string;
}

const state = {
  lang: "nl" as Lang,
  skills: [] as Skill[],
  quals: [] as Qual[],
  transitions: [] as Transition[],
  advice: null as Advice | null,
  options: new Map<string, Qual>(),
};
const EVIDENCE = ["work_experience", "diploma", "mbo_certificate", "microcredential", "self_declared"];

function t(key: string, vars?: Record<string, string | number>): string {
  const table = I18N[state.lang] as Record<string, string>;
  let s = table[key] || (I18N.nl as Record<string, string>)[key] || key;
  for (const [k, v] of Object.entries(vars || {})) s = s.replace("{" + k + "}", String(v));
  return s;
}
function label(named: Named): string { return state.lang === "en" ? (named.label_en || named.label) : named.label; }
const pct = (x: number): string => Math.round(x * 100) + "%";
const money = (x: number): string => x.toFixed(2);
function status(msg?: string): void { $("status").textContent = msg || ""; }
function message(e: unknown): string { return e instanceof Error ? e.message : String(e); }
const input = (id: string): HTMLInputElement => $<HTMLInputElement>(id);

// --- language -------------------------------------------------------------------------------
function applyLang(lang: Lang): void {
  state.lang = lang;
  document.documentElement.lang = lang;
  $("lang-nl").setAttribute("aria-pressed", String(lang === "nl"));
  $("lang-en").setAttribute("aria-pressed", String(lang === "en"));
  document.querySelectorAll<HTMLElement>("[data-i18n]").forEach((n) => { n.textContent = t(n.dataset.i18n || ""); });
  document.querySelectorAll<HTMLInputElement>("[data-i18n-placeholder]").forEach((n) => { n.placeholder = t(n.dataset.i18nPlaceholder || ""); });
  document.title = t("title");
  fillNlqf();
  renderChips();
  renderQuals();
  renderTransitions();
  renderAdvice();
}
function fillNlqf(): void {
  const sel = $<HTMLSelectElement>("nlqf"); const keep = sel.value || "2";
  sel.textContent = "";
  sel.append(el("option", { value: "0", text: t("none") }));
  for (let i = 1; i <= 8; i++) sel.append(el("option", { value: String(i), text: "NLQF " + i }));
  sel.value = keep;
}

// --- skills ---------------------------------------------------------------------------------
function addSkill(s: Partial<Skill> & { id: string; label: string }): boolean {
  if (state.skills.some((x) => x.id === s.id)) return false;
  state.skills.push(Object.assign({ evidence: "self_declared", level: null, found: null }, s));
  return true;
}
function renderChips(): void {
  const ul = $("chips"); ul.textContent = "";
  $("no-chips").hidden = state.skills.length > 0;
  state.skills.forEach((s, i) => {
    const ev = el("select", { "aria-label": t("evidence") + ": " + s.label });
    for (const e of EVIDENCE) ev.append(el("option", { value: e, text: t("ev_" + e) }));
    ev.value = s.evidence;
    ev.addEventListener("change", () => { s.evidence = ev.value; });
    const lv = el("select", { "aria-label": t("level") + ": " + s.label });
    lv.append(el("option", { value: "", text: t("level") + ": " + t("noLevel") }));
    for (let l = 1; l <= 5; l++) lv.append(el("option", { value: String(l), text: t("level") + " " + l }));
    lv.value = s.level == null ? "" : String(s.level);
    lv.addEventListener("change", () => { s.level = lv.value ? Number(lv.value) : null; });
    const rm = el("button", { type: "button", class: "remove", "aria-label": t("remove") + ": " + s.label, text: "×" });
    rm.addEventListener("click", () => { state.skills.splice(i, 1); renderChips(); input("skill-input").focus(); });
    const found = s.found ? el("span", { class: "evidence", text: t("found") + " “" + s.found + "”" }) : null;
    ul.append(el("li", { class: "chip", "data-id": s.id }, el("span", { class: "name", text: s.label }), found, ev, lv, rm));
  });
}
async function extract(): Promise<void> {
  const text = $<HTMLTextAreaElement>("cv").value;
  if (!text.trim()) return;
  status(t("busy"));
  try {
    const mentions = await post<Mention[]>("/extract", { text });
    let n = 0;
    for (const m of mentions) {
      if (m.kind !== "skill" && m.kind !== "knowledge_area") continue;
      if (addSkill({ id: m.id, label: m.label, found: m.text, evidence: "work_experience" })) n++;
    }
    renderChips();
    status(n ? t("extracted", { n }) : t("noneFound"));
  } catch (e) { status(t("error", { m: message(e) })); }
}
// Skills for a typed text: in the page's language first, then in any language.
async function suggestions(text: string, limit: number): Promise<Hit[]> {
  for (const lang of [state.lang, null]) {
    const params: Record<string, string> = { text, type: "skill", limit: String(limit) };
    if (lang) params.language = lang;
    const hits = await suggest2(params);
    if (hits.length) return hits;
  }
  return [];
}
let suggestTimer: ReturnType<typeof setTimeout> | undefined;
function suggest(): void {
  clearTimeout(suggestTimer);
  const text = input("skill-input").value;
  if (text.trim().length < 2) return;
  suggestTimer = setTimeout(async () => {
    try {
      const hits = await suggestions(text, 10);
      const list = $("skill-options"); list.textContent = "";
      for (const hit of hits) {
        state.options.set(hit.title, { id: hit.code, label: hit.title });
        list.append(el("option", { value: hit.title }));
      }
    } catch { /* autocomplete is a help, not a requirement */ }
  }, 150);
}
async function addTyped(): Promise<void> {
  const text = input("skill-input").value.trim();
  if (!text) return;
  let s = state.options.get(text);
  if (!s) {
    const hit = (await suggestions(text, 1))[0];
    if (hit) s = { id: hit.code, label: hit.title };
  }
  if (s) { addSkill(s); renderChips(); input("skill-input").value = ""; status(""); }
  else status(t("noneFound"));
}

// --- qualifications held ---------------------------------------------------------------------
function qualHits(text: string, limit: number): Promise<Hit[]> {
  return suggest2({ text, type: "qualification", limit: String(limit) });
}
let qualTimer: ReturnType<typeof setTimeout> | undefined;
function suggestQual(): void {
  clearTimeout(qualTimer);
  const text = input("qual-input").value;
  if (text.trim().length < 2) return;
  qualTimer = setTimeout(async () => {
    try {
      const list = $("qual-options"); list.textContent = "";
      for (const hit of await qualHits(text, 10)) {
        state.options.set("q:" + hit.title, { id: hit.code, label: hit.title });
        list.append(el("option", { value: hit.title }));
      }
    } catch { /* autocomplete is a help, not a requirement */ }
  }, 150);
}
function renderQuals(): void {
  const ul = $("quals"); ul.textContent = "";
  ul.setAttribute("aria-label", t("qualLabel"));
  state.quals.forEach((q, i) => {
    const rm = el("button", { type: "button", class: "remove", "aria-label": t("remove") + ": " + q.label, text: "×" });
    rm.addEventListener("click", () => { state.quals.splice(i, 1); renderQuals(); input("qual-input").focus(); });
    ul.append(el("li", { class: "chip", "data-id": q.id }, el("span", { class: "name", text: q.label }), rm));
  });
}
async function addQual(): Promise<void> {
  const text = input("qual-input").value.trim();
  if (!text) return;
  let q = state.options.get("q:" + text);
  if (!q) {
    const hit = (await qualHits(text, 1))[0];
    if (hit) q = { id: hit.code, label: hit.title };
  }
  const found = q;
  if (found && !state.quals.some((x) => x.id === found.id)) state.quals.push(found);
  if (found) { renderQuals(); input("qual-input").value = ""; status(""); } else status(t("noneFound"));
}

// --- advice ---------------------------------------------------------------------------------
function request(to: string | null): Record<string, unknown> {
  const profile: Record<string, unknown> = {
    age: Number(input("age").value) || undefined,
    skills: state.skills.map((s) => {
      const o: Record<string, unknown> = { id: s.id, evidence: s.evidence };
      if (s.level) o.level = s.level;
      return o;
    }),
  };
  const nlqf = Number($<HTMLSelectElement>("nlqf").value);
  if (nlqf > 0) profile.nlqf = nlqf;
  if (state.quals.length) profile.qualifications = state.quals.map((q) => q.id);
  const body: Record<string, unknown> = {
    profile, limit: 10, scheme: $<HTMLSelectElement>("scheme").value, shortage_only: input("shortage").checked,
  };
  if (to) body.to = to;
  return body;
}
async function advise(): Promise<void> {
  if (!state.skills.length) { status(t("needSkills")); return; }
  status(t("busy"));
  try {
    const a = await post<Advice>("/advies", request(null));
    state.transitions = a.transitions;
    state.advice = null;
    renderTransitions(); renderAdvice();
    status(t("shown", { n: a.transitions.length }));
    $("h-trans").focus();
  } catch (e) { status(t("error", { m: message(e) })); }
}
async function choose(occ: string): Promise<void> {
  status(t("busy"));
  try {
    state.advice = await post<Advice>("/advies", request(occ));
    renderAdvice();
    status("");
    $("h-advice").focus();
  } catch (e) { status(t("error", { m: message(e) })); }
}
function entry(x: Transition): string {
  if (x.nlqf == null) return t("unknownLevel");
  if (x.nlqf_step != null && x.nlqf_step > 0) return t("stepUp", { n: x.nlqf, s: x.nlqf_step });
  return t("sameLevel", { n: x.nlqf });
}
function requirement(q: Requirement): string {
  const what = q.qualification ? label(q.qualification) : t("minLevel", { n: q.nlqf ?? "" });
  const how = q.granted_on ? " — " + t("grantedOn", { q: label(q.granted_on) }) : "";
  return what + " (" + t("req_" + q.status) + how + ")";
}
function requirements(list?: Requirement[]): string {
  return (list || []).map(requirement).join("; ") || t("noRequirements");
}
function renderTransitions(): void {
  const sec = $("transitions-section");
  sec.hidden = state.transitions.length === 0;
  const ol = $("transitions"); ol.textContent = "";
  state.transitions.forEach((x) => {
    const why = el("dl", {},
      el("dt", { text: t("shared") }), el("dd", { text: x.drivers.map(label).join(", ") || "—" }),
      el("dt", { text: t("toLearn") }), el("dd", { text: x.missing.map(label).join(", ") || "—" }),
      el("dt", { text: t("entry") }), el("dd", { text: entry(x) }),
      el("dt", { text: t("requirements") }), el("dd", { text: requirements(x.requirements) }));
    const btn = el("button", { type: "button", class: "choose", "aria-label": t("choose") + ": " + label(x), text: t("choose") });
    btn.addEventListener("click", () => { void choose(x.occupation); });
    const facts = [t("score") + " " + pct(x.score), t("related") + " " + pct(x.relatedness.score),
      t("reachable") + " " + pct(x.reachability.score), Math.round(x.gap_hours) + " " + t("hours"),
      t("eur") + " " + Math.round(x.cost_eur)].join(" · ");
    ol.append(el("li", { "data-id": x.occupation },
      el("h3", { text: label(x) }, x.shortage ? el("span", { class: "badge", text: t("shortage") }) : null),
      el("p", { class: "facts", text: facts }),
      el("details", {}, el("summary", { text: t("why") }), why), btn));
  });
  drawMap();
  $("h-trans").setAttribute("tabindex", "-1");
}
function drawMap(): void {
  const m = $("map"); m.textContent = "";
  const items = state.transitions.slice(0, 8);
  if (!items.length) return;
  const cx = 320, cy = 150, r = 110;
  items.forEach((x, i) => {
    const a = (2 * Math.PI * i) / items.length - Math.PI / 2;
    const x2 = cx + r * Math.cos(a) * 1.9, y2 = cy + r * Math.sin(a);
    m.append(svg("line", { x1: cx, y1: cy, x2, y2, stroke: x.shortage ? "#8a4b00" : "#1d4f91", "stroke-width": 1 + 8 * x.score }));
    m.append(svg("circle", { cx: x2, cy: y2, r: 6, fill: "#1d4f91" }));
    const tx = svg("text", { x: x2, y: y2 - 10, "text-anchor": "middle", "font-size": "12", fill: "#111" });
    tx.textContent = label(x);
    m.append(tx);
  });
  m.append(svg("circle", { cx, cy, r: 16, fill: "#111" }));
  const me = svg("text", { x: cx, y: cy + 4, "text-anchor": "middle", "font-size": "11", fill: "#fff" });
  me.textContent = state.lang === "en" ? "you" : "u";
  m.append(me);
}
function table(headers: string[], rows: string[][]): HTMLTableElement {
  const tb = el("tbody");
  for (const r of rows) tb.append(el("tr", {}, ...r.map((c) => el("td", { text: c }))));
  return el("table", {}, el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", { scope: "col", text: h })))), tb);
}
function renderAdvice(): void {
  const a = state.advice;
  $("advice-section").hidden = !a;
  const box = $("advice"); box.textContent = "";
  if (!a) return;
  const g = a.gap, r = a.route, e = a.entitlement;
  const ess = (ms: SkillMatch[]): SkillMatch[] => ms.filter((m) => m.importance === "essential");
  const held = ess(g.matched).length, partly = ess(g.partial).length, gone = ess(g.missing).length;
  const total = held + partly + gone || 1;
  const bar = el("div", { class: "bar", role: "img", "aria-label": t("coverage", { c: held, t: total }) },
    el("span", { class: "held", style: "width:" + (100 * held / total) + "%" }),
    el("span", { class: "partly", style: "width:" + (100 * partly / total) + "%" }),
    el("span", { class: "gone", style: "width:" + (100 * gone / total) + "%" }));
  const row = (st: string) => (m: SkillMatch): string[] => [t(st), label(m.skill), t("imp_" + m.importance), m.required_level == null ? "" : String(m.required_level), pct(m.credit)];
  const reqs = r.requirements || [];
  box.append(
    el("h3", { text: t("adviceFor", { occ: label(g.occupation) }) }),
    el("h4", { text: t("gapTitle", { occ: label(g.occupation) }) }),
    el("p", { text: t("coverage", { c: held, t: total }) + " · " + t("score") + " " + pct(g.score) }),
    bar,
    table([t("status"), t("skill"), t("importance"), t("level"), t("credit")],
      [...g.missing.map(row("missing")), ...g.partial.map(row("partial")), ...g.matched.map(row("covered"))]),
    el("h4", { text: t("rightsTitle") }),
    el("p", { text: t("available", { e: money(e.available_eur), h: Math.round(e.available_hours) }) + " · " + t("lifetime", { e: money(e.lifetime_eur) }) }),
    el("h4", { text: t("routeTitle") }),
    table(["#", t("offer"), t("hours"), t("eur"), "NLQF", t("closes")],
      r.steps.map((s, i) => [String(i + 1), label(s.offer), String(Math.round(s.hours)), money(s.cost_eur), s.nlqf == null ? "" : String(s.nlqf), s.covers.map(label).join(", ")])),
    ...(reqs.length ? [el("h4", { text: t("requirements") }),
      table([t("requirement"), t("status")], reqs.map((q) => [q.qualification ? label(q.qualification) : t("minLevel", { n: q.nlqf ?? "" }),
        t("req_" + q.status) + (q.granted_on ? " — " + t("grantedOn", { q: label(q.granted_on) }) : "")]))] : []),
    el("p", { class: "total", text: t("total", { h: Math.round(r.total_hours), c: money(r.total_cost_eur) }) + (r.budget ? " · " + (!r.within_budget ? t("fitsNot") : r.reaches_occupation ? t("fits") : t("fitsNotComplete")) : "") }),
    ...(r.reaches_occupation === false && reqs.some((q) => q.status === "missing")
      ? [el("p", { class: "warning", role: "note", text: t("stillNeeded", { l: reqs.filter((q) => q.status === "missing").map(requirement).join("; ") }) })] : []),
    ...(r.uncovered.length ? [el("p", { text: t("noOffer", { l: r.uncovered.map(label).join(", ") }) })] : []));
  $("h-advice").setAttribute("tabindex", "-1");
}

// --- wiring ---------------------------------------------------------------------------------
const onEnter = (f: () => Promise<void>) => (ev: KeyboardEvent): void => {
  if (ev.key === "Enter") { ev.preventDefault(); void f(); }
};
$("lang-nl").addEventListener("click", () => applyLang("nl"));
$("lang-en").addEventListener("click", () => applyLang("en"));
$("extract").addEventListener("click", () => { void extract(); });
input("skill-input").addEventListener("input", suggest);
input("skill-input").addEventListener("keydown", onEnter(addTyped));
$("add-skill").addEventListener("click", () => { void addTyped(); });
input("qual-input").addEventListener("input", suggestQual);
input("qual-input").addEventListener("keydown", onEnter(addQual));
$("add-qual").addEventListener("click", () => { void addQual(); });
$("advise").addEventListener("click", () => { void advise(); });
$("print").addEventListener("click", () => window.print());
const wanted = new URLSearchParams(location.search).get("lang");
applyLang(wanted === "en" ? "en" : "nl");
