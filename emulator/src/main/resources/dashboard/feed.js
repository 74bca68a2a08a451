// The feed's WebSocket, kept open: after any close it connects again with exponential backoff and jitter, and with a
// fresh token each time (a token outlives no connection attempt that comes an hour later); unless the feed refused it
// for good (a refused token, a subscription it cannot take), which trying again would not change.

/** Backoff before attempt n (1, 2, ...): half the capped exponential delay, plus a random part up to the other half. */
export function backoffDelay(attempt, baseMs, maxMs, random = Math.random) {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 20));
  // "Equal jitter": never less than half the delay, so a crowd of pages reconnecting after a restart spreads out
  // without any of them hammering the server at once.
  return Math.round(ceiling / 2 + random() * ceiling / 2);
}

/**
 * states: "connecting", "open", "reconnecting" (waiting before the next attempt), "closed" (stopped), "refused"
 * (stopped for good, detail.reason says why).
 * options: url (() => the ws:// URL of the next attempt), token (async (url) => the token for that URL or null),
 * onState(state, detail),
 * onOpen(), onMessage(object), refused (async (token) => why the feed refused a connection with that token for good,
 * or null; asked when a connection fails before it opens, since a browser is not shown a refused handshake's status),
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

  /** Stops for good, saying why: the feed refused what trying again would send again. */
  refuse(reason) {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.socket) {
      this.socket.close(1000, "refused");
    }
    this.setState("refused", { reason });
  }

  /** Drops the connection to make a new one, with backoff (the feed failed in a way a new connection may not). */
  reconnect(reason) {
    if (this.socket) {
      this.dropped = reason;
      this.socket.close(4000, "reconnecting");
    }
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
    let token;
    try {
      url = new URL(this.options.url());
      token = await this.options.token(url);
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
    socket.addEventListener("close", async (closed) => {
      if (this.socket !== socket) {
        return;
      }
      this.socket = null;
      if (openedAt && Date.now() - openedAt >= this.options.stableMs) {
        this.attempt = 0;
      }
      if (!openedAt && !this.stopped && this.options.refused) {
        const reason = await this.options.refused(token).catch(() => null);
        if (reason && !this.stopped) {
          this.refuse(reason);
          return;
        }
      }
      if (!this.stopped) {
        const dropped = this.dropped;
        this.dropped = null;
        this.retry(dropped || (openedAt ? `closed (${closed.code})` : "could not connect"));
      }
    });
  }

  retry(reason) {
    const delay = backoffDelay(Math.max(1, this.attempt), this.options.baseMs, this.options.maxMs);
    this.setState("reconnecting", { delay, reason, attempt: this.attempt });
    this.timer = setTimeout(() => this.connect(), delay);
  }
}
