// The Teen Patti tables, their seats, and one seat's own view, each channel read with a dev token;
// a visitor takes a free seat and plays, each move an act answered by the job's verdict.
import { $, element, html, joined, setHtml } from "./dom.js";
import { ordered, plural } from "./format.js";
import { getJson } from "./http.js";

const TOKEN_MARGIN_MS = 5 * 60 * 1000;
const MAX_TABLES = 50;

const tables = new Map(); // tableId -> {sub, token, expiresAt, seat: {playerId, sub, token, expiresAt}, verdict}
const wallet = { sub: null, token: null, expiresAt: 0 };
let devTokens = true;
const BUY_IN = 500;

/** The visitor's player id, the same across reloads of the page. */
export const guest = (() => {
  const key = "scoreline.guest";
  let id = globalThis.localStorage?.getItem(key);
  if (!id) {
    id = `guest-${Math.random().toString(36).slice(2, 8)}`;
    globalThis.localStorage?.setItem(key, id);
  }
  return id;
})();

/** A dev token; the visitor's own brings their welcome bonus (once per wallet), a watched seat's none. */
async function token(table, player) {
  const query = `table=${encodeURIComponent(table)}${player ? `&player=${encodeURIComponent(player)}` : ""}`
    + (player && player === guest ? "&welcome=true" : "");
  const body = await getJson(`/v1/dev/token?${query}`);
  return { token: body.token, expiresAt: Date.parse(body.expiresAt) };
}

/**
 * The demo's tables are demo-1 ... demo-N; each needs a token, so the page asks for one per
 * table and checks with it that the table exists, one more each round until one is missing.
 */
let discovering = false;
export async function discoverTables(client) {
  if (!devTokens || discovering) return;
  discovering = true;
  try {
    for (let n = tables.size + 1; n <= MAX_TABLES; n++) {
      const id = `demo-${n}`;
      const grant = await token(id);
      const listing = await getJson(`/v1/channels?prefix=${encodeURIComponent(`table:${id}`)}&token=${encodeURIComponent(grant.token)}`);
      if (!listing.channels.some((c) => c.channel === `table:${id}`)) break;
      const entry = { ...grant, sub: null, seat: null };
      tables.set(id, entry);
      entry.sub = client.subscribe(`table:${id}`, {
        token: grant.token,
        onState: (state) => renderTable(id, state),
        onError: (error) => tableError(id, error),
      });
    }
    await renewTokens(client);
    await followWallet(client);
    $("[data-tables-note]").textContent = tables.size ? plural(tables.size, "table") : "Looking for tables…";
  } catch (error) {
    if (error.status === 404) {
      devTokens = false;
      $("[data-tables-note]").textContent = "Tables need a token";
      $("[data-tables]").replaceChildren(element("p", "empty", "This gateway hands out no demo tokens (it is not in dev mode): "
        + "a table service gives players their tokens."));
    }
  } finally {
    discovering = false;
  }
}

async function renewTokens(client) {
  const soon = Date.now() + TOKEN_MARGIN_MS;
  for (const [id, entry] of tables) {
    if (entry.expiresAt < soon) {
      Object.assign(entry, await token(id));
      client.subscribe(`table:${id}`, { token: entry.token });
    }
    const seat = entry.seat;
    if (seat && seat.expiresAt < soon) {
      Object.assign(seat, await token(id, seat.playerId));
      client.subscribe(seat.sub.channel, { token: seat.token });
    }
  }
}

/**
 * The visitor's wallet, `player:<guest>`: read with a token naming the visitor (asking for it also
 * brings the demo's welcome bonus), renewed like the tables'.
 */
async function followWallet(client) {
  const first = tables.keys().next().value;
  if (!first || wallet.expiresAt > Date.now() + TOKEN_MARGIN_MS) return;
  Object.assign(wallet, await token(first, guest));
  wallet.sub = client.wallet(guest, {
    token: wallet.token,
    onState: renderWallet,
    onError: (error) => {
      console.warn("wallet:", error.code, error.message);
      if (error.code === "unauthorized") wallet.expiresAt = 0;
    },
  });
}

/** The visitor's token (it names the visitor), once the page has one: bets are acted with it. */
export function guestToken() {
  return wallet.token;
}

