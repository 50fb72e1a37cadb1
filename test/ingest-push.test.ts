import { beforeAll, describe, expect, it } from 'vitest';
import { ATOM, articleItems, encodeWindows1251, RDF, rss2, RSS091 } from './support/feeds.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await createTestStack();
});

async function push(auth: Record<string, string>, body: string | Buffer, contentType = 'application/rss+xml') {
  const response = await stack.request('/v1/publisher/ingest', {
    method: 'POST',
    headers: { ...auth, 'content-type': contentType },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function articlesOf(publisher: string) {
  const response = await stack.request(`/v1/articles?publisher=${publisher}&limit=100`);
  return ((await response.json()) as { items: Array<Record<string, any>> }).items;
}

async function detail(id: string) {
  return (await (await stack.request(`/v1/articles/${id}`)).json()) as Record<string, any>;
}

describe('pushing a feed', () => {
  it('stores every item of an RSS 2.0 feed with content:encoded, and lists them newest first', async () => {
    const { auth } = await stack.createPublisher('push-rss');
    const result = await push(auth, rss2(articleItems(5)));
    expect(result).toEqual({ status: 200, body: { created: 5, updated: 0, unchanged: 0, rejected: [] } });
    const items = await articlesOf('push-rss');
    expect(items.map((item) => item.title)).toEqual([4, 3, 2, 1, 0].map((i) => `Story number ${i} from the wires`));
    expect(items[0]).toMatchObject({
      publisher: { slug: 'push-rss', name: 'The push-rss' },
      author: 'Desk Editor',
      section: 'World',
      dek: 'Summary of story 4.',
      url: 'https://translator.example/story/4',
      price: 25,
      readingMinutes: 1,
    });
  });

  it('re-pushing the same feed creates nothing, updates nothing and writes nothing', async () => {
    const { auth } = await stack.createPublisher('push-again');
    const feed = rss2(articleItems(30));
    await push(auth, feed);
    stack.deps.db.roundTrips.reset();
    const again = await push(auth, feed);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 30 });
    expect(stack.deps.db.roundTrips.count('BatchWriteItemCommand')).toBe(0);
    expect(stack.deps.db.roundTrips.count('PutItemCommand')).toBe(0);
  });

  it('an edited item is updated in place and counted once', async () => {
    const { auth } = await stack.createPublisher('push-edit');
    const items = articleItems(3);
    await push(auth, rss2(items));
    const before = await articlesOf('push-edit');
    items[1]!.content = '<p>Corrected: the minister resigned on Tuesday, not Monday.</p>';
    const result = await push(auth, rss2(items));
    expect(result.body).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const after = await articlesOf('push-edit');
    expect(after.map((item) => item.id)).toEqual(before.map((item) => item.id));
    const edited = after.find((item) => item.url.endsWith('/story/1'))!;
    expect((await detail(edited.id)).article.teaserHtml).toContain('Corrected: the minister resigned');
  });

  it('writes a 1,000-item feed in batches, not one request per item, and an update rewrites no address claim', async () => {
    const { auth } = await stack.createPublisher('push-batch');
    stack.deps.db.roundTrips.reset();
    const result = await push(auth, rss2(articleItems(1000, 'bulk')));
    expect(result.body.created).toBe(1000);
    // 1,000 articles and their 1,000 address claims (the embed's lookup), 25 to a batch.
    expect(stack.deps.db.roundTrips.count('BatchWriteItemCommand')).toBeGreaterThanOrEqual(80);
    expect(stack.deps.db.roundTrips.count('BatchWriteItemCommand')).toBeLessThanOrEqual(100);
    expect(stack.deps.db.roundTrips.count('PutItemCommand')).toBe(0);
    expect(stack.deps.db.roundTrips.total).toBeLessThan(130);

    stack.deps.db.roundTrips.reset();
    const edited = articleItems(1000, 'bulk').map((item) => ({ ...item, content: `${item.content}<p>Corrected.</p>` }));
    expect((await push(auth, rss2(edited))).body.updated).toBe(1000);
    expect(stack.deps.db.roundTrips.count('BatchWriteItemCommand')).toBeLessThanOrEqual(50);
  });

  it('reads Atom: xhtml content unwrapped, summary as dek, author, category as section', async () => {
    const { auth } = await stack.createPublisher('push-atom');
    const result = await push(auth, ATOM, 'application/atom+xml');
    expect(result.status).toBe(200);
    // The entry whose only link lacks an href is still stored, known by its id, on its own postwire page.
    expect(result.body).toMatchObject({ created: 3, rejected: [] });
    const items = await articlesOf('push-atom');
    const budget = items.find((item) => item.url === 'https://lemonde.example/en/budget')!;
    expect(budget).toMatchObject({ title: 'Paris & the budget', author: 'Claire Dubois', section: 'Politics', dek: 'The assembly votes on the budget.' });
    expect(budget.publishedAt).toBe('2026-11-27T08:00:00.000Z');
    const teaser = (await detail(budget.id)).article.teaserHtml as string;
    expect(teaser).toBe('<p>The assembly <em>votes</em> today.</p><p>More to follow.</p>');
    // An unreadable date does not cost the entry: it is dated when first seen.
    const badDate = items.find((item) => item.url.endsWith('/bad-date'))!;
    expect(Date.parse(badDate.publishedAt)).toBeGreaterThan(Date.now() - 60_000);
    const noHref = items.find((item) => item.title === 'Entry whose link has no href')!;
    expect(noHref.url).toBe(`${stack.deps.config.feeds.publicUrl}/articles/${noHref.id}`);
  });

  it('reads RDF (RSS 1.0) and RSS 0.91 with its Netscape DOCTYPE', async () => {
    const { auth } = await stack.createPublisher('push-old');
    expect((await push(auth, RDF, 'application/xml')).body).toMatchObject({ created: 1, rejected: [] });
    expect((await push(auth, RSS091, 'text/xml')).body).toMatchObject({ created: 1, rejected: [] });
    const titles = (await articlesOf('push-old')).map((item) => item.title).sort();
    expect(titles).toEqual(['An RSS 0.91 story', 'RDF story one']);
    const rdf = (await articlesOf('push-old')).find((item) => item.title === 'RDF story one')!;
    expect(rdf).toMatchObject({ author: 'R. D. Eff', publishedAt: '2026-11-26T12:00:00.000Z' });
  });

  it('reads Latin-1 and Windows-1251 bytes correctly, from the header or the XML prolog', async () => {
    const { auth } = await stack.createPublisher('push-charset');
    const latin1 = Buffer.from(
      rss2([{ guid: 'l1', title: 'Café à São Paulo: ça coûte cher', link: 'https://translator.example/cafe', content: '<p>Crème brûlée.</p>' }]).replace('UTF-8', 'ISO-8859-1'),
      'latin1',
    );
    expect((await push(auth, latin1, 'application/rss+xml; charset=ISO-8859-1')).body.created).toBe(1);
    const cyrillic = encodeWindows1251(
      rss2([{ guid: 'ru1', title: 'Новости дня: Москва', link: 'https://translator.example/moskva', content: '<p>Ёлка на площади.</p>' }]).replace('UTF-8', 'windows-1251'),
    );
    // No charset in the header: the prolog says windows-1251.
    expect((await push(auth, cyrillic, 'application/rss+xml')).body.created).toBe(1);
    const titles = (await articlesOf('push-charset')).map((item) => item.title).sort();
    expect(titles).toEqual(['Café à São Paulo: ça coûte cher', 'Новости дня: Москва']);
  });

  it('accepts a byte-order mark and junk before <?xml', async () => {
    const { auth } = await stack.createPublisher('push-bom');
    const feed = rss2([{ guid: 'b1', title: 'After the BOM', link: 'https://translator.example/bom' }]);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`\n\n  ${feed}`)]);
    expect((await push(auth, withBom)).body.created).toBe(1);
    const withJunk = `<!-- generated by CMS -->garbage text\n${rss2([{ guid: 'b2', title: 'After junk', link: 'https://translator.example/junk' }])}`;
    expect((await push(auth, withJunk.replace('<!-- generated by CMS -->', ''))).body.created).toBe(1);
  });

  it('keeps two items that share a guid apart by their links', async () => {
    const { auth } = await stack.createPublisher('push-guid');
    const result = await push(
      auth,
      rss2([
        { guid: 'same', title: 'First', link: 'https://translator.example/first' },
        { guid: 'same', title: 'Second', link: 'https://translator.example/second' },
      ]),
    );
    expect(result.body).toMatchObject({ created: 2, rejected: [] });
  });

  it('cleans XSS payloads out of content, titles and links', async () => {
    const { auth } = await stack.createPublisher('push-xss', { articlePrice: 0 });
    const payload = [
      '<p onclick="steal()">Hello <a href="javascript:alert(1)">click</a> <a href="/safe">safe</a></p>',
      '<script>alert(1)</script><style>body{display:none}</style>',
      '<img src="x.jpg" onerror="alert(1)"><img src="data:image/png;base64,AAAA">',
      '<iframe src="https://evil.example/frame"></iframe><iframe srcdoc="<script>alert(1)</script>"></iframe>',
      '<iframe src="https://www.youtube.com/embed/abc123"></iframe>',
      '<p style="position:fixed">styled</p><svg><script>alert(1)</script></svg><form action="https://evil.example"><input></form>',
    ].join('');
    await push(auth, rss2([{ guid: 'x1', title: '&lt;b&gt;Bold&lt;/b&gt; title&lt;script&gt;alert(1)&lt;/script&gt;', link: 'https://translator.example/xss', content: payload }]));
    const [card] = await articlesOf('push-xss');
    expect(card!.title).toBe('Bold title');
    const article = await detail(card!.id);
    expect(article.access).toEqual({ granted: true, via: 'free' });
    const html = article.contentHtml as string;
    for (const bad of ['onclick', 'onerror', 'javascript:', '<script', '<style', 'data:', 'srcdoc', 'evil.example', 'style=', '<svg', '<form', '<input']) {
      expect(html).not.toContain(bad);
    }
    expect(html).toContain('href="https://translator.example/safe"');
    expect(html).toContain('src="https://translator.example/x.jpg"');
    expect(html).toContain('src="https://www.youtube.com/embed/abc123"');
  });
});

