// The scores strip: one line a match, from the gateway's `scores` channel.
import { $, element } from "./dom.js";
import { STATUS_ORDER, initials } from "./format.js";

/** The ticker's lines as the strip shows them: live, then at a break, then finished. */
function tickerLines(state) {
  return Object.entries(state?.matches || {})
    .sort(([a, x], [b, y]) => (STATUS_ORDER[x.status] ?? 3) - (STATUS_ORDER[y.status] ?? 3)
      || a.localeCompare(b, undefined, { numeric: true }));
}

/** The `onState` of the `scores` channel. */
export function renderTicker(state, change) {
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
