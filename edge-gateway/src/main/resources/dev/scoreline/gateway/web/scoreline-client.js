/**
 * Scoreline's JavaScript client: one WebSocket to a gateway, any number of channel
 * subscriptions, each kept as the channel's current state.
 *
 * An ES module with no dependencies and no build step; it runs in browsers and in any runtime
 * with a standard WebSocket (Node 22+, Deno, Bun).
 *
 *   import { ScorelineClient } from "/static/scoreline-client.js";
 *   const client = new ScorelineClient("ws://localhost:8080/ws", { onConnection: (s) => console.log(s) });
 *   const sub = client.subscribe("match:1082591", { onState: (state) => console.log(state.innings) });
 *   sub.unsubscribe(); client.close();
 *
 * The rules it keeps (docs/topics.md, "Versions and deltas"): a snapshot replaces the state, even
 * an older one (the gateway's deltas that follow start from it); a delta {from, to} is ignored when
 * to <= v, applied (RFC 7386 merge patch) when from-1 <= v < to, and a gap (from-1 > v)
 * resubscribes with since = {epoch, v}, so that the gateway sends what is missing. A delta of
 * another epoch means the channel's state was rebuilt: the client asks for a fresh snapshot.
 * After a lost connection it reconnects with exponential backoff and jitter and resubscribes
 * every channel with since = its last version, so nothing is lost or applied twice. A gateway
 * that closes with 4307 no longer serves the player's private channels (gateways joined or left):
 * the client asks `GET /v1/route` where they are served and reconnects there.
 *
 * A gateway started with --auto-subscribe (the `scores` ticker, say) subscribes every connection
 * to some channels itself. Their frames are kept like any channel's, and `watch(channel, options)`
 * registers the handlers for one without asking for it. On a reconnect the client names where
 * each of them stands in the upgrade's URL (`?since=<channel>:<epoch>:<version>`) instead of
 * sending a subscribe: the gateway resumes them from there, and one the client left with
 * `unsubscribe()` is left again as soon as the connection opens.
 *
 * A player moves on the same connection: `act(channel, action)` sends an `act` frame and returns
 * a promise of the job's verdict (docs/protocol.md, "Acting"):
 *
 *   const verdict = await client.act("table:demo-1", { type: "bet", amount: 20 }, { token });
 *   if (!verdict.accepted) console.log(`refused: ${verdict.reason}`);
 *
 * Until its verdict comes, the move is sent again with the same id on every new connection and
 * after an `unavailable` answer: the same id is the same move, applied at most once, so a
 * gateway that died in between costs a retry, never a second bet.
 */

/** What the connection is doing, as reported to `onConnection`. */
export const Connection = Object.freeze({
  /** The first connection is being opened. */
  CONNECTING: "connecting",
  /** Open; every subscription has been sent. */
  CONNECTED: "connected",
  /** Lost; the next attempt is scheduled (see the info's `attempt` and `delayMs`). */
  RECONNECTING: "reconnecting",
  /** The browser says it is offline, or the gateway has been unreachable for `offlineAfterMs`; attempts go on. */
  OFFLINE: "offline",
  /** Closed by `close()`; nothing more happens. */
  CLOSED: "closed",
});

/** How long after an `unavailable` answer a move is sent again. */
const ACT_RETRY_MS = 1000;

/** The close code of a gateway that no longer serves the player's private channels. */
const MOVED = 4307;

/** A move the gateway refused before it reached the game (a bad frame, a token, the rate limit). */
export class ActError extends Error {
  constructor(frame) {
    super(frame.message);
    this.name = "ActError";
    this.code = frame.code;
    this.id = frame.id;
    this.channel = frame.channel;
  }
}

/** How long a resync waits for its answer before a further gap may ask again. */
const RESYNC_RETRY_MS = 5000;

const DEFAULTS = Object.freeze({
  initialDelayMs: 500,
  maxDelayMs: 15000,
  heartbeatMs: 20000,
  offlineAfterMs: 30000,
  actTimeoutMs: 30000,
});

/**
 * RFC 7386 JSON Merge Patch: returns `patch` applied to `target`. Neither argument is changed;
 * the result shares the members the patch does not touch with `target`.
 */
