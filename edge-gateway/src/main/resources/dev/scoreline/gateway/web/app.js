// The page: live matches and tables from one gateway, through scoreline-client.js.
import { Connection, ScorelineClient } from "./scoreline-client.js";

const POLL_MS = 5000;
const TOKEN_MARGIN_MS = 5 * 60 * 1000;
const MAX_TABLES = 50;
// The view carries overs as text and balls as counts, not the balls in an over: T20s have six.
const BALLS_PER_OVER = 6;

const $ = (selector, root = document) => root.querySelector(selector);

const matches = new Map(); // matchId -> {channel, sub}
const tables = new Map(); // tableId -> {sub, token, expiresAt, seat: {playerId, sub, token, expiresAt}}
let selectedMatch = null;
let userPickedMatch = false;
let devTokens = true;

const client = new ScorelineClient(undefined, {
  onConnection: showConnection,
  onError: (error) => console.warn("gateway:", error.code, error.message),
});
// A handle for the console (and for tests): the client, its subscriptions and their states.
window.scoreline = { client };

// ---------- connection ----------

let wasDown = false;
let countdownTimer = null;

function showConnection(state, info) {
  const box = $("[data-connection]");
  const text = $("[data-connection-text]");
  box.dataset.connection = state;
  document.body.dataset.connection = state;
  clearInterval(countdownTimer);
  if (state === Connection.CONNECTED) {
    text.textContent = "Live";
    if (wasDown) {
      toast(`Reconnected: resumed ${client.subscriptions.size} channels from where they were`);
    }
    wasDown = false;
  } else if (state === Connection.CONNECTING) {
    text.textContent = "Connecting…";
  } else if (state === Connection.RECONNECTING || state === Connection.OFFLINE) {
    wasDown = true;
    const due = Date.now() + (info.delayMs || 0);
    const label = state === Connection.OFFLINE ? "Offline" : "Reconnecting";
    const tick = () => {
      const seconds = Math.max(0, Math.ceil((due - Date.now()) / 1000));
      text.textContent = seconds > 0 ? `${label} · retry in ${seconds} s` : `${label}…`;
    };
    tick();
    countdownTimer = setInterval(tick, 500);
  } else {
    text.textContent = "Closed";
  }
}

let toastTimer = null;
function toast(message) {
  const el = $("[data-toast]");
  el.textContent = message;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, 4000);
}

// ---------- helpers ----------

function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
  })[c]);
}

function ordered(object) {
  return Object.keys(object || {}).sort((a, b) => Number(a) - Number(b)).map((k) => [k, object[k]]);
}

function plural(n, word, words = `${word}s`) {
  return `${n} ${n === 1 ? word : words}`;
}

function fixed(n) {
  return typeof n === "number" ? n.toFixed(2) : "–";
}

