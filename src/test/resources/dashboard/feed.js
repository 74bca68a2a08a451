// The feed's WebSocket, kept open: after any close it connects again with exponential backoff and jitter, and with a
// fresh token each time (a token outlives no connection attempt that comes an hour later).

/** Backoff before attempt n (1, 2, ...): half the capped exponential delay, plus a random part up to the other half. */
export function backoffDelay(attempt, baseMs, maxMs, random = Math.random) {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 20));
  // "Equal jitter": never less than half the delay, so a crowd of pages reconnecting after a restart spreads out
  // without any of them hammering the server at once.
  return Math.round(ceiling / 2 + random() * ceiling / 2);
}

/**
 * states: "connecting", "open", "reconnecting" (waiting before the next attempt), "closed" (stopped).
 * options: url (() => the ws:// URL of the next attempt), token (async () => token or null), onState(state, detail), onOpen(), onMessage(object),
 * baseMs, maxMs, stableMs (an open connection this old resets the backoff).
 */
export class Feed {
  constructor(options) {
    this.options = { baseMs: 500, maxMs: 30000, stableMs: 5000, ...options };
    this.socket = null;
    this.attempt = 0;
    this.timer = null;
    this.stopped = false;
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.socket) {
      this.socket.close(1000, "page closed");
    }
    this.setState("closed");
  }

  /** Sends a client message if the connection is open; false otherwise (the next open sends the subscription). */
  send(message) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(message));
      return true;
    }
    return false;
  }

  setState(state, detail) {
    this.state = state;
    this.options.onState(state, detail);
  }

  async connect() {
    this.timer = null;
    this.attempt += 1;
    this.setState("connecting", { attempt: this.attempt });
    let url;
    try {
      url = new URL(this.options.url());
      const token = await this.options.token();
      if (token) {
        url.searchParams.set("token", token);
      }
    } catch (failure) {
      this.retry(String(failure.message || failure));
      return;
    }
    if (this.stopped) {
      return;
    }
    const socket = new WebSocket(url);
    this.socket = socket;
    let openedAt = 0;
    socket.addEventListener("open", () => {
      openedAt = Date.now();
      this.setState("open");
      this.options.onOpen();
    });
    socket.addEventListener("message", (message) => {
      let parsed;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        return; // Not JSON: nothing the feed sends; ignored rather than breaking the page.
      }
      this.options.onMessage(parsed);
    });
    socket.addEventListener("close", (closed) => {
      if (this.socket !== socket) {
        return;
      }
      this.socket = null;
      if (openedAt && Date.now() - openedAt >= this.options.stableMs) {
        this.attempt = 0;
      }
      if (!this.stopped) {
        this.retry(openedAt ? `closed (${closed.code})` : "could not connect");
      }
    });
  }

  retry(reason) {
    const delay = backoffDelay(Math.max(1, this.attempt), this.options.baseMs, this.options.maxMs);
    this.setState("reconnecting", { delay, reason, attempt: this.attempt });
    this.timer = setTimeout(() => this.connect(), delay);
  }
}
