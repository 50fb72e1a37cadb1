import { describe, expect, it } from 'vitest';
import { normalizeItem } from '../shared/articles/article-normalizer.js';
import { canonicalUrl } from '../shared/articles/item-links.js';
import { buildTeaser, htmlToText } from '../shared/articles/html-sanitizer.js';
import { decodeFeedBytes } from '../shared/feeds/parse/decode-feed-text.js';
import { parseFeed } from '../shared/feeds/parse/feed-parser.js';
import { encodeWindows1251, rss2 } from './support/feeds.js';

const context = { publisherSlug: 'desk', publisherName: 'The Desk', iframeHosts: ['www.youtube.com'], now: new Date('2026-11-28T12:00:00Z') };

async function normalizeFirst(xml: string) {
  const feed = await parseFeed(xml);
  const first = feed.items[0]!;
  if (!first.ok) throw new Error(first.reason);
  return normalizeItem(first.item, { ...context, baseUrl: feed.link });
}

describe('normalising a feed item', () => {
  it('takes every media:content, picks the image, with caption and credit', async () => {
    const result = await normalizeFirst(
      rss2([
        {
          guid: 'm1',
          title: 'With media',
          link: 'https://desk.example/m1',
          content: '<p>Body.</p>',
          extra:
            '<media:content url="https://cdn.example/video.mp4" medium="video"/><media:content url="https://cdn.example/photo.jpg" medium="image"><media:description>Protesters at dawn</media:description><media:credit>Reuters</media:credit></media:content>',
        },
      ]),
    );
    expect(result).toMatchObject({ ok: true, item: { imageUrl: 'https://cdn.example/photo.jpg', imageCaption: 'Protesters at dawn', imageCredit: 'Reuters' } });
  });

  it('falls back to media:thumbnail, then an image enclosure, then the first inline image', async () => {
    const thumb = await normalizeFirst(rss2([{ guid: 't', title: 'T', link: 'https://desk.example/t', extra: '<media:thumbnail url="https://cdn.example/thumb.jpg"/>' }]));
    expect(thumb).toMatchObject({ item: { imageUrl: 'https://cdn.example/thumb.jpg' } });
    const enclosure = await normalizeFirst(
      rss2([{ guid: 'e', title: 'E', link: 'https://desk.example/e', extra: '<enclosure url="https://cdn.example/e.png" type="image/png" length="1"/>' }]),
    );
    expect(enclosure).toMatchObject({ item: { imageUrl: 'https://cdn.example/e.png' } });
    const inline = await normalizeFirst(rss2([{ guid: 'i', title: 'I', link: 'https://desk.example/a/i', content: '<p><img src="../img/i.jpg"></p>' }]));
    expect(inline).toMatchObject({ item: { imageUrl: 'https://desk.example/img/i.jpg' } });
  });

  it('honours a per-item price and ignores a nonsensical one', async () => {
    const priced = await normalizeFirst(rss2([{ guid: 'p', title: 'P', link: 'https://desk.example/p', extra: '<postwire:price xmlns:postwire="https://postwire.dev/ns">40</postwire:price>' }]));
    expect(priced).toMatchObject({ item: { priceOverride: 40 } });
    const bogus = await normalizeFirst(rss2([{ guid: 'b', title: 'B', link: 'https://desk.example/b', extra: '<postwire:price xmlns:postwire="https://postwire.dev/ns">-3</postwire:price>' }]));
    expect(bogus.ok && bogus.item.priceOverride).toBeUndefined();
  });

  it('treats a future date as missing, so the article is dated when first seen', async () => {
    const result = await normalizeFirst(rss2([{ guid: 'f', title: 'F', link: 'https://desk.example/f', pubDate: 'Fri, 01 Jan 2100 00:00:00 GMT' }]));
    expect(result.ok && result.item.sourcePublishedAt).toBeUndefined();
  });

  it('never takes a link that is not http(s): such an item, known by its guid, gets its page on postwire', async () => {
    const result = await normalizeFirst(rss2([{ guid: 'j', title: 'J', link: 'javascript:alert(1)' }]));
    expect(result).toMatchObject({ ok: true, item: { guid: 'j', url: 'https://postwire.invalid/articles/new' } });
    const nothing = await normalizeFirst(rss2([{ description: 'Words only.', link: 'javascript:alert(1)' }]));
    expect(nothing).toEqual({ ok: false, reason: 'The item has neither a web link, an id (guid) nor a title to know it by.' });
  });

  it('takes a permalink guid as the link of an item that has none, as RSS 2.0 allows, but never an opaque id', async () => {
    const permalink = await normalizeFirst(rss2([{ title: 'G', extra: '<guid>https://desk.example/g?utm_source=feed</guid>' }]));
    expect(permalink).toMatchObject({ ok: true, item: { url: 'https://desk.example/g', guid: 'https://desk.example/g?utm_source=feed' } });
    // Not a permalink, or an opaque id: the item is known by its guid and gets its own page, never a guessed URL.
    const notPermalink = await normalizeFirst(rss2([{ title: 'H', extra: '<guid isPermaLink="false">https://desk.example/h</guid>' }]));
    expect(notPermalink).toMatchObject({ ok: true, item: { guid: 'https://desk.example/h', url: 'https://postwire.invalid/articles/new' } });
    const opaque = await normalizeFirst(rss2([{ title: 'K', extra: '<guid>k-123</guid>' }]));
    expect(opaque).toMatchObject({ ok: true, item: { guid: 'k-123', url: 'https://postwire.invalid/articles/new' } });
    // With a link present, the link wins.
    const both = await normalizeFirst(rss2([{ title: 'L', link: 'https://desk.example/l', extra: '<guid>https://desk.example/other</guid>' }]));
    expect(both).toMatchObject({ item: { url: 'https://desk.example/l' } });
  });

  it('counts words and reading minutes', async () => {
    const words = Array.from({ length: 700 }, (_, i) => `word${i}`).join(' ');
    const result = await normalizeFirst(rss2([{ guid: 'w', title: 'W', link: 'https://desk.example/w', content: `<p>${words}</p>` }]));
    expect(result).toMatchObject({ item: { wordCount: 700, readingMinutes: 4 } });
  });
});