async function getJson(url) {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) {
    const error = new Error(`${url}: ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

// ---------- the ticker ----------

const TICKER_ORDER = { live: 0, "innings break": 1, completed: 2 };

/** The ticker's lines as the strip shows them: live, then at a break, then finished. */
function tickerLines(state) {
  return Object.entries(state?.matches || {})
    .sort(([a, x], [b, y]) => (TICKER_ORDER[x.status] ?? 3) - (TICKER_ORDER[y.status] ?? 3)
      || a.localeCompare(b, undefined, { numeric: true }));
}

// The ticker is built with DOM calls and textContent only: its text is never parsed as markup.
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = String(text);
  return node;
}

function renderTicker(state, change) {
  const box = $("[data-ticker]");
  const lines = tickerLines(state);
  box.hidden = lines.length === 0;
  box.dataset.version = change.version;
  const before = change.previous?.matches || {};
  $("[data-ticker-lines]").replaceChildren(...lines.map(([id, line]) => tickerLine(id, line, before[id])));
}

function tickerLine(id, line, before) {
  const status = String(line.status ?? "");
  const item = element("a", `ticker-line status-${status.replace(/[^a-z]+/g, "-")}`);
  item.href = `#match=${encodeURIComponent(id)}`;
  item.dataset.tickerMatch = id;
  item.dataset.status = status;
  const label = status === "live" ? "Live" : status === "innings break" ? "Break" : status === "completed" ? "Result" : status;
  item.append(element("span", `badge status-${status.replace(/[^a-z]+/g, "-")}`, label));
  item.append(element("span", "ticker-teams", (Array.isArray(line.teams) ? line.teams : []).join(" v ")));
  if (line.score !== undefined) {
    const score = element("span", "ticker-score");
    if (line.batting !== undefined && status !== "completed") {
      score.append(element("span", "ticker-batting", initials(line.batting)));
    }
    score.append(element("b", null, line.score));
    score.dataset.field = "score";
    if (before && before.score !== line.score) score.classList.add("flash");
    item.append(score);
  } else {
    item.append(element("span", "ticker-score muted", "yet to start"));
  }
  if (line.overs !== undefined) item.append(element("span", "ticker-overs", `(${line.overs} ov)`));
  if (line.target !== undefined && status !== "completed") {
    item.append(element("span", "ticker-target", `target ${line.target}`));
  }
  if (status === "completed" && line.result !== undefined) {
    item.append(element("span", "ticker-result", line.result));
  }
  return item;
}

// ---------- matches ----------

async function refreshMatches() {
  try {
    const listing = await getJson("/v1/channels?prefix=match:");
    for (const { channel } of listing.channels) {
      const id = channel.slice("match:".length);
      if (!matches.has(id)) {
        const entry = { channel, sub: null };
        matches.set(id, entry);
        entry.sub = client.subscribe(channel, { onState: (state, change) => matchChanged(id, state, change) });
      }
    }
    $("[data-matches-note]").textContent = matches.size === 0 ? "Looking for matches…" : liveSummary();
  } catch (error) {
    // the connection state says what is wrong; the next poll tries again
  }
}

function liveSummary() {
  let live = 0;
  for (const { sub } of matches.values()) {
    if (sub.state && sub.state.status !== "completed") live++;
  }
  return `${plural(matches.size, "match", "matches")}${live ? ` · ${live} live` : ""}`;
}

// Until the reader picks a match, show the strip's first live one (else its first). The first
// states arrive together: the choice settles once a live match has been shown for a moment.
const SETTLE_MS = 3000;
const loadedAt = Date.now();
let settledOnLive = false;
function autoSelect() {
  if (userPickedMatch || settledOnLive) return;
  const strip = stripOrder();
  const live = strip.find(([, m]) => m.sub.state.status !== "completed");
  if (live) {
    selectedMatch = live[0];
    settledOnLive = Date.now() - loadedAt > SETTLE_MS;
  } else if (strip.length && !matches.get(selectedMatch)?.sub?.state) {
    selectedMatch = strip[0][0];
  }
}

function matchChanged(id, state, change) {
  const before = selectedMatch;
  autoSelect();
  if (selectedMatch !== before && selectedMatch !== id) {
    renderScorecard(selectedMatch);
  }
  renderStrip();
  flashTile(id, state, change.previous);
  if (id === selectedMatch) {
    renderScorecard(id, change.previous);
  }
  $("[data-matches-note]").textContent = liveSummary();
}

const STATUS_ORDER = { live: 0, "innings break": 1, completed: 2 };

/** The matches with a state, as the strip shows them: live, then at a break, then finished. */
function stripOrder() {
  return [...matches.entries()].filter(([, m]) => m.sub.state)
    .sort(([a, ma], [b, mb]) => (STATUS_ORDER[ma.sub.state.status] ?? 3) - (STATUS_ORDER[mb.sub.state.status] ?? 3)
      || a.localeCompare(b, undefined, { numeric: true }));
}

function renderStrip() {
  const strip = $("[data-matches]");
  const entries = stripOrder();
  const html = entries.map(([id, m]) => tileHtml(id, m.sub.state)).join("");
  if (strip.innerHTML !== html) {
    strip.innerHTML = html;
  }
}

function inningsList(state) {
  return ordered(state.innings);
}

function statusBadge(status) {
  const label = status === "live" ? "Live" : status === "innings break" ? "Innings break" : "Result";
  return `<span class="badge status-${esc(status.replace(" ", "-"))}">${label}</span>`;
}

function tileHtml(id, s) {
  const innings = inningsList(s);
  const lines = (s.teams || []).map((team) => {
    const played = innings.filter(([, inn]) => inn.team === team && !inn.superOver);
    const score = played.map(([, inn]) => `${inn.runs}/${inn.wickets} <small>(${esc(inn.overs)})</small>`).join(" &amp; ");
    const batting = s.status === "live" && current(s)?.team === team;
    return `<div class="tile-team${batting ? " batting" : ""}"><span class="team-name">${esc(team)}</span>`
      + `<span class="tile-score" data-tile-score="${esc(team)}">${score || "<small>yet to bat</small>"}</span></div>`;
  }).join("");
  const superOvers = innings.filter(([, inn]) => inn.superOver)
    .map(([, inn]) => `${esc(initials(inn.team))} ${inn.runs}/${inn.wickets}`).join(", ");
  return `<a class="tile${id === selectedMatch ? " selected" : ""}" href="#match=${esc(id)}" data-match-tile="${esc(id)}"`
    + ` data-status="${esc(s.status)}"${id === selectedMatch ? ' aria-current="true"' : ""}>`
    + `<div class="tile-top">${statusBadge(s.status)}<span class="venue">${esc(s.venue || "")}</span></div>`
    + lines
    + (superOvers ? `<div class="tile-super">Super over: ${superOvers}</div>` : "")
    + `<div class="tile-foot">${esc(s.result ? resultText(s.result) : situation(s))}</div></a>`;
}

/** "Mumbai Indians" → "MI": short enough for a tile's side line. */
function initials(team) {
  return String(team).split(/\s+/).filter(Boolean).map((w) => w[0].toUpperCase()).join("");
}

function flashTile(id, state, previous) {
  if (!previous) return;
  const now = current(state);
  const before = previous && current(previous);
  if (!now || !before || now.runs === before.runs && now.wickets === before.wickets) return;
  const tile = document.querySelector(`[data-match-tile="${CSS.escape(id)}"] .tile-team.batting .tile-score`);
  if (tile) {
    tile.classList.add(now.wickets !== before.wickets ? "flash-wicket" : "flash");
  }
}

/** The innings in play, else the last one. */
function current(s) {
  const innings = inningsList(s);
  return innings.length ? innings[innings.length - 1][1] : undefined;
}

function situation(s) {
  const inn = current(s);
  if (!inn) return s.status === "live" ? "About to start" : "";
  if (s.status === "innings break") {
    return inn.target ? "" : `${inn.team} ${inn.runs}/${inn.wickets}; innings break`;
  }
  if (inn.target && inn.target.runs !== undefined) {
    const need = inn.target.runs - inn.runs;
    if (inn.target.overs !== undefined && need > 0) {
      const left = inn.target.overs * BALLS_PER_OVER - inn.legalBalls;
      return `${inn.team} need ${plural(need, "run")} from ${plural(Math.max(0, left), "ball")}`;
    }
    return need > 0 ? `${inn.team} need ${plural(need, "run")}` : "";
  }
  return inn.runRate !== undefined ? `Run rate ${fixed(inn.runRate)}` : "";
}

function resultText(r) {
  let text;
  if (r.result === "tie") {
    text = r.winner ? `Match tied; ${r.winner} won the super over` : "Match tied";
  } else if (r.result === "no result") {
    text = "No result";
  } else if (r.result === "draw") {
    text = "Match drawn";
  } else if (r.winner) {
    const by = r.by || {};
    if (by.innings && by.runs !== undefined) {
      text = `${r.winner} won by an innings and ${plural(by.runs, "run")}`;
    } else if (by.runs !== undefined) {
      text = `${r.winner} won by ${plural(by.runs, "run")}`;
    } else if (by.wickets !== undefined) {
      text = `${r.winner} won by ${plural(by.wickets, "wicket")}`;
    } else {
      text = `${r.winner} won`;
    }
  } else {
    text = r.result || "Result";
  }
  return r.method ? `${text} (${r.method})` : text;
}

function resultAttributes(r) {
  if (!r) return "";
  const by = r.by || {};
  const attrs = { "data-result-kind": r.result || "win", "data-winner": r.winner, "data-by-runs": by.runs,
    "data-by-wickets": by.wickets, "data-method": r.method };
  return Object.entries(attrs).filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` ${k}="${esc(v)}"`).join("");
}