describe('refusing documents that are not feeds', () => {
  it('answers 422 with a reason for HTML, and for malformed XML twice in a row', async () => {
    const { auth } = await stack.createPublisher('push-bad');
    const html = await push(auth, '<!doctype html><html><body><p>Not a feed</p></body></html>', 'application/xml');
    expect(html.status).toBe(422);
    expect(html.body.error.code).toBe('unprocessable_feed');
    const malformed = '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Unclosed</item></channel></rss>';
    const first = await push(auth, malformed);
    const second = await push(auth, malformed);
    expect(first.status).toBe(422);
    expect(second).toEqual(first);
    const notFeed = await push(auth, '<?xml version="1.0"?><catalog><book>Not news</book></catalog>', 'application/xml');
    expect(notFeed.status).toBe(422);
    expect(notFeed.body.error.message).toMatch(/not an RSS, RDF or Atom feed/);
    // A good feed right after the bad ones still goes in.
    expect((await push(auth, rss2(articleItems(2)))).body.created).toBe(2);
  });

  it('refuses an entity bomb and an external entity without expanding or fetching anything', async () => {
    const { auth } = await stack.createPublisher('push-entities');
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>&lol3;</title><item><title>&lol3;</title><link>https://x.example/</link></item></channel></rss>`;
    const external = `<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<rss version="2.0"><channel><title>t</title><item><title>&secret;</title><link>https://x.example/p</link></item></channel></rss>`;
    for (const document of [bomb, external]) {
      const result = await push(auth, document);
      expect(result.status).toBe(422);
      expect(result.body.error.message).toMatch(/entities/);
    }
    expect(await articlesOf('push-entities')).toEqual([]);
  });

  it('answers 415 for a body declared as something else and 413 for one over the limit', async () => {
    const { auth } = await stack.createPublisher('push-media');
    const wrongType = await push(auth, rss2(articleItems(1)), 'application/json');
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.error.code).toBe('unsupported_media_type');
    const huge = rss2([{ guid: 'h', title: 'Huge', link: 'https://x.example/h', content: 'x'.repeat(10 * 1024 * 1024 + 10) }]);
    const tooBig = await push(auth, huge);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('payload_too_large');
  });
});

