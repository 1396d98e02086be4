/** A run of a comment's text, highlighted or not (the client wraps highlighted runs in <mark>). */
export interface TextRun {
  text: string;
  highlighted: boolean;
}

/**
 * Cuts a comment into runs where the theme's matched words occur (response_theme.matched), so the
 * words that made the theme can be highlighted. Case-insensitive (the English tagger may return
 * lower-cased words); overlapping or touching matches merge into one run; every occurrence counts.
 * Concatenating the runs' text gives the comment back unchanged.
 */
export function highlightRuns(text: string, words: readonly string[]): TextRun[] {
  const spans = matchSpans(text, words);
  const runs: TextRun[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start > at) runs.push({ text: text.slice(at, start), highlighted: false });
    runs.push({ text: text.slice(start, end), highlighted: true });
    at = end;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at), highlighted: false });
  return runs.filter((run) => run.text.length > 0 || runs.length === 1);
}

/** [start, end) offsets (UTF-16) of every occurrence of the words, merged and in order. */
export function matchSpans(text: string, words: readonly string[]): [number, number][] {
  // Lower-casing keeps offsets for the letters comments use (Latin and Han), which is what matters here.
  const haystack = text.toLowerCase();
  const found: [number, number][] = [];
  for (const word of new Set(words.map((w) => w.toLowerCase()).filter((w) => w.trim().length > 0))) {
    for (let i = haystack.indexOf(word); i >= 0; i = haystack.indexOf(word, i + word.length)) found.push([i, i + word.length]);
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const span of found) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}