function selectFromHash() {
  const match = /^#match=(.+)$/.exec(location.hash);
  if (match) {
    selectedMatch = decodeURIComponent(match[1]);
    userPickedMatch = true;
    renderStrip();
    renderScorecard(selectedMatch);
  }
}

function renderScorecard(id, previous) {
  const panel = $("[data-scorecard-panel]");
  const entry = matches.get(id);
  const s = entry?.sub?.state;
  if (!s) {
    panel.innerHTML = `<p class="empty">${matches.has(id) || !id ? "Waiting for the match's first state…"
      : `No match ${esc(id)} on this gateway (yet).`}</p>`;
    return;
  }
  const toss = s.toss && s.toss.winner
    ? ` · ${esc(s.toss.winner)} won the toss${s.toss.decision ? ` and chose to ${esc(s.toss.decision)}` : ""}` : "";
  const innings = inningsList(s);
  const inPlay = s.status === "live" ? current(s) : undefined;
  panel.innerHTML = `<article class="scorecard" data-match="${esc(id)}" data-status="${esc(s.status)}"`
    + ` data-epoch="${esc(entry.sub.epoch)}" data-version="${entry.sub.version}">`
    + `<header class="scorecard-head">`
    + `<div class="title-row"><h3>${(s.teams || []).map(esc).join(' <span class="versus">v</span> ')}</h3>${statusBadge(s.status)}</div>`
    + `<p class="meta">${esc(s.venue || "")}${toss}</p>`
    + (s.result ? `<p class="result" data-field="result"${resultAttributes(s.result)}>${esc(resultText(s.result))}</p>` : "")
    + `</header>`
    + (inPlay ? liveStrip(s, inPlay) : "")
    + (innings.length ? "" : `<p class="not-started">The first ball is yet to be bowled.</p>`)
    + innings.map(([key, inn]) => inningsHtml(key, inn, s, previous)).join("")
    + `<p class="version-note">epoch ${esc(entry.sub.epoch)} · version ${entry.sub.version}</p>`
    + `</article>`;
}

