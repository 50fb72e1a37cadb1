/**
 * How deep an HTML fragment nests, measured in one linear pass before any HTML
 * parser sees it.
 *
 * Why: htmlparser2 (under sanitize-html) keeps its open elements in an array it
 * grows with `unshift`, so each opening tag costs time in proportion to the
 * current depth and a deeply nested fragment costs the square of its depth
 * (80,000 nested <div>s held the event loop for 15 s). Refusing fragments deeper
 * than a sane bound keeps every later step linear.
 *
 * The count follows htmlparser2's own tree building closely enough never to
 * count less than it builds: the same tags that open implicit closes, the same
 * void elements, the same raw-text elements whose content holds no tags, and
 * `/>` honoured only in SVG and MathML context, tracked as htmlparser2 tracks it
 * (quirks included: any end tag of such an element leaves that context). It may
 * count a little more on odd markup, never less, so an attacker cannot hide
 * depth from it; a test compares the two on random tag soup.
 */

const VOID_ELEMENTS = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param',
  'source', 'track', 'wbr',
]);

/** Elements whose content is text up to their own end tag. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

/** SVG and MathML honour `/>`; these elements inside them switch back to HTML rules. */
const FOREIGN_ELEMENTS = new Set(['svg', 'math']);
const HTML_INTEGRATION_ELEMENTS = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

const P = new Set(['p']);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const DD_DT = new Set(['dd', 'dt']);
const RT_RP = new Set(['rt', 'rp']);
const TABLE_SECTIONS = new Set(['thead', 'tbody']);
/** Opening the key closes open elements of these names first (htmlparser2's openImpliesClose). */
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DD_DT],
  ['dt', DD_DT],
  ['rt', RT_RP],
  ['rp', RT_RP],
  ['tbody', TABLE_SECTIONS],
  ['tfoot', TABLE_SECTIONS],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((tag) => [tag, FORM] as [string, Set<string>]),
  ...[
    'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption',
    'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul',
  ].map((tag) => [tag, P] as [string, Set<string>]),
]);

const isAsciiLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;

/** True when the fragment's elements nest deeper than `limit`; stops reading as soon as they do. */
export function markupDeeperThan(html: string, limit: number): boolean {
  const stack: string[] = [];
  const open = new Map<string, number>();
  /** Whether `/>` closes an element here; htmlparser2's foreignContext. */
  const foreignContext: boolean[] = [false];
  const push = (name: string) => {
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
  };
  const pop = () => {
    const name = stack.pop()!;
    open.set(name, open.get(name)! - 1);
  };

  let at = 0;
  while ((at = html.indexOf('<', at)) !== -1) {
    const next = html.charCodeAt(at + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      // Comments run to `-->` (`<!-->` is a whole one); declarations, CDATA and processing instructions to `>`.
      const isComment = html.startsWith('<!--', at);
      const end = isComment ? html.indexOf('-->', at + 2) : html.indexOf('>', at + 2);
      if (end === -1) return false;
      at = end + (isComment ? 3 : 1);
      continue;
    }
    const closing = next === 47; /* / */
    let nameStart = at + (closing ? 2 : 1);
    // `</ div>` closes a div, as htmlparser2 reads it.
    if (closing) while (isSpace(html.charCodeAt(nameStart))) nameStart++;
    if (!isAsciiLetter(html.charCodeAt(nameStart))) {
      at = nameStart;
      continue;
    }
    let nameEnd = nameStart;
    while (nameEnd < html.length) {
      const code = html.charCodeAt(nameEnd);
      if (isSpace(code) || code === 47 || code === 62) break;
      nameEnd++;
    }
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const tag = endOfTag(html, nameEnd);
    if (!tag) return false;
    at = tag.end + 1;

    if (closing) {
      if (FOREIGN_ELEMENTS.has(name) || HTML_INTEGRATION_ELEMENTS.has(name)) foreignContext.pop();
      if (VOID_ELEMENTS.has(name) || !open.get(name)) continue;
      while (stack.length > 0 && stack[stack.length - 1] !== name) pop();
      pop();
      continue;
    }
    const closes = OPEN_IMPLIES_CLOSE.get(name);
    if (closes) while (stack.length > 0 && closes.has(stack[stack.length - 1]!)) pop();
    if (VOID_ELEMENTS.has(name)) continue;
    if (FOREIGN_ELEMENTS.has(name)) foreignContext.push(true);
    else if (HTML_INTEGRATION_ELEMENTS.has(name)) foreignContext.push(false);
    if (tag.selfClosing && foreignContext[foreignContext.length - 1]) continue;
    push(name);
    if (stack.length > limit) return true;
    if (RAW_TEXT_ELEMENTS.has(name)) {
      const end = indexOfIgnoringCase(html, `</${name}`, at);
      if (end === -1) return false;
      at = end;
    }
  }
  return false;
}

/**
 * Where a tag whose attributes start at `from` ends (its `>`), skipping quoted
 * values, and whether it ends in `/>`; undefined when it never ends. A `/` that
 * belongs to an unquoted value (`<a href=x/>`) does not make the tag self-closing.
 */
function endOfTag(html: string, from: number): { end: number; selfClosing: boolean } | undefined {
  let at = from;
  let slash = false;
  while (at < html.length) {
    const code = html.charCodeAt(at);
    if (code === 62 /* > */) return { end: at, selfClosing: slash };
    slash = code === 47; /* / */
    at++;
    if (code !== 61 /* = */) continue;
    while (at < html.length && isSpace(html.charCodeAt(at))) at++;
    const quote = html[at];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, at + 1);
      if (close === -1) return undefined;
      at = close + 1;
    } else {
      while (at < html.length && !isSpace(html.charCodeAt(at)) && html.charCodeAt(at) !== 62) at++;
    }
  }
  return undefined;
}

function indexOfIgnoringCase(text: string, needle: string, from: number): number {
  const pattern = new RegExp(needle.replace(/[^a-z0-9<\/]/g, ''), 'gi');
  pattern.lastIndex = from;
  return pattern.exec(text)?.index ?? -1;
}