export function applyMergePatch(target, patch) {
  if (!isObject(patch)) {
    return patch;
  }
  const result = isObject(target) ? copy(target) : {};
  for (const name of Object.keys(patch)) {
    const value = patch[name];
    if (value === null) {
      delete result[name];
    } else {
      define(result, name, applyMergePatch(has(result, name) ? result[name] : undefined, value));
    }
  }
  return result;
}

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function has(object, name) {
  return Object.prototype.hasOwnProperty.call(object, name);
}

// defineProperty, not assignment: a member named "__proto__" must stay a plain member.
function define(object, name, value) {
  Object.defineProperty(object, name, { value, writable: true, enumerable: true, configurable: true });
}

function copy(object) {
  const out = {};
  for (const name of Object.keys(object)) {
    define(out, name, object[name]);
  }
  return out;
}

/** The gateway's WebSocket address for a page it serves: same host, ws: or wss:. */
export function defaultUrl() {
  const { protocol, host } = globalThis.location;
  return `${protocol === "https:" ? "wss:" : "ws:"}//${host}/ws`;
}

/**
 * One channel followed through a {@link ScorelineClient}. Read `state`, `epoch` and `version`
 * at any time; they are undefined until the first snapshot.
 */
export class Subscription {
  #client;
  #options;
  #state;
  #epoch;
  #version;
  #resyncSentAt = null;
  #active = true;
  #auto;

  constructor(client, channel, options, auto = false) {
    this.#client = client;
    this.channel = channel;
    this.#options = options;
    this.#auto = auto;
  }

