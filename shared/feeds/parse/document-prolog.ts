/**
 * Reads an XML document's prolog (what comes before the root element) in one
 * linear pass: the XML declaration, comments, processing instructions and the
 * doctype. A doctype with an internal subset (`[...]`) is where entities are
 * declared; we refuse such documents unread, wherever in the prolog it stands
 * and whatever comments or instructions come before it.
 */

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/** True when the prolog declares anything beyond an external doctype: an internal subset or a stray declaration. */
export function prologDeclaresEntities(document: string): boolean {
  let at = 0;
  for (;;) {
    while (at < document.length && isSpace(document.charCodeAt(at))) at++;
    if (document.startsWith('<?', at)) {
      at = endAfter(document, '?>', at + 2);
    } else if (document.startsWith('<!--', at)) {
      at = endAfter(document, '-->', at + 4);
    } else if (document.slice(at, at + 9).toUpperCase() === '<!DOCTYPE') {
      const doctype = readDoctype(document, at + 9);
      if (doctype.hasInternalSubset) return true;
      at = doctype.end;
    } else {
      // `<!ENTITY` or any other declaration outside a doctype is not a feed's business.
      return document.startsWith('<!', at);
    }
    // An unterminated comment or instruction: the parser will refuse the document.
    if (at === -1) return false;
  }
}

function endAfter(document: string, terminator: string, from: number): number {
  const end = document.indexOf(terminator, from);
  return end === -1 ? -1 : end + terminator.length;
}

/** Scans a doctype to its closing `>`, skipping quoted identifiers; `[` outside quotes opens an internal subset. */
function readDoctype(document: string, from: number): { end: number; hasInternalSubset: boolean } {
  let at = from;
  while (at < document.length) {
    const char = document[at];
    if (char === '[') return { end: -1, hasInternalSubset: true };
    if (char === '>') return { end: at + 1, hasInternalSubset: false };
    if (char === '"' || char === "'") {
      const close = document.indexOf(char, at + 1);
      if (close === -1) return { end: -1, hasInternalSubset: false };
      at = close + 1;
      continue;
    }
    at++;
  }
  return { end: -1, hasInternalSubset: false };
}