describe('canonical URLs', () => {
  it('resolves relative links, drops fragments and tracking parameters, and refuses other schemes', () => {
    expect(canonicalUrl('/a?utm_source=x&id=3#top', 'https://desk.example/feed')).toBe('https://desk.example/a?id=3');
    expect(canonicalUrl('data:text/html,hi', undefined)).toBeUndefined();
    expect(canonicalUrl('not a url', undefined)).toBeUndefined();
  });
});

describe('teasers', () => {
  it('keeps whole leading paragraphs up to about 60 words', () => {
    const paragraph = (n: number) => `<p>${Array.from({ length: 25 }, () => `p${n}`).join(' ')}</p>`;
    const teaser = buildTeaser([1, 2, 3, 4].map(paragraph).join(''));
    expect(teaser).toBe([1, 2, 3].map(paragraph).join(''));
  });

  it('cuts one very long first paragraph at 60 words', () => {
    const teaser = buildTeaser(`<p>${Array.from({ length: 500 }, (_, i) => `w${i}`).join(' ')}</p>`);
    expect(htmlToText(teaser).split(' ')).toHaveLength(60);
    expect(teaser.endsWith('…</p>')).toBe(true);
  });
});

describe('decoding feed bytes', () => {
  it('trusts valid UTF-8 over a wrong label', () => {
    expect(decodeFeedBytes(Buffer.from('Zürich – naïve', 'utf8'), 'text/xml; charset=iso-8859-1')).toBe('Zürich – naïve');
  });

  it('reads Windows-1251 from the prolog and Latin-1 from the header', () => {
    const cyrillic = encodeWindows1251('<?xml version="1.0" encoding="windows-1251"?><t>Привет</t>');
    expect(decodeFeedBytes(cyrillic)).toContain('Привет');
    expect(decodeFeedBytes(Buffer.from('<t>Größe</t>', 'latin1'), 'application/xml; charset=ISO-8859-1')).toBe('<t>Größe</t>');
  });

  it('reads UTF-16 with its byte-order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<t>ok</t>', 'utf16le')]);
    expect(decodeFeedBytes(utf16)).toBe('<t>ok</t>');
  });
});

describe('rss-parser containment', () => {
  it('a fresh parser per document: a malformed document does not make the next one pass or fail', async () => {
    const broken = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item></channel></rss>';
    await expect(parseFeed(broken)).rejects.toThrow(/not well-formed XML/);
    await expect(parseFeed(broken)).rejects.toThrow(/not well-formed XML/);
    await expect(parseFeed(rss2([{ guid: 'g', title: 'Fine', link: 'https://desk.example/g' }]))).resolves.toMatchObject({ items: [{ ok: true }] });
  });

  it('keeps the order of HTML pasted unescaped into an RSS description or title', async () => {
    const xml = rss2([{ guid: 'u', link: 'https://desk.example/u', extra: '<title>Markets <b>fall</b> again</title><description>Shares <em>slid</em> on Monday, <a href="/x">details</a>.</description>' }]);
    const result = await normalizeFirst(xml);
    expect(result).toMatchObject({ ok: true, item: { title: 'Markets fall again' } });
    expect(result.ok && result.item.contentHtml).toBe('Shares <em>slid</em> on Monday, <a href="https://desk.example/x" rel="noopener noreferrer nofollow">details</a>.');
  });

  it('leaves a self-closing Atom content element alone', async () => {
    const feed = await parseFeed(
      '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>A</title><id>a</id><link href="https://desk.example/a"/><content src="https://desk.example/a.html"/></entry><entry><title>B</title><id>b</id><link href="https://desk.example/b"/><content type="html">&lt;p&gt;B body&lt;/p&gt;</content></entry></feed>',
    );
    expect(feed.items.map((item) => item.ok && item.item.title)).toEqual(['A', 'B']);
  });

  it('reads HTML named entities such as &nbsp; outside CDATA', async () => {
    const feed = await parseFeed(rss2([{ guid: 'n', title: 'Caf&eacute;&nbsp;culture', link: 'https://desk.example/n' }]));
    expect(feed.items[0]).toMatchObject({ ok: true, item: { title: 'Café\u00a0culture' } });
  });
});
