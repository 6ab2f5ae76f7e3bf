// The match tiles and the selected match's scorecard, one channel `match:<id>` each.
import { $, element, html, joined, setHtml } from "./dom.js";
import { STATUS_ORDER, fixed, initials, ordered, plural } from "./format.js";
import { getJson } from "./http.js";
import { showMarkets } from "./betting.js";

// The view carries overs as text and balls as counts, not the balls in an over: T20s have six.
const BALLS_PER_OVER = 6;

const matches = new Map(); // matchId -> {channel, sub}
let selectedMatch = null;
let userPickedMatch = false;

/** Subscribes to every match the gateway lists that the page does not follow yet. */
export async function refreshMatches(client) {
  try {
    const listing = await getJson("/v1/channels?prefix=match:");
    for (const { channel } of listing.channels) {
      // a match's further channels (its markets, match:<id>/markets) are not matches
      if (channel.includes("/")) continue;
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

/** The reader's choice: from then on the page shows this match, not the first live one. */
export function pickMatch(id) {
  selectedMatch = id;
  userPickedMatch = true;
  renderStrip();
  renderScorecard(selectedMatch);
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

/** The matches with a state, as the strip shows them: live, then at a break, then finished. */
function stripOrder() {
  return [...matches.entries()].filter(([, m]) => m.sub.state)
    .sort(([a, ma], [b, mb]) => (STATUS_ORDER[ma.sub.state.status] ?? 3) - (STATUS_ORDER[mb.sub.state.status] ?? 3)
      || a.localeCompare(b, undefined, { numeric: true }));
}

function renderStrip() {
  const strip = $("[data-matches]");
  const tiles = html`${stripOrder().map(([id, m]) => tileHtml(id, m.sub.state))}`;
  // Another match's change leaves this strip as it is: redrawing it would cut a tile's flash short.
  if (strip.innerHTML !== String(tiles)) {
    setHtml(strip, tiles);
  }
}

function inningsList(state) {
  return ordered(state.innings);
}

function statusBadge(status) {
  const label = status === "live" ? "Live" : status === "innings break" ? "Innings break" : "Result";
  return html`<span class="badge status-${status.replace(" ", "-")}">${label}</span>`;
}

function tileHtml(id, s) {
  const innings = inningsList(s);
  const lines = (s.teams || []).map((team) => {
    const played = innings.filter(([, inn]) => inn.team === team && !inn.superOver);
    const score = played.length
      ? joined(played.map(([, inn]) => html`${inn.runs}/${inn.wickets} <small>(${inn.overs})</small>`), html` &amp; `)
      : html`<small>yet to bat</small>`;
    const batting = s.status === "live" && current(s)?.team === team;
    return html`<div class="tile-team${batting ? " batting" : ""}"><span class="team-name">${team}</span><span class="tile-score" data-tile-score="${team}">${score}</span></div>`;
  });
  const superOvers = innings.filter(([, inn]) => inn.superOver)
    .map(([, inn]) => `${initials(inn.team)} ${inn.runs}/${inn.wickets}`);
  const selected = id === selectedMatch;
  return html`<a class="tile${selected ? " selected" : ""}" href="#match=${id}" data-match-tile="${id}" data-status="${s.status}"${selected ? html` aria-current="true"` : ""}>${[
    html`<div class="tile-top">${statusBadge(s.status)}<span class="venue">${s.venue || ""}</span></div>`,
    lines,
    superOvers.length ? html`<div class="tile-super">Super over: ${superOvers.join(", ")}</div>` : "",
    html`<div class="tile-foot">${s.result ? resultText(s.result) : situation(s)}</div>`,
  ]}</a>`;
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

// The result's parts as data-* attributes, for readers of the page that want them whole.
function resultAttributes(r) {
  const by = r.by || {};
  const attrs = { "data-result-kind": r.result || "win", "data-winner": r.winner, "data-by-runs": by.runs,
    "data-by-wickets": by.wickets, "data-method": r.method };
  return Object.entries(attrs).filter(([, v]) => v !== undefined && v !== null)
    .map(([name, v]) => html` ${name}="${v}"`);
}

function renderScorecard(id, previous) {
  showMarkets(id);
  const panel = $("[data-scorecard-panel]");
  const entry = matches.get(id);
  const s = entry?.sub?.state;
  if (!s) {
    panel.replaceChildren(element("p", "empty", matches.has(id) || !id ? "Waiting for the match's first state…"
      : `No match ${id} on this gateway (yet).`));
    return;
  }
  const toss = s.toss && s.toss.winner
    ? ` · ${s.toss.winner} won the toss${s.toss.decision ? ` and chose to ${s.toss.decision}` : ""}` : "";
  const innings = inningsList(s);
  const inPlay = s.status === "live" ? current(s) : undefined;
  setHtml(panel, html`<article class="scorecard" data-match="${id}" data-status="${s.status}" data-epoch="${entry.sub.epoch}" data-version="${entry.sub.version}">${[
    html`<header class="scorecard-head">${[
      html`<div class="title-row"><h3>${joined(s.teams || [], html` <span class="versus">v</span> `)}</h3>${statusBadge(s.status)}</div>`,
      html`<p class="meta">${s.venue || ""}${toss}</p>`,
      s.result ? html`<p class="result" data-field="result"${resultAttributes(s.result)}>${resultText(s.result)}</p>` : "",
    ]}</header>`,
    inPlay ? liveStrip(s, inPlay) : "",
    innings.length ? "" : html`<p class="not-started">The first ball is yet to be bowled.</p>`,
    innings.map(([key, inn]) => inningsHtml(key, inn, s, previous)),
    html`<p class="version-note">epoch ${entry.sub.epoch} · version ${entry.sub.version}</p>`,
  ]}</article>`);
}

function liveStrip(s, inn) {
  const balls = ordered(inn.thisOver).map(([, b]) => html`<span class="ball ${ballClass(b)}">${b === "0" ? "•" : b}</span>`);
  const bits = [];
  if (inn.runRate !== undefined) bits.push(html`<span>CRR <b>${fixed(inn.runRate)}</b></span>`);
  if (inn.target) bits.push(html`<span>Target <b>${inn.target.runs}</b>${inn.target.overs ? ` in ${inn.target.overs} ov` : ""}</span>`);
  if (inn.requiredRate !== undefined) bits.push(html`<span>RRR <b>${fixed(inn.requiredRate)}</b></span>`);
  const need = inn.target ? situation(s) : "";
  const batters = ordered(inn.batters).map(([, b]) => b)
    .filter((b) => b.name === inn.striker || b.name === inn.nonStriker)
    .map((b) => html`<span class="at-crease">${b.name}${b.name === inn.striker ? "*" : ""} <b>${b.runs}</b> (${b.balls})</span>`);
  const bowler = inn.bowler && inn.bowlers?.[inn.bowler];
  return html`<div class="live-strip" data-live>${[
    html`<div class="live-numbers">${bits}</div>`,
    need ? html`<p class="need">${need}</p>` : "",
    html`<div class="this-over" data-this-over><span class="label">This over</span>${balls.length ? balls : html`<span class="muted">–</span>`}</div>`,
    html`<div class="crease">${batters}${bowler ? html`<span class="at-crease bowler">${inn.bowler} <b>${bowler.wickets}-${bowler.runs}</b> (${bowler.overs})</span>` : ""}</div>`,
  ]}</div>`;
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
  const extrasDetail = `(b ${x.byes || 0}, lb ${x.legbyes || 0}, w ${x.wides || 0}, nb ${x.noballs || 0}${x.penalty ? `, p ${x.penalty}` : ""})`;
  const atCreaseRow = html` class="at-crease-row"`;
  const batters = ordered(inn.batters).map(([pos, b]) => {
    const atCrease = !b.out && (b.name === inn.striker || b.name === inn.nonStriker);
    const sr = b.balls > 0 ? (b.runs * 100 / b.balls).toFixed(1) : "–";
    const striker = b.name === inn.striker ? html`<span class="striker" title="on strike">*</span>` : "";
    return html`<tr data-batter="${pos}"${atCrease ? atCreaseRow : ""}>${[
      html`<td class="who"><span data-field="name">${b.name}</span>${striker}<span class="how" data-field="out">${b.out || (atCrease ? "batting" : "not out")}</span></td>`,
      html`<td class="num strong" data-field="runs">${b.runs}</td><td class="num" data-field="balls">${b.balls}</td>`,
      html`<td class="num opt" data-field="fours">${b.fours}</td><td class="num opt" data-field="sixes">${b.sixes}</td>`,
      html`<td class="num opt">${sr}</td>`,
    ]}</tr>`;
  });
  const bowlers = Object.entries(inn.bowlers || {}).map(([name, b]) => {
    const econ = b.legalBalls > 0 ? (b.runs * BALLS_PER_OVER / b.legalBalls).toFixed(2) : "–";
    return html`<tr data-bowler="${name}"${name === inn.bowler && s.status === "live" ? atCreaseRow : ""}>${[
      html`<td class="who"><span data-field="name">${name}</span></td>`,
      html`<td class="num" data-field="overs">${b.overs}</td><td class="num" data-field="maidens">${b.maidens}</td>`,
      html`<td class="num" data-field="runs">${b.runs}</td><td class="num strong" data-field="wickets">${b.wickets}</td>`,
      html`<td class="num opt">${econ}</td>`,
    ]}</tr>`;
  });
  const fow = ordered(inn.fallOfWickets).map(([n, f]) =>
    html`<li data-wicket="${n}"><b>${f.runs}-${n}</b> ${f.player} <span class="muted">(${f.overs} ov)</span></li>`);
  const score = html`<div class="innings-score${changed}">${[
    html`<span class="big"><span data-field="runs">${inn.runs}</span>/<span data-field="wickets">${inn.wickets}</span></span>`,
    html` <span class="overs">(<span data-field="overs">${inn.overs}</span> ov)</span>`,
    inn.runRate !== undefined ? html`<span class="rr">RR ${fixed(inn.runRate)}</span>` : "",
  ]}</div>`;
  const battingTable = html`<table class="card-table batting">${[
    html`<thead><tr><th>Batter</th><th class="num">R</th><th class="num">B</th><th class="num opt">4s</th><th class="num opt">6s</th><th class="num opt">SR</th></tr></thead>`,
    html`<tbody>${batters}</tbody>`,
    html`<tfoot><tr><td>Extras <span class="muted">${extrasDetail}</span></td><td class="num" data-field="extras">${extras}</td><td colspan="4"></td></tr></tfoot>`,
  ]}</table>`;
  const bowlingTable = html`<table class="card-table bowling">${[
    html`<thead><tr><th>Bowler</th><th class="num">O</th><th class="num">M</th><th class="num">R</th><th class="num">W</th><th class="num opt">Econ</th></tr></thead>`,
    html`<tbody>${bowlers}</tbody>`,
  ]}</table>`;
  return html`<section class="innings" data-innings="${key}">${[
    html`<header class="innings-head"><div><span class="innings-label">${inn.superOver ? "Super over" : `Innings ${key}`}</span><h4>${inn.team}</h4></div>${score}</header>`,
    inn.target ? html`<p class="target">Target ${inn.target.runs}${inn.target.overs ? ` from ${inn.target.overs} overs` : ""}</p>` : "",
    html`<div class="tables-2">${battingTable}${bowlingTable}</div>`,
    fow.length ? html`<div class="fow"><span class="label">Fall of wickets</span><ol>${fow}</ol></div>` : "",
  ]}</section>`;
}
