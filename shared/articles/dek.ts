/**
 * A dek from the article's text: its first whole sentences. Sentences are
 * found by the platform's Unicode segmenter (`Intl.Segmenter`), which keeps
 * decimals, times, versions and domains whole ("2.7", "1:13", "X.org") and
 * "U.S. officials" in one sentence; a sentence it ends after a title or an
 * initial ("Mr.", "p.m.", "J.") is joined to the next, as a reader would.
 * Only the head of the text is segmented, so the cost does not grow with it.
 */
const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Longest dek built from whole sentences; a longer first sentence is cut by the caller. */
const DEK_SENTENCES_CHARS = 200;
/** Enough of the text for any dek: whole sentences up to DEK_SENTENCES_CHARS, or one longer sentence cut at the dek's limit. */
const HEAD_CHARS = 400;

/** Words after which a period does not end the sentence. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'gov', 'sen', 'rep', 'col', 'capt', 'lt', 'sgt', 'rev', 'hon',
  'no', 'nos', 'vs', 'v', 'e.g', 'i.e', 'cf', 'a.m', 'p.m', 'approx', 'inc', 'corp', 'co', 'ltd', 'dept', 'fig',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** The segment ends on an abbreviation or a one-letter initial, so the sentence goes on. */
function endsOnAbbreviation(segment: string): boolean {
  const last = segment.trimEnd().match(/(?:^|[\s(“"'])([\p{L}.]+)\.$/u)?.[1];
  if (!last) return false;
  return ABBREVIATIONS.has(last.toLowerCase()) || /^\p{Lu}$/u.test(last);
}

export function firstSentences(text: string, maxChars: number): string | undefined {
  if (!text) return undefined;
  let dek = '';
  let pending = '';
  let carried = '';
  for (const { segment: whole } of sentences.segment(text.slice(0, HEAD_CHARS))) {
    // An opening bracket the segmenter left at a sentence's end ("Area.(Water…") opens the next sentence.
    const opening = whole.match(/[\p{Ps}\p{Pi}]+\s*$/u)?.[0] ?? '';
    const segment = carried + whole.slice(0, whole.length - opening.length);
    carried = opening;
    pending += segment;
    if (endsOnAbbreviation(segment)) continue;
    if (dek && dek.length + pending.length > DEK_SENTENCES_CHARS) break;
    dek += pending;
    pending = '';
    if (dek.length >= DEK_SENTENCES_CHARS) break;
  }
  return (dek || text.slice(0, maxChars + 1)).trim();
}