describe('publisher authentication on ingest', () => {
  it('answers 401 without a key, with a wrong key, and with a rotated-out key', async () => {
    const { auth, apiKey } = await stack.createPublisher('push-auth');
    expect((await push({}, rss2(articleItems(1)))).status).toBe(401);
    expect((await push({ authorization: 'Bearer pk_push-auth_' + 'A'.repeat(43) }, rss2(articleItems(1)))).status).toBe(401);
    expect((await push({ authorization: 'Bearer not-a-key' }, rss2(articleItems(1)))).status).toBe(401);
    const rotated = await stack.request('/v1/publisher/keys/rotate', { method: 'POST', headers: auth });
    const { apiKey: fresh } = (await rotated.json()) as { apiKey: string };
    expect(fresh).not.toBe(apiKey);
    expect((await push(auth, rss2(articleItems(1)))).status).toBe(401);
    expect((await push({ authorization: `Bearer ${fresh}` }, rss2(articleItems(1)))).status).toBe(200);
  });

  it('a publisher key cannot use operator endpoints (403) and the operator token is no publisher key (401)', async () => {
    const { auth } = await stack.createPublisher('push-roles');
    const asPublisher = await stack.request('/v1/admin/publishers', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'sneaky', name: 'Sneaky' }),
    });
    expect(asPublisher.status).toBe(403);
    expect((await push({ authorization: stack.admin.authorization! }, rss2(articleItems(1)))).status).toBe(401);
  });
});
