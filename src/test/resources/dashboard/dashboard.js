// The live dashboard: the products of a category from the REST API (same origin), kept current by the feed.
// Address options: ?category=NAME, ?ws=URL (the feed; default: the local tool's, from the page's meta feed-url),
// ?token=JWT (else one from the local development issuer, POST /_local/token, when the tool serves one),
// ?pageSize=N (REST page size), ?highlightSeconds=N (how long a changed row stays highlighted).
import { Feed } from "./feed.js";
import { ProductTable } from "./table.js";

const params = new URLSearchParams(location.search);
const $ = (id) => document.getElementById(id);
const LABELS = { connecting: "connecting…", open: "live", reconnecting: "reconnecting", closed: "stopped" };
const MAX_CHANGES = 8;

const table = new ProductTable($("products").tBodies[0], announce,
  1000 * (Number(params.get("highlightSeconds")) || 4));
let category = normalize(params.get("category") || "lighting");
let generation = 0; // bumped by every load; answers of an older one are dropped
let buffered = null; // feed events that arrive while a load is under way, applied after it

let awaitingAck = null; // the category a subscribe message asked for, until the feed acknowledges it
let ackTimer = null;

const feed = new Feed({
  // The category rides on the connection itself, so the subscription exists before the page loads the table: a
  // change made during the load is either in the answer or sent to the page (and buffered).
  url: () => {
    const url = new URL(feedUrl());
    url.searchParams.set("category", category);
    return url;
  },
  token: token,
  onState: showState,
  onOpen: load,
  onMessage: receive,
});

$("category").value = category;
$("choose").addEventListener("submit", (submitted) => {
  submitted.preventDefault();
  const chosen = normalize($("category").value);
  if (!chosen || chosen === category) {
    return;
  }
  const previous = category;
  category = chosen;
  const address = new URL(location.href);
  address.searchParams.set("category", category);
  history.replaceState(null, "", address);
  if (feed.send({ action: "subscribe", categories: [category] })) {
    feed.send({ action: "unsubscribe", categories: [previous] });
    // Load once the feed has the subscription, for the same reason as on connecting; a feed that never answers
    // delays the table by two seconds at most.
    awaitingAck = category;
    clearTimeout(ackTimer);
    ackTimer = setTimeout(acknowledged, 2000);
    generation += 1; // a load of the previous category still under way is dropped
    buffered = [];
    $("caption-category").textContent = category;
    setTableState("loading", "Loading…");
  } else {
    load(); // the next connection carries the new category
  }
});
feed.start();
load(); // the table does not wait for the feed; each connection loads it again

function acknowledged() {
  awaitingAck = null;
  clearTimeout(ackTimer);
  load();
}

/** As the API takes a category in: NFC, then trimmed of Unicode White_Space. */
function normalize(text) {
  return text.normalize("NFC").replace(/^\p{White_Space}+|\p{White_Space}+$/gu, "");
}

function feedUrl() {
  const configured = params.get("ws") || document.querySelector('meta[name="feed-url"]')?.content;
  return configured || `ws://${location.hostname}:3001`;
}

/**
 * The token for the next connection: the address's, or a fresh one from the local development issuer when the tool
 * serves one (the page's meta token-url; none with -Dlocal.auth=off or another issuer: it connects without a token).
 */
async function token() {
  if (params.get("token")) {
    return params.get("token");
  }
  const endpoint = document.querySelector('meta[name="token-url"]')?.content;
  if (!endpoint) {
    return null;
  }
  const answer = await fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "groups=",
  });
  if (!answer.ok) {
    throw new Error(`no token from ${endpoint} (HTTP ${answer.status})`); // tried again with the connection
  }
  return (await answer.json()).access_token;
}

/** Reads every page of the category into the table, then applies what the feed sent meanwhile. */
async function load() {
  const mine = ++generation;
  buffered = [];
  $("caption-category").textContent = category;
  setTableState("loading", "Loading…");
  const products = [];
  let cursor = null;
  try {
    do {
      const query = new URLSearchParams({ category, limit: params.get("pageSize") || "100" });
      if (cursor) {
        query.set("cursor", cursor);
      }
      const answer = await fetch(`/products?${query}`, { headers: { Accept: "application/json" } });
      const body = await answer.json();
      if (!answer.ok) {
        throw new Error(body.detail || body.title || body.message || `HTTP ${answer.status}`);
      }
      products.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor && mine === generation);
  } catch (failure) {
    if (mine === generation) {
      buffered = null;
      showProblem(`Could not load the products: ${failure.message}`);
      setTableState("failed", "Not loaded.");
    }
    return;
  }
  if (mine !== generation) {
    return;
  }
  showProblem(null);
  table.reset(products);
  const pending = buffered;
  buffered = null;
  pending.forEach((event) => table.apply(event, category));
  showCount();
}

function receive(message) {
  if (message.type === "error") {
    const problem = message.problem || {};
    showProblem(`The feed refused a message: ${problem.detail || problem.title || "error"}`);
    return;
  }
  if (!["created", "updated", "deleted"].includes(message.type)) {
    if (awaitingAck && Array.isArray(message.categories) && message.categories.includes(awaitingAck)) {
      acknowledged();
    }
    return; // an acknowledgement
  }
  if (buffered) {
    buffered.push(message);
  } else if (table.apply(message, category)) {
    showCount();
  }
}

function showState(state, detail) {
  const element = $("connection");
  element.dataset.state = state;
  if (detail && detail.attempt) {
    element.dataset.attempt = String(detail.attempt);
  }
  let text = LABELS[state];
  if (state === "reconnecting") {
    text = `${detail.reason}; reconnecting in ${Math.ceil(detail.delay / 1000)} s`;
  }
  $("connection-text").textContent = text;
}

function setTableState(state, text) {
  $("table-state").dataset.state = state;
  $("table-state").textContent = text;
}

function showCount() {
  const n = table.size;
  setTableState("ready", n === 0 ? "No products in this category." : `${n} product${n === 1 ? "" : "s"}.`);
}

function showProblem(text) {
  $("problem").hidden = !text;
  $("problem").textContent = text || "";
}

function announce(text) {
  const item = document.createElement("li");
  const time = document.createElement("time");
  const now = new Date();
  time.dateTime = now.toISOString();
  time.textContent = now.toLocaleTimeString();
  item.append(time, " ", text);
  $("changes").prepend(item);
  while ($("changes").children.length > MAX_CHANGES) {
    $("changes").lastElementChild.remove();
  }
}
