// How numbers, names and the feeds' keyed objects are shown.

/** The live first, then at a break, then finished: the order of the ticker and the match strip. */
export const STATUS_ORDER = { live: 0, "innings break": 1, completed: 2 };

/** An object keyed by numbers ("1", "2", …, as innings and seats are) as [key, value] pairs in number order. */
export function ordered(object) {
  return Object.keys(object || {}).sort((a, b) => Number(a) - Number(b)).map((k) => [k, object[k]]);
}

export function plural(n, word, words = `${word}s`) {
  return `${n} ${n === 1 ? word : words}`;
}

export function fixed(n) {
  return typeof n === "number" ? n.toFixed(2) : "–";
}

/** "Mumbai Indians" → "MI": short enough for a tile's side line. */
export function initials(team) {
  return String(team).split(/\s+/).filter(Boolean).map((w) => w[0].toUpperCase()).join("");
}