function liveStrip(s, inn) {
  const balls = ordered(inn.thisOver).map(([, b]) => `<span class="ball ${ballClass(b)}">${esc(b === "0" ? "•" : b)}</span>`);
  const bits = [];
  if (inn.runRate !== undefined) bits.push(`<span>CRR <b>${fixed(inn.runRate)}</b></span>`);
  if (inn.target) bits.push(`<span>Target <b>${inn.target.runs}</b>${inn.target.overs ? ` in ${inn.target.overs} ov` : ""}</span>`);
  if (inn.requiredRate !== undefined) bits.push(`<span>RRR <b>${fixed(inn.requiredRate)}</b></span>`);
  const need = inn.target ? situation(s) : "";
  const batters = ordered(inn.batters).map(([, b]) => b)
    .filter((b) => b.name === inn.striker || b.name === inn.nonStriker)
    .map((b) => `<span class="at-crease">${esc(b.name)}${b.name === inn.striker ? "*" : ""} <b>${b.runs}</b> (${b.balls})</span>`);
  const bowler = inn.bowler && inn.bowlers?.[inn.bowler];
  return `<div class="live-strip" data-live>`
    + `<div class="live-numbers">${bits.join("")}</div>`
    + (need ? `<p class="need">${esc(need)}</p>` : "")
    + `<div class="this-over" data-this-over><span class="label">This over</span>${balls.join("") || '<span class="muted">–</span>'}</div>`
    + `<div class="crease">${batters.join("")}${bowler ? `<span class="at-crease bowler">${esc(inn.bowler)} `
      + `<b>${bowler.wickets}-${bowler.runs}</b> (${esc(bowler.overs)})</span>` : ""}</div>`
    + `</div>`;
}

function ballClass(b) {
  if (b.endsWith("W")) return "wicket";
  if (b === "4" || b === "6") return `boundary b${b}`;
  if (/[a-z]/.test(b)) return "extra";
  return b === "0" ? "dot" : "";
}

