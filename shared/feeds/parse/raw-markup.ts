/**
 * Markup written as raw child elements (Atom `type="xhtml"`, or HTML pasted
 * unescaped into an RSS description) becomes the same markup as CDATA text,
 * which xml2js keeps in order (it separates text from child elements, so
 * "a <em>b</em> c" would come back as "a  c<em>b</em>"). Escaped or CDATA
 * content is left alone.
 *
 * One linear pass: each search starts where the last one ended, and an element
 * whose end tag is missing is remembered, so a document of unclosed `<title>`s
 * costs no more than one of closed ones. (A regular expression doing the same
 * took time in the square of the input: 224 KB of `<title>` held a request 3 s.)
 */

/** Elements whose text may carry HTML, in RSS and Atom; `content:encoded` before `content`. */
const MARKUP_ELEMENT_START = /<(title|description|content:encoded|content|summary)(?=[\s>\/])/g;

export function rawMarkupAsText(document: string): string {
  const out: string[] = [];
  let copied = 0;
  /** Per element name, the index of its next `</name>` at or after the last search; -1 once there is none further. */
  const nextEnd = new Map<string, number>();
  let nextGt = -2;
  MARKUP_ELEMENT_START.lastIndex = 0;
  for (let match = MARKUP_ELEMENT_START.exec(document); match; match = MARKUP_ELEMENT_START.exec(document)) {
    const tag = match[1]!;
    const attributesStart = MARKUP_ELEMENT_START.lastIndex;
    if (nextGt < attributesStart) nextGt = document.indexOf('>', attributesStart);
    if (nextGt === -1) break;
    const attributes = document.slice(attributesStart, nextGt);
    if (attributes.endsWith('/')) continue;
    const endTag = `</${tag}>`;
    let end = nextEnd.get(tag);
    if (end === undefined || (end !== -1 && end <= nextGt)) {
      end = document.indexOf(endTag, nextGt + 1);
      nextEnd.set(tag, end);
    }
    if (end === -1) continue;
    const inner = document.slice(nextGt + 1, end);
    if (/<[A-Za-z]/.test(inner) && !inner.includes('<![CDATA[')) {
      out.push(document.slice(copied, match.index), asCdataElement(tag, attributes, inner));
      copied = end + endTag.length;
    }
    MARKUP_ELEMENT_START.lastIndex = end + endTag.length;
  }
  out.push(document.slice(copied));
  return out.join('');
}

function asCdataElement(tag: string, attributes: string, inner: string): string {
  const isXhtml = /\btype\s*=\s*["']xhtml["']/.test(attributes);
  const markup = isXhtml ? unwrapXhtmlDiv(inner.trim()) : inner;
  const attrs = isXhtml ? attributes.replace(/\btype\s*=\s*["']xhtml["']/, 'type="html"') : attributes;
  return `<${tag}${attrs}><![CDATA[${markup.replaceAll(']]>', ']]]]><![CDATA[>')}]]></${tag}>`;
}

/** Atom xhtml content sits in one wrapping <div>, which is not part of the content. */
function unwrapXhtmlDiv(markup: string): string {
  if (!markup.startsWith('<div') || !markup.endsWith('</div>')) return markup;
  const openEnd = markup.indexOf('>');
  return openEnd === -1 ? markup : markup.slice(openEnd + 1, -'</div>'.length);
}
