/**
 * The most common way a real feed breaks XML: a bare `&` ("Q&A", a URL's
 * query string) or an entity nobody declared (`&chips;`) outside CDATA. Feed
 * readers recover; so do we, by escaping every `&` that does not start a
 * character reference or an entity the XML parser reads by itself (XML's five
 * and HTML's named ones, `&eacute;`, `&nbsp;`). An escaped name reads back as
 * itself, and no entity is ever expanded here. CDATA sections and comments
 * are left as they are: `&` means itself there. One pass, linear in the document.
 */
import sax from 'sax';

// The table the parser itself reads entities from (typed on its parsers only).
const KNOWN_ENTITIES = new Set(Object.keys((sax as unknown as { ENTITIES: Record<string, string> }).ENTITIES));
/** An `&` that does not start one of XML's five entities or a character reference, with the name after it, if any. */
const SUSPECT = /&(?!(?:lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});)([A-Za-z][A-Za-z0-9]{0,31};)?/g;
// Only the rare suspects reach the callback: a feed's thousands of `&lt;` and `&amp;` are passed over natively.
const escapeStray = (text: string) => text.replace(SUSPECT, (whole, name: string | undefined) => (name && KNOWN_ENTITIES.has(name.slice(0, -1)) ? whole : `&amp;${name ?? ''}`));

const SECTIONS = [
  { open: '<![CDATA[', close: ']]>' },
  { open: '<!--', close: '-->' },
] as const;

export function escapeStrayAmpersands(text: string): string {
  SUSPECT.lastIndex = 0;
  if (!SUSPECT.test(text)) return text;
  let out = '';
  let at = 0;
  // Where each kind of section next opens; found again only once passed, so the scan stays linear.
  const next = SECTIONS.map((section) => text.indexOf(section.open));
  while (at < text.length) {
    let kind = -1;
    for (let i = 0; i < SECTIONS.length; i++) {
      if (next[i]! >= 0 && next[i]! < at) next[i] = text.indexOf(SECTIONS[i]!.open, at);
      if (next[i]! >= 0 && (kind < 0 || next[i]! < next[kind]!)) kind = i;
    }
    if (kind < 0) return out + escapeStray(text.slice(at));
    const start = next[kind]!;
    out += escapeStray(text.slice(at, start));
    const end = text.indexOf(SECTIONS[kind]!.close, start + SECTIONS[kind]!.open.length);
    // An unclosed section runs to the end; the XML parser will say what is wrong with it.
    if (end < 0) return out + text.slice(start);
    at = end + SECTIONS[kind]!.close.length;
    out += text.slice(start, at);
  }
  return out;
}
