// The selected match's betting panel: its markets (`match:<id>/markets`, public pools), the
// visitor's open bets and settlements (from their wallet), and a button per outcome of each open
// market, which sends a bet as an act on `match:<id>` answered by the job's verdict.
import { $, html, joined, setHtml } from "./dom.js";
import { guest, guestToken, onWallet } from "./tables.js";

const STAKE = 50;
const SETTLEMENTS = new Set(["won", "lost", "bet returned", "taken back", "bet refused"]);

let client = null;
let matchId = null;
let markets = null;
let lastWallet = null;
let verdict = null;

/** Wires the panel to the client: clicks on an outcome bet, and the wallet redraws the visitor's part. */
export function followBetting(scoreline) {
  client = scoreline;
  onWallet((w) => {
    lastWallet = w;
    render();
  });
  $("[data-betting]").addEventListener("click", (event) => {
    const button = event.target.closest("button[data-outcome]");
    if (button) bet(button.dataset.market, button.dataset.outcome);
  });
}

/** Shows the markets of `id` (the match the scorecard shows) instead of the last one's. */
export function showMarkets(id) {
  if (!client || id === matchId) return;
  if (matchId) client.subscriptions.get(`match:${matchId}/markets`)?.unsubscribe();
  matchId = id;
  markets = null;
  verdict = null;
  render();
  if (id) {
    client.subscribe(`match:${id}/markets`, {
      onState: (state) => {
        markets = state;
        render();
      },
    });
  }
}

async function bet(market, outcome) {
  const token = guestToken();
  if (!token || !matchId) {
    verdict = { text: "No token for you yet: try again in a moment", refused: true };
    render();
    return;
  }
  const what = `${STAKE} on ${outcome} (${market})`;
  verdict = { text: `Bet ${what}…`, pending: true };
  render();
  try {
    const answer = await client.act(`match:${matchId}`, { type: "bet.place", market, outcome, stake: STAKE }, { token });
    verdict = answer.accepted
      ? { text: `Bet ${what}: accepted (version ${answer.version})`, accepted: true }
      : { text: `Bet ${what}: refused, ${answer.reason}`, refused: true };
  } catch (error) {
    verdict = { text: `Bet ${what}: not sent, ${error.message}`, refused: true };
  }
  render();
}

function render() {
  const panel = $("[data-betting]");
  if (!matchId || !markets) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  const rows = Object.entries(markets.markets || {}).map(([name, m]) => marketHtml(name, m));
  const mine = Object.entries(lastWallet?.bets || {})
    .filter(([, b]) => b.matchId === matchId)
    .map(([id, b]) => html`<li data-my-bet="${id}">${b.stake} on ${b.outcome ?? "?"} · ${b.market} · ${b.status}</li>`);
  const settled = Object.entries(lastWallet?.movements || {})
    .filter(([, m]) => m.matchId === matchId && SETTLEMENTS.has(m.kind))
    .sort(([a], [b]) => Number(b) - Number(a)).slice(0, 5)
    .map(([n, m]) => html`<li data-settlement="${n}" data-kind="${m.kind}">${settlementText(m)}</li>`);
  const shown = verdict ? html`<p class="bet-verdict${verdict.accepted ? " accepted" : verdict.refused ? " refused" : ""}" data-bet-verdict>${verdict.text}</p>` : "";
  setHtml(panel, html`<div class="betting-head"><h3>Bet on this match</h3><span class="muted">pools ${markets.held} chips · house ${markets.house} · stake ${STAKE} a click${lastWallet ? html` · your chips <b data-bet-balance>${lastWallet.balance}</b>` : ""}</span></div>${[
    shown,
    html`<div class="markets" data-markets>${rows}</div>`,
    html`<div class="my-bets"><div><span class="label">Your open bets (${guest})</span><ul data-my-bets>${mine.length ? joined(mine) : html`<li class="muted">none</li>`}</ul></div><div><span class="label">Your settlements</span><ul data-settlements>${settled.length ? joined(settled) : html`<li class="muted">none yet</li>`}</ul></div></div>`,
  ]}`);
}

function marketHtml(name, m) {
  const open = m.status === "open";
  const outcomes = Object.entries(m.stakes || {}).map(([outcome, staked]) => open
    ? html`<button type="button" class="outcome" data-market="${name}" data-outcome="${outcome}">${outcome} <small>${staked}</small></button>`
    : html`<span class="outcome${m.outcome === outcome ? " winning" : ""}">${outcome} <small>${staked}</small></span>`);
  const status = m.status === "settled" ? `settled: ${m.outcome}` : m.status === "void" ? `void: ${m.why}` : m.status;
  return html`<div class="market" data-market-name="${name}" data-status="${m.status}"><div class="market-head"><b>${m.label || name}</b> <span class="muted">${name} · ${status} · pool ${m.pool} · ${m.bets} bets</span></div><div class="outcomes">${outcomes}</div></div>`;
}

function settlementText(m) {
  switch (m.kind) {
    case "won": return `won ${m.chips} on ${m.market}`;
    case "lost": return `lost on ${m.market}`;
    case "bet returned": return `${m.chips} returned on ${m.market}: ${m.cause || ""}`;
    case "taken back": return `${-m.chips} taken back on ${m.market} (a correction)`;
    default: return `${m.chips} back on ${m.market}: ${m.cause || "refused"}`;
  }
}