const walletWatchers = [];

/** Calls `watcher` with the visitor's wallet state whenever it changes. */
export function onWallet(watcher) {
  walletWatchers.push(watcher);
  if (wallet.sub?.state) watcher(wallet.sub.state);
}

function renderWallet(w) {
  const panel = $("[data-wallet]");
  if (!w) return;
  walletWatchers.forEach((watcher) => watcher(w));
  panel.hidden = false;
  const recent = Object.entries(w.movements || {})
    .sort(([a], [b]) => Number(b) - Number(a))
    .slice(0, 4)
    .map(([, m]) => html`<li>${movementText(m)}</li>`);
  const reserved = w.reserved ? html`, ${w.reserved} reserved` : "";
  const atTables = w.atTables ? html`, ${w.atTables} bought in at tables` : "";
  setHtml(panel, html`<div class="wallet-head">Your chips (<strong>${guest}</strong>): <span data-balance>${w.balance}</span>${reserved}${atTables}</div>
    <ul class="movements">${joined(recent)}</ul>`);
}

function movementText(m) {
  const at = m.tableId ? ` at ${m.tableId}` : "";
  switch (m.kind) {
    case "credit": return `+${m.chips} ${m.cause || "credit"}`;
    case "debit": return `${m.chips} ${m.cause || "debit"}`;
    case "buy-in": return `${m.chips} buy-in reserved${at}`;
    case "seated": return `seated${at}`;
    case "released": return `+${m.chips} back: ${m.cause || "seat refused"}`;
    case "returned": return `+${m.chips} back from the table${at}`;
    case "stake": return `${m.chips} staked on ${m.market}`;
    case "bet taken": return `bet on ${m.market} taken`;
    case "bet refused": return `+${m.chips} back: ${m.cause || "bet refused"}`;
    case "won": return `+${m.chips} won on ${m.market}`;
    case "lost": return `lost on ${m.market}`;
    case "bet returned": return `+${m.chips} returned on ${m.market}: ${m.cause || ""}`;
    case "taken back": return `${m.chips} taken back on ${m.market} (a correction)`;
    default: return `${m.kind} ${m.chips}`;
  }
}

function tableError(id, error) {
  console.warn(`table ${id}:`, error.code, error.message);
  if (error.code === "unauthorized") {
    const entry = tables.get(id);
    if (entry) entry.expiresAt = 0; // renewed on the next round
  }
}

async function followSeat(client, tableId, playerId) {
  const entry = tables.get(tableId);
  if (!entry || entry.seat?.playerId === playerId) return;
  if (entry.seat) entry.seat.sub.unsubscribe();
  entry.seat = { playerId, sub: null, token: null, expiresAt: 0, error: null };
  renderTable(tableId, entry.sub.state);
  try {
    const grant = await token(tableId, playerId);
    if (entry.seat?.playerId !== playerId) return;
    Object.assign(entry.seat, grant);
    entry.seat.sub = client.subscribe(`table:${tableId}/seat:${playerId}`, {
      token: grant.token,
      onState: () => renderTable(tableId, entry.sub.state),
      onError: (error) => {
        if (entry.seat?.playerId === playerId) {
          entry.seat.error = error.message;
          renderTable(tableId, entry.sub.state);
        }
      },
    });
  } catch (error) {
    entry.seat.error = `no token for ${playerId}: ${error.message}`;
    renderTable(tableId, entry.sub.state);
  }
}

/** The action a button of a table card stands for, or null. */
function actionOf(button) {
  switch (button.dataset.move) {
    case "see": return { type: "cards.see" };
    case "pack": return { type: "pack" };
    case "show": return { type: "show" };
    case "sideShow": return { type: "sideshow.request" };
    case "accept": return { type: "sideshow.answer", accept: true };
    case "deny": return { type: "sideshow.answer", accept: false };
    case "leave": return { type: "player.leave" };
    case "bet": {
      const input = button.closest("[data-own-seat]").querySelector("[data-bet-amount]");
      return { type: "bet", amount: Number(input.value) };
    }
    case "sit": return { type: "player.sit", seat: Number(button.dataset.seatNo), chips: BUY_IN };
    default: return null;
  }
}

