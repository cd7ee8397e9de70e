// The web page: talks to the /v1 API with fetch and renders answers from their fields (status, understood,
// headline, figures, citations, options, suggestions, notes); it never parses an answer's `text`.
"use strict";

const WORDS = {
  answered: { "zh-Hant": "✓ 已回答", "zh-Hans": "✓ 已回答", en: "✓ Answered" },
  derived: { "zh-Hant": "✓ 推算", "zh-Hans": "✓ 推算", en: "✓ Derived" },
  clarify: { "zh-Hant": "? 請選擇", "zh-Hans": "? 请选择", en: "? Which one?" },
  no_answer: { "zh-Hant": "∅ 不在事實庫中", "zh-Hans": "∅ 不在事实库中", en: "∅ Not in the fact base" },
  paragraph: { "zh-Hant": "第{n}段", "zh-Hans": "第{n}段", en: "Paragraph {n}" },
  outlet: { "zh-Hant": "出處", "zh-Hans": "出处", en: "Outlet" },
  suggestions: { "zh-Hant": "可以試試:", "zh-Hans": "可以试试:", en: "You could ask:" },
  facts: { "zh-Hant": "{n} 條事實", "zh-Hans": "{n} 条事实", en: "{n} facts" },
};
const state = { pack: null, conversation: null, examples: {}, language: "zh-Hant",
  key: sessionStorage.getItem("assistant-key") };
const $ = (id) => document.getElementById(id);

function word(key, language, fields = {}) {
  const table = WORDS[key];
  const text = table[language] || table.en;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(fields[name]));
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

async function api(method, path, body) {
  const headers = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (state.key) headers.authorization = `Bearer ${state.key}`;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.status === 401) $("key-box").hidden = false;
  if (!response.ok) throw new ApiError(response.status, (data && data.detail) || response.statusText);
  return data;
}

// -- answers ------------------------------------------------------------------------------------

function emphasise(text, figures) {
  // The answer's figures (as written in it) in bold: the earliest, then the longest, match first.
  const fragment = document.createDocumentFragment();
  const wanted = [...new Set(figures.filter(Boolean))].sort((a, b) => b.length - a.length);
  let rest = text;
  while (rest) {
    let at = -1, figure = "";
    for (const candidate of wanted) {
      const index = rest.indexOf(candidate);
      if (index >= 0 && (at < 0 || index < at)) { at = index; figure = candidate; }
    }
    if (at < 0) { fragment.append(rest); break; }
    fragment.append(rest.slice(0, at), el("strong", {}, figure));
    rest = rest.slice(at + figure.length);
  }
  return fragment;
}

function choices(className, questions, caption) {
  const box = el("div", { class: `buttons ${className}` });
  if (caption) box.append(el("span", { class: "muted" }, caption));
  for (const question of questions) {
    const button = el("button", { type: "button" }, question);
    button.addEventListener("click", () => ask(question));
    box.append(button);
  }
  return box;
}

function renderAnswer(answer) {
  const language = answer.language;
  state.language = language;
  const card = el("article", { class: `answer ${answer.status}`, "data-status": answer.status });
  const caption = answer.status === "answered" && answer.derivation ? "derived" : answer.status;
  card.append(el("div", { class: "status" }, word(caption, language)));
  if (answer.understood) card.append(el("p", { class: "understood" }, answer.understood));
  const optionLines = (line) => answer.options.some((option) => line.trim().endsWith(option));
  for (const line of answer.headline.split("\n")) {
    if (!line.trim() || (answer.status === "clarify" && optionLines(line))) continue;  // shown as buttons below
    card.append(el("p", { class: "headline" }, emphasise(line, answer.figures)));
  }
  if (answer.citations.length) {
    const list = el("ol", { class: "citations" });
    for (const citation of answer.citations) {
      const where = citation.paragraph ? word("paragraph", language, { n: citation.paragraph }) : word("outlet", language);
      const button = el("button", { type: "button", class: "cite" }, where);
      button.addEventListener("click", () => showParagraph(citation));
      list.append(el("li", {}, button, ` 「${citation.quote}」`));
    }
    card.append(list);
  }
  if (answer.options.length) card.append(choices("options", answer.options));
  else if (answer.status !== "answered" && answer.suggestions.length) {
    card.append(choices("suggestions", answer.suggestions, word("suggestions", language)));
  }
  if (answer.notes.length) card.append(el("ul", { class: "notes" }, ...answer.notes.map((n) => el("li", {}, n))));
  $("conversation").append(card);
  card.scrollIntoView({ block: "nearest" });
  if (answer.citations.length) showParagraph(answer.citations[0]);
}

async function inConversation(question, language, again = true) {
  if (!state.conversation) state.conversation = (await api("POST", "/v1/conversations", { pack: state.pack })).id;
  const path = `/v1/conversations/${encodeURIComponent(state.conversation)}/ask`;
  try {
    return await api("POST", path, { question, language });
  } catch (error) {
    if (error.status !== 404 || !again) throw error;
    state.conversation = null;  // expired on the server: start again with this question
    return inConversation(question, language, false);
  }
}

