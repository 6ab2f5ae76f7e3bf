// The page: live matches and tables from one gateway, through scoreline-client.js. This module
// wires the parts together; each part's module draws its own section of the page.
import { Connection, ScorelineClient } from "./scoreline-client.js";
import { $ } from "./dom.js";
import { followBetting } from "./betting.js";
import { pickMatch, refreshMatches } from "./matches.js";
import { discoverTables, followSeatsPicked, tickTimers } from "./tables.js";
import { renderTicker } from "./ticker.js";

const POLL_MS = 5000;

const client = new ScorelineClient(undefined, {
  onConnection: showConnection,
  onError: (error) => console.warn("gateway:", error.code, error.message),
});
// A handle for the console (and for tests): the client, its subscriptions and their states.
window.scoreline = { client };

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

// A link to #match=<id> (a tile, a ticker line, a shared address) picks that match.
function selectFromHash() {
  const match = /^#match=(.+)$/.exec(location.hash);
  if (match) {
    pickMatch(decodeURIComponent(match[1]));
  }
}

followSeatsPicked(client);
followBetting(client);
window.addEventListener("hashchange", selectFromHash);
selectFromHash();
// The gateway subscribes every connection to the ticker itself (--auto-subscribe scores).
client.watch("scores", { onState: renderTicker });
client.connect();
refreshMatches(client);
discoverTables(client);
setInterval(() => refreshMatches(client), POLL_MS);
setInterval(() => discoverTables(client), POLL_MS);
setInterval(tickTimers, 250);