/** Sends one of the visitor's moves and shows the verdict (or why it was not sent) on the table's card. */
async function play(client, tableId, button) {
  const entry = tables.get(tableId);
  const action = actionOf(button);
  if (!entry || !action) return;
  if (action.type === "player.sit") {
    await followSeat(client, tableId, guest);
  }
  const token = entry.seat?.playerId === guest ? entry.seat.token : null;
  if (!token) {
    entry.verdict = { text: "No token for your seat yet: try again in a moment", refused: true };
    renderTable(tableId, entry.sub.state);
    return;
  }
  entry.verdict = { text: `${label(action)}…`, pending: true };
  renderTable(tableId, entry.sub.state);
  try {
    const verdict = await client.act(`table:${tableId}`, action, { token });
    entry.verdict = verdict.accepted
      ? { text: `${label(action)}: accepted (version ${verdict.version})`, accepted: true }
      : { text: `${label(action)}: refused, ${verdict.reason}`, refused: true };
  } catch (error) {
    entry.verdict = { text: `${label(action)}: not sent, ${error.message}`, refused: true };
  }
  renderTable(tableId, entry.sub.state);
}

function label(action) {
  switch (action.type) {
    case "player.sit": return `Sit at seat ${action.seat}`;
    case "player.leave": return "Leave";
    case "cards.see": return "See cards";
    case "bet": return `Bet ${action.amount}`;
    case "sideshow.request": return "Side show";
    case "sideshow.answer": return action.accept ? "Accept the side show" : "Refuse the side show";
    default: return action.type[0].toUpperCase() + action.type.slice(1);
  }
}

/**
 * A click on a seat, or Enter or Space on one, shows that player's own view of the table; a click
 * on a move's button plays it.
 */