async function ask(question) {
  question = question.trim();
  if (!question) return;
  const form = $("ask-form");
  const error = $("error");
  error.hidden = true;
  form.querySelectorAll("button, textarea").forEach((node) => { node.disabled = true; });
  $("conversation").append(el("p", { class: "question" }, question));
  try {
    renderAnswer(await inConversation(question, $("language").value || null));
    $("question").value = "";
  } catch (failure) {
    error.textContent = failure.message;
    error.hidden = false;
  } finally {
    form.querySelectorAll("button, textarea").forEach((node) => { node.disabled = false; });
    $("question").focus();
  }
}

async function newConversation() {
  const previous = state.conversation;
  state.conversation = null;
  $("conversation").replaceChildren();
  if (previous) await api("DELETE", `/v1/conversations/${encodeURIComponent(previous)}`).catch(() => null);
}

// -- sources and facts --------------------------------------------------------------------------

async function showParagraph(citation) {
  const pack = encodeURIComponent(state.pack || "");
  const path = `/v1/sources/${encodeURIComponent(citation.source)}/paragraphs/${citation.paragraph}?pack=${pack}`;
  const box = $("source");
  try {
    const paragraph = await api("GET", path);
    const text = el("p", { class: "paragraph" });
    const at = citation.quote ? paragraph.text.indexOf(citation.quote) : -1;
    if (at >= 0) {
      const end = at + citation.quote.length;
      text.append(paragraph.text.slice(0, at), el("mark", {}, citation.quote), paragraph.text.slice(end));
    } else {
      text.append(paragraph.text);
    }
    const number = paragraph.paragraph;
    const where = `${paragraph.title} · ${number ? word("paragraph", state.language, { n: number }) : word("outlet", state.language)}`;
    box.replaceChildren(el("p", { class: "where" }, where), text);
  } catch (failure) {
    box.replaceChildren(el("p", { class: "error" }, failure.message));
  }
}

function pick(localized, language) {
  if (!localized) return "";
  if (language === "en") return localized.en;
  return (language === "zh-Hans" && localized["zh-Hans"]) || localized["zh-Hant"];
}

async function loadFacts() {
  const search = $("fact-search").value.trim();
  const query = new URLSearchParams({ limit: "100", pack: state.pack || "" });
  if (search) query.set("search", search);
  try {
    const page = await api("GET", `/v1/facts?${query}`);
    const language = $("language").value || "zh-Hant";
    $("fact-count").textContent = word("facts", language, { n: page.total });
    $("facts").replaceChildren(...page.facts.map((fact) => factItem(fact, language)));
  } catch (failure) {
    $("fact-count").textContent = failure.message;
  }
}

function factItem(fact, language) {
  const what = pick(fact.label, language) || pick(fact.statement, language) || fact.id;
  const value = fact.written || (fact.statement ? "" : String(fact.value ?? ""));
  const meta = [fact.period || fact.when, word("paragraph", language, { n: fact.paragraph })].filter(Boolean).join(" · ");
  const item = el("li", { tabindex: "0" }, el("span", {}, what), " ", el("span", { class: "value" }, value),
    el("div", { class: "meta" }, meta));
  const show = () => showParagraph({ source: fact.source, paragraph: fact.paragraph, quote: fact.quote });
  item.addEventListener("click", show);
  item.addEventListener("keydown", (event) => { if (event.key === "Enter") show(); });
  return item;
}

// -- the pack and its examples ------------------------------------------------------------------

function renderExamples() {
  const language = $("language").value;
  const lists = language ? [state.examples[language] || []] : ["zh-Hant", "zh-Hans", "en"].map((l) => state.examples[l] || []);
  const shown = [];
  for (let i = 0; shown.length < 6 && lists.some((list) => i < list.length); i++) {
    for (const list of lists) if (i < list.length && shown.length < 6) shown.push(list[i]);
  }
  $("examples").replaceChildren(choices("examples", shown));
}

async function loadPack() {
  const packs = await api("GET", "/v1/packs");
  const pack = packs.find((p) => p.default) || packs[0];
  state.pack = pack.name;
  state.examples = pack.examples;
  $("pack-title").textContent = pack.sources.map((s) => `${s.outlet}:${s.title["zh-Hant"]}`).join(" · ");
  renderExamples();
  await loadFacts();
}

function start() {
  let timer = null;
  $("ask-form").addEventListener("submit", (event) => { event.preventDefault(); ask($("question").value); });
  $("question").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) { event.preventDefault(); ask($("question").value); }
  });
  $("new-conversation").addEventListener("click", newConversation);
  $("language").addEventListener("change", () => { renderExamples(); loadFacts(); });
  $("fact-search").addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(loadFacts, 250); });
  $("save-key").addEventListener("click", () => {
    state.key = $("api-key").value.trim();
    sessionStorage.setItem("assistant-key", state.key);
    $("key-box").hidden = true;
    loadPack().catch((failure) => { $("error").textContent = failure.message; $("error").hidden = false; });
  });
  loadPack().catch((failure) => { $("error").textContent = failure.message; $("error").hidden = false; });
}

document.addEventListener("DOMContentLoaded", start);
