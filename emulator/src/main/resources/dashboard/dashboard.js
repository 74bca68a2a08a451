// The live dashboard: the products of a category from the REST API (same origin), kept current by the feed.
// Address options: ?category=NAME (default: the page's meta category), ?ws=URL (the feed; default: the local
// tool's, from the page's meta feed-url),
// ?token=JWT (else one from the local development issuer, POST /_local/token, when the tool serves one),
// ?pageSize=N (REST page size), ?highlightSeconds=N (how long a changed row stays highlighted).
import { Feed } from "./feed.js";
import { ProductTable } from "./table.js";

const params = new URLSearchParams(location.search);
const $ = (id) => document.getElementById(id);
const LABELS = { connecting: "connecting…", open: "live", reconnecting: "reconnecting", closed: "stopped",
  refused: "refused" };
const MAX_CHANGES = 8;

const table = new ProductTable($("products").tBodies[0], announce,
  1000 * (Number(params.get("highlightSeconds")) || 4));
// Without ?category=, the one the tool suggests (the seed's with most products), else lighting.
let category = normalize(params.get("category")
  || document.querySelector('meta[name="category"]')?.content || "lighting");
let generation = 0; // bumped by every load; answers of an older one are dropped
let buffered = null; // feed events that arrive while a load is under way, applied after it

let awaitingAck = null; // the category a subscribe message asked for, until the feed acknowledges it
let ackTimer = null;

const feed = new Feed({
  url: feedUrl,
  token: token,
  onState: showState,
  // The category is subscribed to by a message, whose answer says whether the feed takes it (a category in the
  // query of the handshake would refuse the connection with a status the browser does not show); the table is
  // loaded once the feed acknowledges it, so a change made during the load is either in the answer or sent to the
  // page (and buffered).
  onOpen: () => subscribe(category),
  onMessage: receive,
  refused: whyRefused,
});

$("category").value = category;
showAddressExample();
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
  showAddressExample();
  if (feed.stopped) {
    feed.start(); // refused before, perhaps for the category: the new one gets its own chance
    load();
  } else if (subscribe(category)) {
    feed.send({ action: "unsubscribe", categories: [previous] });
  } else {
    load(); // the next connection subscribes to the new category
  }
});
feed.start();
load(); // the table does not wait for the feed; each connection loads it again

/**
 * Subscribes the open connection to the category, then loads the table once the feed acknowledges it, never before:
 * a change made after that load is sent to the page. A feed that does not answer within 10 s gets a new connection,
 * which subscribes again. False when no connection is open.
 */
function subscribe(chosen) {
  if (!feed.send({ action: "subscribe", categories: [chosen] })) {
    return false;
  }
  awaitingAck = chosen;
  clearTimeout(ackTimer);
  ackTimer = setTimeout(() => feed.reconnect("the feed did not acknowledge the subscription"), 10000);
  generation += 1; // a load of another category still under way is dropped
  buffered = [];
  $("caption-category").textContent = chosen;
  setTableState("loading", "Loading…");
  return true;
}

function acknowledged() {
  awaitingAck = null;
  clearTimeout(ackTimer);
  load();
}

/**
 * Why the feed refused a connection with that token for good, or null: the browser is not shown a refused
 * handshake's status, so the page asks the local tool what the $connect authorizer answers the token (a 401 or 403
 * is for good; anything else, a dropped connection or a 5xx, is worth trying again).
 */
async function whyRefused(used) {
  const endpoint = document.querySelector('meta[name="connect-check"]')?.content;
  if (!endpoint) {
    return null;
  }
  const answer = await fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: used ? `token=${encodeURIComponent(used)}` : "",
  });
  if (!answer.ok) {
    return null;
  }
  const verdict = await answer.json();
  if (verdict.status !== 401 && verdict.status !== 403) {
    return null;
  }
  const token = used ? (params.get("token") ? "the token of the address" : "the development token") : "no token";
  return `the feed refused the connection with ${token} (${verdict.status}: ${verdict.reason})`;
}

/** The footer's example of the address options, with the category and feed this page uses. */
function showAddressExample() {
  $("address-example").textContent = `?category=${encodeURIComponent(category)}&ws=${feedUrl()}`;
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
 * The token for the next connection, to the feed at url: the address's, or a fresh one from the local development
 * issuer when the tool serves one (the page's meta token-url; none with -Dlocal.auth=off or another issuer: it
 * connects without a token). The development token (an administrator's, on a tool with authentication) goes only to
 * a feed on this page's own machine, never to a ?ws= of another host, which a link could name.
 */
async function token(url) {
  if (params.get("token")) {
    return params.get("token");
  }
  const endpoint = document.querySelector('meta[name="token-url"]')?.content;
  if (!endpoint || !ownMachine(url.hostname)) {
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

/**
 * Whether hostname is this page's own host, or, for a page of the local tool (on a loopback name), any loopback name
 * of the same machine.
 */
function ownMachine(hostname) {
  const loopback = ["localhost", "127.0.0.1", "[::1]"];
  return hostname === location.hostname || (loopback.includes(location.hostname) && loopback.includes(hostname));
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
    const why = describe(problem);
    if (problem.instance === "subscribe" && problem.status >= 400 && problem.status < 500 && problem.status !== 404) {
      // The subscription itself is refused (an invalid category): sending it again would be refused again.
      awaitingAck = null;
      clearTimeout(ackTimer);
      feed.refuse(`the feed refused the subscription to “${category}” (${why})`);
      return;
    }
    if (problem.status === 404 || problem.status >= 500) {
      // The connection is not recorded, or the feed failed: a new connection subscribes again.
      feed.reconnect(`the feed failed (${why})`);
      return;
    }
    showProblem(`The feed refused a message: ${why}`);
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

/** A feed problem in words: its detail, then each field's error. */
function describe(problem) {
  const errors = Array.isArray(problem.errors)
    ? problem.errors.map((error) => `${error.field} ${error.message}`).join("; ") : "";
  return [problem.detail || problem.title || `error ${problem.status}`, errors].filter(Boolean).join(" ");
}

function showState(state, detail) {
  if (state !== "open") {
    // A subscription asked on a connection that has ended is asked again on the next one.
    awaitingAck = null;
    clearTimeout(ackTimer);
  }
  const element = $("connection");
  element.dataset.state = state;
  if (detail && detail.attempt) {
    element.dataset.attempt = String(detail.attempt);
  }
  let text = LABELS[state];
  if (state === "reconnecting") {
    text = `${detail.reason}; reconnecting in ${Math.ceil(detail.delay / 1000)} s`;
  } else if (state === "refused") {
    text = `refused, not trying again: ${detail.reason}`;
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
