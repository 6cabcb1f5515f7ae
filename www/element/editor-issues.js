// Where the editor shows an issue: pure, so Node tests it (tests/node/element-parts.test.mjs).
// Each input carries the core's path for its value (`budget[2].amount`); an issue goes to the
// input with the longest path that is the issue's path or a prefix of it at a segment boundary
// (`budget[2]` takes `budget[2].split.zvw` when no input has a longer match). What no input
// takes goes to the list at the top of the form.

/** Whether `prefix` is `path` or its leading segments (`a` of `a.b` and `a[0]`, not of `ab`). */
export const covers = (prefix, path) =>
  path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

/** The field path (of `paths`) that shows `issue`, or null for the list at the top. */
export function placeOf(issue, paths) {
  // A market file's line error, and an estimate's or the data's issue, belong to the market part.
  if ((issue.path.startsWith("market") && issue.line) || /^(estimate|data)\b/.test(issue.path))
    return "market";
  let best = null;
  for (const path of paths) if (covers(path, issue.path) && (!best || path.length > best.length)) best = path;
  return best;
}

/**
 * Places `issues` on the form's field `paths`: `{ byPath: Map(path → texts), rest: texts }`, in
 * the issues' order, in `lang` (the English text where there is one). `entries(path)` gives the
 * entries of a list input (`workArea`), so `workArea[1]`'s issue names the entry it is about;
 * `t` names a market file's line and column.
 */
export function placeIssues(issues, paths, lang, t, entries = () => undefined) {
  const byPath = new Map();
  const rest = [];
  for (const issue of issues) {
    const msg = lang === "en" ? (issue.messageEn ?? issue.message) : issue.message;
    const best = placeOf(issue, paths);
    if (!best) {
      rest.push(`${issue.path ? `${issue.path}: ` : ""}${msg}`);
      continue;
    }
    let text = msg;
    const idx = /^\[(\d+)\]/.exec(issue.path.slice(best.length));
    const list = entries(best);
    if (list && idx) text = `${list[Number(idx[1])] ?? ""}: ${msg}`;
    if (issue.line)
      text = `${t.line} ${issue.line}${issue.column ? ` (${t.column} ${issue.column})` : ""}: ${msg}`;
    if (!byPath.has(best)) byPath.set(best, []);
    byPath.get(best).push(text);
  }
  return { byPath, rest };
}