function inningsHtml(key, inn, s, previous) {
  const prev = previous?.innings?.[key];
  const changed = prev && (prev.runs !== inn.runs || prev.wickets !== inn.wickets) ? " flash" : "";
  const x = inn.extras || {};
  const extras = (x.wides || 0) + (x.noballs || 0) + (x.byes || 0) + (x.legbyes || 0) + (x.penalty || 0);
  const batters = ordered(inn.batters).map(([pos, b]) => {
    const atCrease = !b.out && (b.name === inn.striker || b.name === inn.nonStriker);
    const sr = b.balls > 0 ? (b.runs * 100 / b.balls).toFixed(1) : "–";
    return `<tr data-batter="${esc(pos)}"${atCrease ? ' class="at-crease-row"' : ""}>`
      + `<td class="who"><span data-field="name">${esc(b.name)}</span>${b.name === inn.striker ? '<span class="striker" title="on strike">*</span>' : ""}`
      + `<span class="how" data-field="out">${esc(b.out || (atCrease ? "batting" : "not out"))}</span></td>`
      + `<td class="num strong" data-field="runs">${b.runs}</td><td class="num" data-field="balls">${b.balls}</td>`
      + `<td class="num opt" data-field="fours">${b.fours}</td><td class="num opt" data-field="sixes">${b.sixes}</td>`
      + `<td class="num opt">${sr}</td></tr>`;
  }).join("");
  const bowlers = Object.entries(inn.bowlers || {}).map(([name, b]) => {
    const econ = b.legalBalls > 0 ? (b.runs * BALLS_PER_OVER / b.legalBalls).toFixed(2) : "–";
    return `<tr data-bowler="${esc(name)}"${name === inn.bowler && s.status === "live" ? ' class="at-crease-row"' : ""}>`
      + `<td class="who"><span data-field="name">${esc(name)}</span></td>`
      + `<td class="num" data-field="overs">${esc(b.overs)}</td><td class="num" data-field="maidens">${b.maidens}</td>`
      + `<td class="num" data-field="runs">${b.runs}</td><td class="num strong" data-field="wickets">${b.wickets}</td>`
      + `<td class="num opt">${econ}</td></tr>`;
  }).join("");
  const fow = ordered(inn.fallOfWickets).map(([n, f]) =>
    `<li data-wicket="${esc(n)}"><b>${f.runs}-${esc(n)}</b> ${esc(f.player)} <span class="muted">(${esc(f.overs)} ov)</span></li>`).join("");
  const label = inn.superOver ? "Super over" : `Innings ${esc(key)}`;
  return `<section class="innings" data-innings="${esc(key)}">`
    + `<header class="innings-head"><div><span class="innings-label">${label}</span>`
    + `<h4>${esc(inn.team)}</h4></div>`
    + `<div class="innings-score${changed}"><span class="big"><span data-field="runs">${inn.runs}</span>/<span data-field="wickets">${inn.wickets}</span></span>`
    + ` <span class="overs">(<span data-field="overs">${esc(inn.overs)}</span> ov)</span>`
    + (inn.runRate !== undefined ? `<span class="rr">RR ${fixed(inn.runRate)}</span>` : "")
    + `</div></header>`
    + (inn.target ? `<p class="target">Target ${inn.target.runs}${inn.target.overs ? ` from ${inn.target.overs} overs` : ""}</p>` : "")
    + `<div class="tables-2">`
    + `<table class="card-table batting"><thead><tr><th>Batter</th><th class="num">R</th><th class="num">B</th>`
    + `<th class="num opt">4s</th><th class="num opt">6s</th><th class="num opt">SR</th></tr></thead><tbody>${batters}</tbody>`
    + `<tfoot><tr><td>Extras <span class="muted">(b ${x.byes || 0}, lb ${x.legbyes || 0}, w ${x.wides || 0}, nb ${x.noballs || 0}${x.penalty ? `, p ${x.penalty}` : ""})</span></td>`
    + `<td class="num" data-field="extras">${extras}</td><td colspan="4"></td></tr></tfoot></table>`
    + `<table class="card-table bowling"><thead><tr><th>Bowler</th><th class="num">O</th><th class="num">M</th>`
    + `<th class="num">R</th><th class="num">W</th><th class="num opt">Econ</th></tr></thead><tbody>${bowlers}</tbody></table>`
    + `</div>`
    + (fow ? `<div class="fow"><span class="label">Fall of wickets</span><ol>${fow}</ol></div>` : "")
    + `</section>`;
}

// ---------- tables ----------

async function token(table, player) {
  const query = `table=${encodeURIComponent(table)}${player ? `&player=${encodeURIComponent(player)}` : ""}`;
  const body = await getJson(`/v1/dev/token?${query}`);
  return { token: body.token, expiresAt: Date.parse(body.expiresAt) };
}