export function followSeatsPicked(client) {
  $("[data-tables]").addEventListener("click", (event) => {
    const button = event.target.closest("button[data-move]");
    const card = event.target.closest("[data-table]");
    if (button && card) {
      event.preventDefault();
      event.stopPropagation();
      play(client, card.dataset.table, button);
    }
  }, true);
  const picked = (event) => {
    const seat = event.target.closest("[data-seat]");
    const card = event.target.closest("[data-table]");
    if (event.target.closest("button, input")) return;
    if (seat && card && (event.type === "click" || event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      followSeat(client, card.dataset.table, seat.dataset.player);
    }
  };
  $("[data-tables]").addEventListener("click", picked);
  $("[data-tables]").addEventListener("keydown", picked);
}

const SUIT = { H: ["♥", "red"], D: ["♦", "red"], C: ["♣", "black"], S: ["♠", "black"] };

function cardHtml(code) {
  const rank = code.slice(0, -1) === "T" ? "10" : code.slice(0, -1);
  const [symbol, colour] = SUIT[code.slice(-1)] || ["?", "black"];
  return html`<span class="playing-card ${colour}" data-card="${code}"><span class="rank">${rank}</span><span class="suit">${symbol}</span></span>`;
}

function actionText(a) {
  const who = a.playerId;
  switch (a.move) {
    case "see": return html`${who} looked at their cards`;
    case "blind": return html`${who} bet <b>${a.amount}</b> blind`;
    case "chaal": return html`${who} played chaal <b>${a.amount}</b>`;
    case "pack": return html`${who} packed`;
    case "timeout": return html`${who} ran out of time and packed`;
    case "leave": return html`${who} left the table`;
    case "show": return html`${who} asked for a show (<b>${a.amount}</b>)`;
    case "sideshow": return html`${who} asked for a side show (<b>${a.amount}</b>)`;
    case "accept": return html`${who} accepted the side show`;
    case "deny": return html`${who} refused the side show`;
    case "outranked": return html`${who} lost the side show and packed`;
    default: return html`${who}: ${a.move}`;
  }
}

function renderTable(id, t) {
  const grid = $("[data-tables]");
  let card = grid.querySelector(`[data-table="${CSS.escape(id)}"]`);
  if (!card) {
    card = document.createElement("article");
    card.className = "table-card";
    card.dataset.table = id;
    const after = [...grid.children].find((c) => Number(c.dataset.table?.split("-").pop()) > Number(id.split("-").pop()));
    grid.insertBefore(card, after || null);
  }
  if (!t) {
    card.replaceChildren(element("p", "empty", `Waiting for table ${id}…`));
    return;
  }
  const entry = tables.get(id);
  const sub = entry?.sub;
  const hand = t.hand;
  card.dataset.status = t.status;
  card.dataset.version = sub?.version ?? "";
  const seats = ordered(t.seats).map(([seatNo, seat]) => seatHtml(seatNo, seat, t, entry));
  const result = hand?.result
    ? html`<p class="hand-result">Hand ${hand.number} won by ${joined(Object.values(hand.result.winners || {})
      .map((w) => html`<b>${w.playerId}</b> (+${w.amount})`), ", ")} · ${hand.result.how}</p>` : "";
  setHtml(card, html`${[
    html`<header class="table-head"><h3>Table ${id}</h3><span class="badge table-${t.status}">${hand ? `Hand ${hand.number} · ` : ""}${t.status}</span></header>`,
    html`<div class="felt">${[
      html`<div class="pot"><span class="label">Pot</span><span class="pot-amount" data-field="pot">${hand ? hand.pot : 0}</span></div>`,
      html`<div class="felt-facts"><span>Stake <b data-field="stake">${hand ? hand.stake : "–"}</b></span><span>Boot <b>${t.config?.boot ?? "–"}</b></span><span>Pot limit <b>${t.config?.potLimit ?? "–"}</b></span></div>`,
    ]}</div>`,
    html`<ol class="seats">${seats}</ol>`,
    sitHtml(t),
    html`<p class="last-action" data-field="last-action">${hand?.lastAction ? actionText(hand.lastAction) : "Waiting for the first hand"}</p>`,
    result,
    ownSeatHtml(entry, t),
    entry?.verdict ? html`<p class="verdict ${entry.verdict.accepted ? "accepted" : entry.verdict.refused ? "refused" : "pending"}" data-verdict>${entry.verdict.text}</p>` : "",
  ]}`);
  tickTimers();
}

function seatHtml(seatNo, seat, t, entry) {
  const hand = t.hand;
  const p = hand?.players?.[seatNo];
  const playing = p && p.playerId === seat.playerId;
  const turn = hand && !hand.result && hand.awaiting?.seat === Number(seatNo);
  const winner = hand?.result?.winners?.[seatNo];
  const following = entry?.seat?.playerId === seat.playerId;
  const classes = ["seat", turn && "turn", playing && p.status === "packed" && "packed", following && "following",
    winner && "winner"].filter(Boolean).join(" ");
  const dealer = hand && hand.dealer === Number(seatNo) ? html`<span class="dealer" title="dealer">D</span>` : "";
  return html`<li class="${classes}" data-seat="${seatNo}" data-player="${seat.playerId}" tabindex="0" role="button" aria-pressed="${following}" title="See ${seat.playerId}'s own cards">${[
    html`<span class="seat-no">${seatNo}</span>`,
    html`<span class="seat-player">${seat.playerId}${dealer}</span>`,
    html`<span class="seat-state">${[
      playing ? html`<span class="pill ${p.status}">${p.status}</span>` : html`<span class="pill out">sitting out</span>`,
      turn ? html`<span class="pill turn-pill">to act</span>` : "",
      winner ? html`<span class="pill won">won ${winner.amount}</span>` : "",
    ]}</span>`,
    html`<span class="seat-chips"><span data-field="chips">${seat.chips}</span><small>chips</small></span>`,
    playing && p.paid ? html`<span class="seat-paid">in pot ${p.paid}</span>` : html`<span class="seat-paid"></span>`,
    playing && p.cards ? html`<span class="seat-cards" title="shown to the table">${p.cards.map(cardHtml)}<span class="seat-rank">${p.rank || ""}</span></span>` : "",
    turn && hand.awaiting.deadline
      ? html`<span class="turn-timer" data-deadline="${hand.awaiting.deadline}" data-seconds="${t.config?.turnSeconds ?? 20}"><span></span></span>` : "",
  ]}</li>`;
}

/** A button for the visitor's first free seat, while they sit nowhere at this table. */
function sitHtml(t) {
  if (t.status === "closed" || Object.values(t.seats || {}).some((s) => s.playerId === guest)) return "";
  const total = t.config?.seats ?? 0;
  let free = 0;
  for (let n = 1; n <= total && !free; n++) {
    if (!t.seats?.[n]) free = n;
  }
  if (!free) return html`<p class="muted">Every seat is taken.</p>`;
  return html`<div class="take-seat"><button type="button" class="move" data-move="sit" data-seat-no="${free}">Take seat ${free} as ${guest} (${BUY_IN} chips)</button></div>`;
}

/** The visitor's own moves: what their seat's view offers now, and leaving. */
function movesHtml(own, t) {
  const options = own?.options || {};
  const buttons = [];
  if (options.see) buttons.push(html`<button type="button" class="move" data-move="see">See cards</button>`);
  if (options.bet) {
    buttons.push(html`<span class="bet"><input type="number" data-bet-amount min="${options.bet.min}" max="${options.bet.max}" step="1" value="${options.bet.min}" aria-label="amount"><button type="button" class="move primary" data-move="bet">Bet</button><small>${options.bet.min}–${options.bet.max}</small></span>`);
  }
  if (options.show) buttons.push(html`<button type="button" class="move" data-move="show">Show (${options.show.cost})</button>`);
  if (options.sideShow) buttons.push(html`<button type="button" class="move" data-move="sideShow">Side show with ${options.sideShow.with} (${options.sideShow.cost})</button>`);
  if (options.answerSideShow) {
    buttons.push(html`<button type="button" class="move primary" data-move="accept">Accept ${options.answerSideShow.playerId}'s side show</button>`);
    buttons.push(html`<button type="button" class="move" data-move="deny">Refuse</button>`);
  }
  if (options.pack) buttons.push(html`<button type="button" class="move danger" data-move="pack">Pack</button>`);
  const hand = t?.hand;
  const myTurn = hand && !hand.result && hand.awaiting?.playerId === guest && hand.awaiting.deadline;
  const clock = myTurn ? html`<span class="turn-timer own" data-deadline="${hand.awaiting.deadline}" data-seconds="${t.config?.turnSeconds ?? 20}"><span></span></span>` : "";
  return html`<div class="moves" data-moves>${[
    myTurn ? html`<span class="label">Your turn</span>` : html`<span class="label">${buttons.length ? "Any time" : "Waiting"}</span>`,
    buttons,
    html`<button type="button" class="move quiet" data-move="leave">Leave the table</button>`,
    clock,
  ]}</div>`;
}

function ownSeatHtml(entry, t) {
  const seat = entry?.seat;
  if (!seat) return "";
  const own = seat.sub?.state;
  let body;
  if (seat.error) {
    body = html`<p class="muted">${seat.error}</p>`;
  } else if (!own) {
    body = html`<p class="muted">Asking for ${seat.playerId}'s token…</p>`;
  } else if (own.cards) {
    body = html`<div class="cards" data-own-cards>${own.cards.map(cardHtml)}</div><p class="rank-line">${own.rank || ""}</p>`;
  } else if (own.hand !== undefined) {
    body = html`<p class="muted" data-own-blind>Playing blind: the cards stay face down until ${seat.playerId} looks.</p>`;
  } else {
    body = html`<p class="muted">Not in the current hand.</p>`;
  }
  const options = own?.options ? Object.keys(own.options).map((o) => html`<span class="pill option">${o}</span>`) : [];
  return html`<div class="own-seat" data-own-seat="${seat.playerId}">${[
    html`<div class="own-head"><span class="label">Own view</span> <b>${seat.playerId}</b>${own ? ` · seat ${own.seat} · ${own.chips} chips` : ""}</div>`,
    body,
    seat.playerId === guest && own ? movesHtml(own, t)
      : options.length ? html`<div class="options"><span class="label">May</span>${options}</div>` : "",
  ]}</div>`;
}

/** Shortens each turn's bar to the time left; the page calls it a few times a second. */
export function tickTimers() {
  for (const timer of document.querySelectorAll(".turn-timer")) {
    const left = Date.parse(timer.dataset.deadline) - Date.now();
    const total = Number(timer.dataset.seconds) * 1000;
    timer.firstElementChild.style.width = `${Math.max(0, Math.min(100, (left / total) * 100))}%`;
  }
}
