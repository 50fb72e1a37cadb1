/**
 * Documents built to make the server spend its CPU: deep nesting, inputs that
 * made regular expressions take quadratic time, huge items. Each is refused or
 * read with a reason the publisher can act on, and none holds the event loop.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Parser as HtmlParser } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFeedText } from '../shared/articles/ingest-document.js';
import { markupDeeperThan } from '../shared/articles/markup-depth.js';
import { parseFeed } from '../shared/feeds/parse/feed-parser.js';
import { WorkBudget } from '../shared/work-budget.js';
import { articleItems, rss2 } from './support/feeds.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;
let auth: Record<string, string>;

beforeAll(async () => {
  stack = await createTestStack();
  ({ auth } = await stack.createPublisher('hostile'));
});

async function push(body: string) {
  const response = await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...auth, 'content-type': 'application/rss+xml' }, body });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const nestedDivs = (depth: number) => `${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`;
const oneItem = (guid: string, fields: { content?: string; title?: string; extra?: string }) =>
  rss2([{ guid, title: fields.title ?? 'A hostile item', link: `https://hostile.example/${guid}`, content: fields.content, extra: fields.extra }]);

describe('items built to be slow to clean', () => {
  it.each([
    ['880 KB', 80_000],
    ['4.4 MB', 400_000],
  ])('refuses an item of %s of nested <div>s by its size, before any cleaning', async (_size, depth) => {
    const result = await push(oneItem(`nested-${depth}`, { content: nestedDivs(depth) }));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ created: 0, rejected: [{ guid: `nested-${depth}`, reason: expect.stringMatching(/KB as sent; items may be at most 512 KB before cleaning/) }] });
  });

  it('refuses an item small enough to read whose HTML nests deeper than 256 levels, and keeps its neighbours', async () => {
    const feed = rss2([
      { guid: 'deep-body', title: 'Deep', link: 'https://hostile.example/deep-body', content: nestedDivs(20_000) },
      { guid: 'deep-title', title: `<![CDATA[${nestedDivs(5_000)}]]>`, link: 'https://hostile.example/deep-title', content: '<p>Fine.</p>' },
      { guid: 'fine', title: 'A fine neighbour', link: 'https://hostile.example/fine', content: '<p>Nothing odd here.</p>' },
    ]);
    const result = await push(feed);
    expect(result.body.created).toBe(1);
    expect(result.body.rejected).toEqual([
      { guid: 'deep-body', reason: expect.stringMatching(/nests elements deeper than 256 levels/) },
      { guid: 'deep-title', reason: expect.stringMatching(/nests elements deeper than 256 levels/) },
    ]);
  });

  it('refuses a 2 MB item of text without sentence punctuation by its size', async () => {
    const result = await push(oneItem('no-stops-2mb', { content: 'word '.repeat(400_000) }));
    expect(result.body).toMatchObject({ created: 0, rejected: [{ guid: 'no-stops-2mb', reason: expect.stringMatching(/at most 512 KB/) }] });
  });

  it('stores a 300 KB item without sentence punctuation, its dek cut to 300 characters', async () => {
    const result = await push(oneItem('no-stops-300kb', { content: `<p>${'word '.repeat(60_000)}</p>` }));
    expect(result.body).toMatchObject({ created: 1, rejected: [] });
    const [card] = ((await (await stack.request('/v1/articles?publisher=hostile&limit=100')).json()) as { items: Array<Record<string, any>> }).items.filter(
      (item) => item.url === 'https://hostile.example/no-stops-300kb',
    );
    expect(card!.dek).toHaveLength(300);
    expect(card!.dek).toMatch(/^word word .*…$/);
  });

  it('stores an item whose description is 400 KB of "<div " (rss-parser snippets took quadratic time on it)', async () => {
    const result = await push(oneItem('snippet-bait', { extra: `<description>${'&lt;div '.repeat(45_000)}</description>` }));
    expect(result.body).toMatchObject({ created: 1, rejected: [] });
  });
});

describe('documents built to be slow to parse', () => {
  it('refuses a document whose XML elements nest 80,000 deep, naming the limit', async () => {
    const result = await push(oneItem('deep-xml', { content: '<p>x</p>', extra: `<x>${'<y>'.repeat(80_000)}z${'</y>'.repeat(80_000)}</x>` }));
    expect(result.status).toBe(422);
    expect(result.body.error.message).toMatch(/nests elements deeper than 256 levels/);
  });

  it('answers 224 KB of unclosed <title> tags with a 422, not a long scan', async () => {
    const result = await push(rss2([{ guid: 'titles', link: 'https://hostile.example/titles', extra: '<title>'.repeat(32_000) }]));
    expect(result.status).toBe(422);
    expect(result.body.error.code).toBe('unprocessable_feed');
  });

  it('still reads raw XHTML and unescaped HTML content in order next to unclosed-looking markup', async () => {
    const feed = await parseFeed(
      oneItem('raw', { extra: '<description>Before <em>middle</em> after</description><summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Para</p></div></summary>' }),
    );
    expect(feed.items[0]).toMatchObject({ ok: true, item: { content: 'Before <em>middle</em> after', summary: '<p>Para</p>' } });
  });

  it('sees a DTD internal subset behind comments and processing instructions in the prolog', async () => {
    const bomb = `<?xml version="1.0"?>
<!-- a comment first, <rss> even -->
<?xml-stylesheet href="feed.xsl" type="text/xsl"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss version="2.0"><channel><title>&b;</title><item><title>&b;</title><link>https://hostile.example/e</link></item></channel></rss>`;
    const result = await push(bomb);
    expect(result.status).toBe(422);
    expect(result.body.error.message).toMatch(/declares XML entities/);
  });

  it('lets other work run while it parses a large document', async () => {
    const document = rss2(articleItems(1, 'large').map((item) => ({ ...item, content: '<p>Plenty of ordinary words in a paragraph.</p>'.repeat(90_000) })));
    let turns = 0;
    let parsing = true;
    const others = (async () => {
      while (parsing) {
        await nextTurn();
        turns++;
      }
    })();
    const feed = await parseFeed(document, new WorkBudget(60_000));
    const turnsWhileParsing = turns;
    parsing = false;
    await others;
    expect(feed.items).toHaveLength(1);
    expect(turnsWhileParsing).toBeGreaterThan(0);
  });
});

describe('the time budget of a document', () => {
  it('stops cleaning when the budget is spent, reports the rest, and a second push carries on without losing any', async () => {
    const items = articleItems(40, 'budget');
    const document = rss2(items);
    const target = { publisherSlug: 'hostile', publisherName: 'The hostile' };
    // A clock that moves 1 ms each time it is read: the budget runs out after a fixed amount of work, on any machine.
    const steppingClock = () => {
      let now = 0;
      return () => (now += 1);
    };
    const options = () => ({ iframeHosts: [], publicUrl: 'https://postwire.example', now: new Date(), budget: new WorkBudget(80, steppingClock()) });
    const first = await ingestFeedText(stack.deps.db, target, document, options());
    expect(first.summary.created).toBeGreaterThan(0);
    expect(first.summary.created).toBeLessThan(40);
    expect(first.summary.rejected).toHaveLength(40 - first.summary.created);
    expect(first.summary.rejected[0]!.reason).toMatch(/used up its 0.08-second processing budget; send it again/);
    let stored = first.summary.created;
    for (let attempt = 0; attempt < 40 && stored < 40; attempt++) {
      const again = await ingestFeedText(stack.deps.db, target, document, options());
      expect(again.summary.updated).toBe(0);
      stored += again.summary.created;
    }
    expect(stored).toBe(40);
  });
});

describe('markup depth is measured as the HTML parser will build it', () => {
  const parts = [
    '<div>', '</div>', '<p>', '</p>', '<li>', '<ul>', '</ul>', '<span>', '</span>', '<br>', '<br/>', '<div/>', '<svg>', '</svg>', '<g/>', '<g>',
    '<script>', '</script>', '<!-- x -->', '<!--', '-->', '<!-->', 'text', '<a href="x>y">', '</a>', '<td>', '<tr>', '<table>', '</table>',
    '<title>', '</title>', '<img src=x>', "<x y='>'>", '</x>', '<', '>', '"', '<?pi?>', '<!DOCTYPE x>', '<textarea>', '</textarea>', '<P>',
    '</P>', '<h1>', '<dd>', '<dt>', '<option>', '<select>', '<math>', '<mi>', '</math>', '<a b="c" d=e/>', '</ div>', '</>', '<a\n>',
    '<xmp>', '</xmp >', '<style>', '</style\t>',
  ];
  /** The most elements htmlparser2 (sanitize-html's parser) holds open at once. */
  const parserDepth = (html: string) => {
    let deepest = 0;
    // The open-element stack is private to htmlparser2; reading it is the only exact measure of what it holds.
    const openElements = () => (parser as unknown as { stack: string[] }).stack.length;
    const parser = new HtmlParser({ onopentag: () => (deepest = Math.max(deepest, openElements())) });
    parser.end(html);
    return deepest;
  };
  const measuredDepth = (html: string) => {
    let depth = 0;
    while (markupDeeperThan(html, depth)) depth++;
    return depth;
  };

  it('never counts fewer levels than the parser opens, on 3,000 random tag soups', () => {
    let seed = 20261129;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    const undercounted: string[] = [];
    for (let round = 0; round < 3_000; round++) {
      const html = Array.from({ length: 1 + random(120) }, () => parts[random(parts.length)]).join('');
      // A void or self-closed element is on the parser's stack for an instant only: one level of slack.
      if (measuredDepth(html) < parserDepth(html) - 1) undercounted.push(html);
    }
    expect(undercounted).toEqual([]);
  });

  it('reads sloppy real-world HTML with unclosed paragraphs and list items as shallow', () => {
    const sloppy = '<p>One<p>Two<ul><li>a<li>b</ul><table><tr><td>1<td>2<tr><td>3</table>'.repeat(2_000);
    expect(markupDeeperThan(sloppy, 10)).toBe(false);
    expect(markupDeeperThan(nestedDivs(257), 256)).toBe(true);
    expect(markupDeeperThan(nestedDivs(256), 256)).toBe(false);
  });
});