  get state() { return this.#state; }
  get epoch() { return this.#epoch; }
  get version() { return this.#version; }
  get token() { return this.#options.token; }
  get active() { return this.#active; }
  /** True for a channel the gateway subscribes the connection to by itself (--auto-subscribe). */
  get auto() { return this.#auto; }

  /** Stops following the channel; the state stays readable. */
  unsubscribe() {
    if (this.#active) {
      this.#active = false;
      this.#client._forget(this);
    }
  }

  /**
   * The subscribe frame, with `since` when a state is held (and `withSince` allows). Any
   * subscribe sent answers a pending resync too.
   */
  _frame(withSince = true) {
    this.#resyncSentAt = null;
    const frame = { type: "subscribe", channel: this.channel };
    if (withSince && this.#state !== undefined) {
      frame.since = { epoch: this.#epoch, version: this.#version };
    }
    if (this.#options.token) {
      frame.token = this.#options.token;
    }
    return frame;
  }

  _update(options) {
    this.#options = { ...this.#options, ...options };
  }

  /** The upgrade's `since` value that resumes an auto-subscribed channel, or null without a state. */
  _since() {
    return this.#state === undefined ? null : `${this.channel}:${this.#epoch}:${this.#version}`;
  }

  /** The gateway does not subscribe this channel by itself (any more): the client asks for it. */
  _notAuto() {
    this.#auto = false;
  }

  /** A late `watch` sees the state already held at once. */
  _replay() {
    if (this.#state !== undefined) {
      this.#notify(undefined, { kind: "snapshot" });
    }
  }

  // A snapshot replaces the state whatever its version: it is where the gateway puts this
  // subscription, and the deltas that follow start from it. (A gateway still catching up may
  // send one older than what the client held; keeping the newer state would let a later delta,
  // which the gateway made for its own older base, apply to the wrong base.)
  _snapshot(msg) {
    const previous = this.#state;
    this.#state = msg.state;
    this.#epoch = msg.epoch;
    this.#version = msg.version;
    this.#resyncSentAt = null;
    this.#notify(previous, { kind: "snapshot" });
  }

  _delta(msg) {
    if (this.#state === undefined) {
      return; // the snapshot is on its way: the gateway sends it before any delta
    }
    if (msg.epoch !== this.#epoch) {
      this.#resync(false);
      return;
    }
    if (msg.to <= this.#version) {
      return;
    }
    if (msg.from - 1 > this.#version) {
      this.#resync(true);
      return;
    }
    const previous = this.#state;
    this.#state = applyMergePatch(previous, msg.patch);
    this.#version = msg.to;
    this.#resyncSentAt = null;
    this.#notify(previous, { kind: "delta", from: msg.from, patch: msg.patch });
  }

  _error(error) {
    if (this.#options.onError) {
      this.#options.onError(error, this);
    }
  }

  /**
   * Asks again: with since (a gap: the gateway sends what is missing) or without (a new epoch:
   * a fresh snapshot; the old state stays readable until it comes). Deltas that arrive before
   * the answer look like gaps too: one request is enough, unless no answer came in a while.
   */
  #resync(keepPosition) {
    const now = Date.now();
    if (this.#resyncSentAt !== null && now - this.#resyncSentAt < RESYNC_RETRY_MS) {
      return;
    }
    const frame = this._frame(keepPosition);
    this.#resyncSentAt = now;
    this.#client._send(frame);
  }

  #notify(previous, change) {
    if (this.#options.onState) {
      this.#options.onState(this.#state, {
        channel: this.channel, epoch: this.#epoch, version: this.#version, previous, ...change,
      });
    }
  }
}

/**
 * A connection to a gateway's `/ws` that keeps its subscriptions across reconnects.
 *
 * Options: `onConnection(state, info)` with a {@link Connection} value and `{attempt, delayMs,
 * downSinceMs, closeCode, closeReason}`; `onError(error)` for errors about no channel;
 * `token`, a connection-wide token sent as `?token=`; `initialDelayMs` (500) and `maxDelayMs`
 * (15000) for the backoff; `heartbeatMs` (20000): a ping that long after the last message, and
 * a reconnect when nothing at all came for twice that; `offlineAfterMs` (30000); `actTimeoutMs` (30000), how long `act` waits for a verdict; `WebSocket`, a
 * constructor to use instead of the global one.
 */
export class ScorelineClient {
  #url;
  #options;
  #WebSocket;
  #socket = null;
  #subscriptions = new Map();
  /** Channels the application left: frames still on their way are not taken for auto-subscriptions. */
  #left = new Set();
  /** Auto-subscribed channels the application left: unsubscribed again on every new connection. */
  #declined = new Set();
  #connection = null;
  #attempt = 0;
  #downSince = null;
  #retryTimer = null;
  #heartbeatTimer = null;
  #lastHeard = 0;
  #closed = false;
  #everConnected = false;
  /** Moves sent and not answered yet, by id: {frame, resolve, reject, timer}. */
  #pending = new Map();
  #actIds = 0;
  #onOnline = () => this.#retryNow();
  #onOffline = () => this.#wentOffline();

  constructor(url = defaultUrl(), options = {}) {
    this.#options = { ...DEFAULTS, ...options };
    this.#url = this.#options.token
      ? `${url}${url.includes("?") ? "&" : "?"}token=${encodeURIComponent(this.#options.token)}`
      : url;
    this.#WebSocket = this.#options.WebSocket || globalThis.WebSocket;
    if (typeof globalThis.addEventListener === "function") {
      globalThis.addEventListener("online", this.#onOnline);
      globalThis.addEventListener("offline", this.#onOffline);
    }
  }

  /** The current {@link Connection} value, null before the first `connect()` or `subscribe()`. */
  get connection() { return this.#connection; }

  /** Every subscription, by channel. */
  get subscriptions() { return new Map(this.#subscriptions); }

  /** Opens the connection if it is not open or opening; `subscribe` calls it. */
  connect() {
    if (this.#closed) {
      throw new Error("this client was closed; make a new one");
    }
    if (!this.#socket && this.#retryTimer === null) {
      this.#open();
    }
    return this;
  }

  /**
   * Follows a channel. Options: `token` (a token for this subscription, such as a seat's),
   * `onState(state, change)` after every snapshot or applied delta, where `change` has
   * `{channel, epoch, version, kind: "snapshot"|"delta", previous, patch, from}`, and
   * `onError(error)` for the gateway's errors about this channel (`{code, message, channel}`:
   * `unauthorized`, `forbidden`, `too-many-subscriptions`, ...). Subscribing again to a channel
   * returns the same subscription with the new options (a fresh token, say) and asks again.
   */
  subscribe(channel, options = {}) {
    this.#left.delete(channel);
    this.#declined.delete(channel);
    let sub = this.#subscriptions.get(channel);
    if (sub) {
      sub._update(options);
    } else {
      sub = new Subscription(this, channel, options);
      this.#subscriptions.set(channel, sub);
    }
    this.connect();
    this._send(sub._frame());
    return sub;
  }

  /**
   * Follows a player's wallet, the channel `player:<playerId>`, which opens to a token whose
   * subject is that player alone: `{playerId, balance, reserved, atTables, credited, debited,
   * reservations, tables, movements}`, where `movements` holds the latest ones keyed by their
   * number (`{kind, chips, balance, at, eventId, tableId?, cause?}`). Takes the options of
   * `subscribe`; `token` is the player's.
   */
  wallet(playerId, options = {}) {
    return this.subscribe(`player:${playerId}`, options);
  }

  /**
   * Follows a channel the gateway subscribes every connection to by itself (`--auto-subscribe`),
   * such as `scores`: takes the same options as `subscribe` but sends nothing. Frames that came
   * before are not lost: their state is passed to `onState` at once. Returns the `Subscription`.
   * A channel left with `unsubscribe()` is asked for again.
   */
  watch(channel, options = {}) {
    let sub = this.#subscriptions.get(channel);
    if (sub) {
      sub._update(options);
      sub._replay();
      return sub;
    }
    sub = new Subscription(this, channel, options, true);
    this.#subscriptions.set(channel, sub);
    this.#left.delete(channel);
    if (this.#declined.delete(channel)) {
      this._send(sub._frame());
    }
    this.connect();
    return sub;
  }

  /**
   * Sends a player's move and resolves with the job's verdict, `{id, channel, accepted, version}`
   * or `{id, channel, accepted: false, reason}`: a refusal by the rules is an answer, not an
   * error. Rejects with an {@link ActError} (`code`: `bad-request`, `unauthorized`, `forbidden`,
   * `not-a-player-move`, `rate-limited`) when the gateway did not send the move on, and with an
   * Error after `actTimeoutMs` (30000) without a verdict or when the client is closed.
   *
   * `action` is the event without its envelope, such as `{type: "bet", amount: 20}`. Options:
   * `id`, the move's name (1 to 64 of A-Za-z0-9._~-; one is made up when absent; reusing an id
   * repeats the same move); `token`, the player's token for this move (else the one the channel
   * was subscribed with, else the connection's).
   */
  act(channel, action, options = {}) {
    const id = options.id || `m${Date.now().toString(36)}-${(++this.#actIds).toString(36)}`;
    const existing = this.#pending.get(id);
    if (existing) {
      return existing.promise;
    }
    const frame = { type: "act", id, channel, action };
    if (options.token) {
      frame.token = options.token;
    }
    const entry = { frame };
    entry.promise = new Promise((resolve, reject) => {
      entry.resolve = resolve;
      entry.reject = reject;
    });
    entry.timer = setTimeout(() => this.#settle(id, (e) => e.reject(
      new Error(`no verdict on move ${id} within ${this.#options.actTimeoutMs} ms`))), this.#options.actTimeoutMs);
    this.#pending.set(id, entry);
    this.connect();
    this._send(frame);
    return entry.promise;
  }

  #settle(id, how) {
    const entry = this.#pending.get(id);
    if (entry) {
      this.#pending.delete(id);
      clearTimeout(entry.timer);
      clearTimeout(entry.retry);
      how(entry);
    }
  }

  #actError(msg) {
    const entry = this.#pending.get(msg.id);
    if (!entry) {
      return false;
    }
    if (msg.code === "unavailable") {
      clearTimeout(entry.retry);
      entry.retry = setTimeout(() => this._send(entry.frame), ACT_RETRY_MS);
    } else {
      this.#settle(msg.id, (e) => e.reject(new ActError(msg)));
    }
    return true;
  }

  /** Stops following a channel (same as `subscription.unsubscribe()`). */
  unsubscribe(channel) {
    const sub = this.#subscriptions.get(channel);
    if (sub) {
      sub.unsubscribe();
    }
  }

  /** Closes the connection for good: reports `closed`, then no reconnect and no more callbacks. */
  close() {
    if (this.#closed) {
      return;
    }
    this.#closed = true;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#stopHeartbeat();
    if (typeof globalThis.removeEventListener === "function") {
      globalThis.removeEventListener("online", this.#onOnline);
      globalThis.removeEventListener("offline", this.#onOffline);
    }
    const socket = this.#socket;
    this.#socket = null;
    if (socket) {
      this.#detach(socket);
      socket.close(1000, "client closed");
    }
    for (const id of [...this.#pending.keys()]) {
      this.#settle(id, (e) => e.reject(new Error("the client was closed before the verdict came")));
    }
    this.#setConnection(Connection.CLOSED, {});
  }

  _forget(sub) {
    if (this.#subscriptions.get(sub.channel) === sub) {
      this.#subscriptions.delete(sub.channel);
      this.#left.add(sub.channel);
      if (sub.auto) {
        this.#declined.add(sub.channel);
      }
      this._send({ type: "unsubscribe", channel: sub.channel });
    }
  }

  _send(frame) {
    const socket = this.#socket;
    if (socket && socket.readyState === 1) {
      socket.send(JSON.stringify(frame));
    }
  }

  #open() {
    this.#retryTimer = null;
    if (this.#closed) {
      return;
    }
    if (!this.#everConnected && this.#attempt === 0) {
      this.#setConnection(Connection.CONNECTING, {});
    }
    let socket;
    try {
      socket = new this.#WebSocket(this.#resumeUrl());
    } catch (error) {
      this.#lost({ closeCode: 0, closeReason: String(error && error.message) });
      return;
    }
    this.#socket = socket;
    socket.onopen = () => {
      this.#everConnected = true;
      this.#downSince = null;
      this.#lastHeard = Date.now();
      this.#startHeartbeat();
      for (const channel of this.#declined) {
        this._send({ type: "unsubscribe", channel });
      }
      for (const sub of this.#subscriptions.values()) {
        if (!sub.auto) {
          this._send(sub._frame());
        }
      }
      // after the subscriptions, whose tokens the moves may act with
      for (const entry of this.#pending.values()) {
        this._send(entry.frame);
      }
      this.#setConnection(Connection.CONNECTED, {});
    };
    socket.onmessage = (event) => this.#receive(event.data);
    socket.onclose = (event) => {
      if (this.#socket === socket) {
        this.#lost({ closeCode: event.code, closeReason: event.reason });
      }
    };
    socket.onerror = () => {}; // a close event follows, with what there is to know
  }

  /** The URL with where each auto-subscribed channel stands, so that the gateway resumes it. */
  #resumeUrl() {
    const since = [...this.#subscriptions.values()].filter((sub) => sub.auto).map((sub) => sub._since())
      .filter((value) => value !== null).map((value) => `since=${encodeURIComponent(value)}`);
    if (since.length === 0) {
      return this.#url;
    }
    return `${this.#url}${this.#url.includes("?") ? "&" : "?"}${since.join("&")}`;
  }

  /** A frame of a channel nobody asked for: the gateway's own subscription, kept like any. */
  #autoSubscription(msg) {
    if (this.#left.has(msg.channel) || (msg.type !== "snapshot" && msg.type !== "delta")) {
      return undefined;
    }
    const sub = new Subscription(this, msg.channel, {}, true);
    this.#subscriptions.set(msg.channel, sub);
    return sub;
  }

  #receive(data) {
    this.#lastHeard = Date.now();
    this.#attempt = 0; // reset on a message, not on open: a gateway that accepts then closes keeps backing off
    let msg;
    try {
      msg = JSON.parse(data);
    } catch {
      return;
    }
    const sub = msg.channel === undefined || msg.channel === null ? undefined
      : this.#subscriptions.get(msg.channel) || this.#autoSubscription(msg);
    switch (msg.type) {
      case "snapshot":
        if (sub) sub._snapshot(msg);
        break;
      case "delta":
        if (sub) sub._delta(msg);
        break;
      case "verdict":
        this.#settle(msg.id, (e) => e.resolve(msg));
        break;
      case "error":
        if (msg.id !== undefined && this.#actError(msg)) {
          break;
        }
        if (sub && sub.auto && msg.code === "not-auto-subscribed") {
          sub._notAuto();
          this._send(sub._frame());
        } else if (sub) {
          sub._error(msg);
        } else if (this.#options.onError) {
          this.#options.onError(msg);
        }
        break;
      default:
        break; // pong, or a frame of a newer protocol
    }
  }

  /**
   * Asks `GET /v1/route` which gateway serves the player now (a gateway closed with 4307: another
   * one serves the player's private channels) and reconnects there; while the answer is on its
   * way the backoff runs, and a reconnect that comes first is moved again and asks again.
   */
  async #reroute() {
    const token = this.#options.token || [...this.#subscriptions.values()].map((sub) => sub.token).find((t) => t);
    if (!token || typeof fetch !== "function") {
      return;
    }
    try {
      const response = await fetch(new URL("/v1/route", this.#url.replace(/^ws/, "http")),
        { headers: { Authorization: `Bearer ${token}` } });
      if (!response.ok) {
        return;
      }
      const route = await response.json();
      this.#url = this.#options.token
        ? `${route.websocket}?token=${encodeURIComponent(this.#options.token)}`
        : route.websocket;
    } catch {
      // the next attempt is moved again and asks again
    }
  }

  #lost(info) {
    if (info.closeCode === MOVED) {
      this.#reroute();
    }
    const socket = this.#socket;
    this.#socket = null;
    if (socket) {
      this.#detach(socket);
      try {
        socket.close();
      } catch {
        // already closed
      }
    }
    this.#stopHeartbeat();
    if (this.#closed) {
      return;
    }
    if (this.#downSince === null) {
      this.#downSince = Date.now();
    }
    this.#attempt += 1;
    const ceiling = Math.min(this.#options.maxDelayMs, this.#options.initialDelayMs * 2 ** (this.#attempt - 1));
    // "equal jitter": half the ceiling plus a random part of the other half, so that clients
    // dropped together by one gateway do not come back together
    const delayMs = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
    this.#retryTimer = setTimeout(() => this.#open(), delayMs);
    const offline = globalThis.navigator?.onLine === false
      || Date.now() - this.#downSince >= this.#options.offlineAfterMs;
    this.#setConnection(offline ? Connection.OFFLINE : Connection.RECONNECTING, {
      ...info, attempt: this.#attempt, delayMs, downSinceMs: this.#downSince,
    });
  }

  #detach(socket) {
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
  }

  #retryNow() {
    if (!this.#closed && this.#retryTimer !== null) {
      clearTimeout(this.#retryTimer);
      this.#open();
    }
  }

  // An open socket is left alone (a gateway on this machine still answers; the heartbeat finds
  // a dead one); only the state shown while reconnecting changes.
  #wentOffline() {
    if (this.#closed) {
      return;
    }
    if (this.#retryTimer !== null && this.#connection !== Connection.OFFLINE) {
      this.#setConnection(Connection.OFFLINE, { attempt: this.#attempt, downSinceMs: this.#downSince });
    }
  }

  #startHeartbeat() {
    this.#stopHeartbeat();
    const every = this.#options.heartbeatMs;
    this.#heartbeatTimer = setInterval(() => {
      const quiet = Date.now() - this.#lastHeard;
      if (quiet >= 2 * every) {
        this.#lost({ closeCode: 0, closeReason: `nothing heard for ${Math.round(quiet / 1000)} s` });
      } else if (quiet >= every) {
        this._send({ type: "ping" });
      }
    }, Math.max(250, every / 2));
  }

  #stopHeartbeat() {
    clearInterval(this.#heartbeatTimer);
    this.#heartbeatTimer = null;
  }

  #setConnection(state, info) {
    this.#connection = state;
    if (this.#options.onConnection) {
      this.#options.onConnection(state, info);
    }
  }
}