/**
 * The demo's tables are demo-1 ... demo-N; each needs a token, so the page asks for one per
 * table and checks with it that the table exists, one more each round until one is missing.
 */
let discovering = false;
async function discoverTables() {
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
    await renewTokens();
    $("[data-tables-note]").textContent = tables.size ? plural(tables.size, "table") : "Looking for tables…";
  } catch (error) {
    if (error.status === 404) {
      devTokens = false;
      $("[data-tables-note]").textContent = "Tables need a token";
      $("[data-tables]").innerHTML = `<p class="empty">This gateway hands out no demo tokens (it is not in dev mode): `
        + `a table service gives players their tokens.</p>`;
    }
  } finally {
    discovering = false;
  }
}

async function renewTokens() {
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

function tableError(id, error) {
  console.warn(`table ${id}:`, error.code, error.message);
  if (error.code === "unauthorized") {
    const entry = tables.get(id);
    if (entry) entry.expiresAt = 0; // renewed on the next round
  }
}

async function followSeat(tableId, playerId) {
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

const SUIT = { H: ["♥", "red"], D: ["♦", "red"], C: ["♣", "black"], S: ["♠", "black"] };

function cardHtml(code) {
  const rank = code.slice(0, -1) === "T" ? "10" : code.slice(0, -1);
  const [symbol, colour] = SUIT[code.slice(-1)] || ["?", "black"];
  return `<span class="playing-card ${colour}" data-card="${esc(code)}"><span class="rank">${esc(rank)}</span>`
    + `<span class="suit">${symbol}</span></span>`;
}

function actionText(a) {
  if (!a) return "";
  const who = esc(a.playerId);
  switch (a.move) {
    case "see": return `${who} looked at their cards`;
    case "blind": return `${who} bet <b>${a.amount}</b> blind`;
    case "chaal": return `${who} played chaal <b>${a.amount}</b>`;
    case "pack": return `${who} packed`;
    case "timeout": return `${who} ran out of time and packed`;
    case "leave": return `${who} left the table`;
    case "show": return `${who} asked for a show (<b>${a.amount}</b>)`;
    case "sideshow": return `${who} asked for a side show (<b>${a.amount}</b>)`;
    case "accept": return `${who} accepted the side show`;
    case "deny": return `${who} refused the side show`;
    case "outranked": return `${who} lost the side show and packed`;
    default: return `${who}: ${esc(a.move)}`;
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
    card.innerHTML = `<p class="empty">Waiting for table ${esc(id)}…</p>`;
    return;
  }
  const entry = tables.get(id);
  const sub = entry?.sub;
  const hand = t.hand;
  const live = hand && !hand.result;
  card.dataset.status = t.status;
  card.dataset.version = sub?.version ?? "";
  const seats = ordered(t.seats).map(([seatNo, seat]) => {
    const p = hand?.players?.[seatNo];
    const playing = p && p.playerId === seat.playerId;
    const turn = live && hand.awaiting?.seat === Number(seatNo);
    const winner = hand?.result?.winners?.[seatNo];
    const following = entry?.seat?.playerId === seat.playerId;
    const classes = ["seat", turn && "turn", playing && p.status === "packed" && "packed", following && "following",
      winner && "winner"].filter(Boolean).join(" ");
    return `<li class="${classes}" data-seat="${esc(seatNo)}" data-player="${esc(seat.playerId)}" tabindex="0" role="button"`
      + ` aria-pressed="${following}" title="See ${esc(seat.playerId)}'s own cards">`
      + `<span class="seat-no">${esc(seatNo)}</span>`
      + `<span class="seat-player">${esc(seat.playerId)}${hand && hand.dealer === Number(seatNo) ? '<span class="dealer" title="dealer">D</span>' : ""}</span>`
      + `<span class="seat-state">${playing ? `<span class="pill ${esc(p.status)}">${esc(p.status)}</span>` : '<span class="pill out">sitting out</span>'}`
      + (turn ? '<span class="pill turn-pill">to act</span>' : "")
      + (winner ? `<span class="pill won">won ${winner.amount}</span>` : "") + `</span>`
      + `<span class="seat-chips"><span data-field="chips">${seat.chips}</span><small>chips</small></span>`
      + (playing && p.paid ? `<span class="seat-paid">in pot ${p.paid}</span>` : '<span class="seat-paid"></span>')
      + (playing && p.cards ? `<span class="seat-cards" title="shown to the table">${p.cards.map(cardHtml).join("")}`
        + `<span class="seat-rank">${esc(p.rank || "")}</span></span>` : "")
      + (turn && hand.awaiting.deadline ? `<span class="turn-timer" data-deadline="${esc(hand.awaiting.deadline)}"`
        + ` data-seconds="${esc(t.config?.turnSeconds ?? 20)}"><span></span></span>` : "")
      + `</li>`;
  }).join("");
  const result = hand?.result
    ? `<p class="hand-result">Hand ${hand.number} won by ${Object.values(hand.result.winners || {})
      .map((w) => `<b>${esc(w.playerId)}</b> (+${w.amount})`).join(", ")} · ${esc(hand.result.how)}</p>` : "";
  card.innerHTML = `<header class="table-head"><h3>Table ${esc(id)}</h3>`
    + `<span class="badge table-${esc(t.status)}">${hand ? `Hand ${hand.number} · ` : ""}${esc(t.status)}</span></header>`
    + `<div class="felt"><div class="pot"><span class="label">Pot</span><span class="pot-amount" data-field="pot">${hand ? hand.pot : 0}</span></div>`
    + `<div class="felt-facts"><span>Stake <b data-field="stake">${hand ? hand.stake : "–"}</b></span>`
    + `<span>Boot <b>${t.config?.boot ?? "–"}</b></span><span>Pot limit <b>${t.config?.potLimit ?? "–"}</b></span></div></div>`
    + `<ol class="seats">${seats}</ol>`
    + `<p class="last-action" data-field="last-action">${hand?.lastAction ? actionText(hand.lastAction) : "Waiting for the first hand"}</p>`
    + result
    + ownSeatHtml(entry);
  tickTimers();
}

function ownSeatHtml(entry) {
  const seat = entry?.seat;
  if (!seat) return "";
  const own = seat.sub?.state;
  let body;
  if (seat.error) {
    body = `<p class="muted">${esc(seat.error)}</p>`;
  } else if (!own) {
    body = `<p class="muted">Asking for ${esc(seat.playerId)}'s token…</p>`;
  } else if (own.cards) {
    body = `<div class="cards" data-own-cards>${own.cards.map(cardHtml).join("")}</div>`
      + `<p class="rank-line">${esc(own.rank || "")}</p>`;
  } else if (own.hand !== undefined) {
    body = `<p class="muted" data-own-blind>Playing blind: the cards stay face down until ${esc(seat.playerId)} looks.</p>`;
  } else {
    body = `<p class="muted">Not in the current hand.</p>`;
  }
  const options = own?.options ? Object.keys(own.options).map((o) => `<span class="pill option">${esc(o)}</span>`).join("") : "";
  return `<div class="own-seat" data-own-seat="${esc(seat.playerId)}">`
    + `<div class="own-head"><span class="label">Own view</span> <b>${esc(seat.playerId)}</b>`
    + (own ? ` · seat ${own.seat} · ${own.chips} chips` : "") + `</div>`
    + body + (options ? `<div class="options"><span class="label">May</span>${options}</div>` : "")
    + `</div>`;
}

function tickTimers() {
  for (const timer of document.querySelectorAll(".turn-timer")) {
    const left = Date.parse(timer.dataset.deadline) - Date.now();
    const total = Number(timer.dataset.seconds) * 1000;
    timer.firstElementChild.style.width = `${Math.max(0, Math.min(100, (left / total) * 100))}%`;
  }
}

function seatClicked(event) {
  const seat = event.target.closest("[data-seat]");
  const card = event.target.closest("[data-table]");
  if (seat && card && (event.type === "click" || event.key === "Enter" || event.key === " ")) {
    event.preventDefault();
    followSeat(card.dataset.table, seat.dataset.player);
  }
}

// ---------- start ----------

$("[data-tables]").addEventListener("click", seatClicked);
$("[data-tables]").addEventListener("keydown", seatClicked);
window.addEventListener("hashchange", selectFromHash);
selectFromHash();
// The gateway subscribes every connection to the ticker itself (--auto-subscribe scores).
client.watch("scores", { onState: renderTicker });
client.connect();
refreshMatches();
discoverTables();
setInterval(refreshMatches, POLL_MS);
setInterval(discoverTables, POLL_MS);
setInterval(tickTimers, 250);
