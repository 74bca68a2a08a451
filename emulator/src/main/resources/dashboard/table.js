// The products of one category as a table, kept current by feed events. Every value reaches the page as text
// (textContent, attributes set one by one), never as markup, so a product's name cannot inject anything.

const SEEN_EVENTS = 2000;

export class ProductTable {
  constructor(body, announce, highlightMs = 4000) {
    this.body = body;
    this.announce = announce;
    this.highlightMs = highlightMs;
    this.products = new Map(); // id -> product, each with its version
    this.seen = new Set(); // eventIds applied or dropped, oldest first
  }

  /** Replaces every row with the products the REST API answered (a load or a resync). */
  reset(products) {
    this.products = new Map(products.map((product) => [product.id, product]));
    this.body.replaceChildren(...this.sorted().map((product) => row(product)));
  }

  get size() {
    return this.products.size;
  }

  /**
   * Applies one feed event for the category shown: a product created or updated in it is shown, one deleted or moved
   * out of it leaves. A duplicate (same eventId) or an event older than the row's version changes nothing.
   * Answers what happened: "added", "updated", "removed", or null.
   */
  apply(event, category) {
    if (typeof event.eventId !== "string" || this.seen.has(event.eventId)) {
      return null;
    }
    this.remember(event.eventId);
    const shown = this.products.get(event.id);
    if (shown && event.version < shown.version) {
      return null;
    }
    const belongs = event.type !== "deleted" && event.category === category && event.product;
    if (belongs) {
      if (shown && event.version === shown.version) {
        return null;
      }
      const product = { ...event.product, id: event.id, version: event.version };
      this.products.set(event.id, product);
      this.place(product);
      this.announce(`${product.name} ${shown ? "updated" : "added"} (version ${product.version})`);
      return shown ? "updated" : "added";
    }
    if (shown) {
      this.products.delete(event.id);
      this.rowOf(event.id)?.remove();
      this.announce(`${shown.name} ${event.type === "deleted" ? "deleted" : "moved to " + event.category}`);
      return "removed";
    }
    return null;
  }

  remember(eventId) {
    this.seen.add(eventId);
    if (this.seen.size > SEEN_EVENTS) {
      this.seen.delete(this.seen.values().next().value);
    }
  }

  /** Puts the product's row where the sort order wants it, replacing its old row, and highlights it. */
  place(product) {
    this.rowOf(product.id)?.remove();
    const fresh = row(product);
    const order = this.sorted();
    const next = order[order.findIndex((p) => p.id === product.id) + 1];
    this.body.insertBefore(fresh, next ? this.rowOf(next.id) : null);
    fresh.classList.add("changed");
    setTimeout(() => fresh.classList.remove("changed"), this.highlightMs);
  }

  rowOf(id) {
    for (const tr of this.body.rows) {
      if (tr.dataset.id === id) {
        return tr;
      }
    }
    return null;
  }

  sorted() {
    return [...this.products.values()].sort((a, b) =>
      String(a.name).localeCompare(String(b.name)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

function row(product) {
  const tr = document.createElement("tr");
  tr.dataset.id = product.id;
  tr.dataset.version = String(product.version);
  const name = cell(tr, "th", product.name);
  name.scope = "row";
  cell(tr, "td", price(product), "number");
  cell(tr, "td", String(product.stock ?? 0), "number");
  cell(tr, "td", (product.tags || []).join(", "));
  cell(tr, "td", String(product.version), "number");
  const updated = cell(tr, "td", "");
  const time = document.createElement("time");
  time.dateTime = product.updatedAt || "";
  time.textContent = product.updatedAt ? new Date(product.updatedAt).toLocaleString() : "";
  updated.append(time);
  return tr;
}

function cell(tr, tag, text, className) {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) {
    element.className = className;
  }
  tr.append(element);
  return element;
}

function price(product) {
  const currency = product.currency || "USD";
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(product.price);
  } catch {
    return `${product.price} ${currency}`;
  }
}
