/** Real-looking feed documents for tests, in every format postwire reads. */

export interface RssItem {
  guid?: string;
  title?: string;
  link?: string;
  content?: string;
  description?: string;
  pubDate?: string;
  category?: string;
  creator?: string;
  extra?: string;
}

export function rss2(items: RssItem[], channelExtra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>The Global Translator</title>
    <link>https://translator.example/</link>
    <description>World journalism, in English.</description>
    <language>en</language>
    ${channelExtra}
    ${items.map(rssItem).join('\n')}
  </channel>
</rss>`;
}

function rssItem(item: RssItem): string {
  return `<item>
      ${item.title !== undefined ? `<title>${item.title}</title>` : ''}
      ${item.link !== undefined ? `<link>${item.link}</link>` : ''}
      ${item.guid !== undefined ? `<guid isPermaLink="false">${item.guid}</guid>` : ''}
      ${item.creator ? `<dc:creator>${item.creator}</dc:creator>` : ''}
      ${item.category ? `<category>${item.category}</category>` : ''}
      ${item.pubDate ? `<pubDate>${item.pubDate}</pubDate>` : ''}
      ${item.description ? `<description><![CDATA[${item.description}]]></description>` : ''}
      ${item.content ? `<content:encoded><![CDATA[${item.content}]]></content:encoded>` : ''}
      ${item.extra ?? ''}
    </item>`;
}

export function articleItems(count: number, prefix = 'story'): RssItem[] {
  return Array.from({ length: count }, (_, i) => ({
    guid: `${prefix}-${i}`,
    title: `Story number ${i} from the wires`,
    link: `https://translator.example/${prefix}/${i}`,
    pubDate: new Date(Date.UTC(2026, 10, 1, 0, i)).toUTCString(),
    category: i % 2 === 0 ? 'World' : 'Economy',
    creator: 'Desk Editor',
    description: `Summary of story ${i}.`,
    content: `<p>Paragraph one of story ${i}, translated from the original reporting.</p><p>Paragraph two adds context.</p>`,
  }));
}

export const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
  <title>Le Monde in English</title>
  <link href="https://lemonde.example/en/"/>
  <link rel="self" href="https://lemonde.example/en/atom.xml"/>
  <updated>2026-11-27T09:00:00Z</updated>
  <id>urn:uuid:feed-lemonde-en</id>
  <entry>
    <title type="html">Paris &amp;amp; the budget</title>
    <link rel="alternate" href="https://lemonde.example/en/budget"/>
    <id>tag:lemonde.example,2026:budget</id>
    <published>2026-11-27T08:00:00Z</published>
    <updated>2026-11-27T08:30:00Z</updated>
    <author><name>Claire Dubois</name></author>
    <category term="Politics"/>
    <summary>The assembly votes on the budget.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The assembly <em>votes</em> today.</p><p>More to follow.</p></div></content>
  </entry>
  <entry>
    <title>Entry whose link has no href</title>
    <link rel="alternate"/>
    <id>tag:lemonde.example,2026:nohref</id>
    <published>2026-11-27T07:00:00Z</published>
    <content type="html">&lt;p&gt;Orphan.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Entry with a date nobody can read</title>
    <link href="https://lemonde.example/en/bad-date"/>
    <id>tag:lemonde.example,2026:bad-date</id>
    <published>the day after yesterday</published>
    <content type="html">&lt;p&gt;Still news.&lt;/p&gt;</content>
  </entry>
</feed>`;

export const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/">
    <title>RDF Daily</title>
    <link>https://rdf.example/</link>
    <description>An RSS 1.0 feed</description>
  </channel>
  <item rdf:about="https://rdf.example/one">
    <title>RDF story one</title>
    <link>https://rdf.example/one</link>
    <description>The first RDF story.</description>
    <dc:creator>R. D. Eff</dc:creator>
    <dc:date>2026-11-26T12:00:00Z</dc:date>
  </item>
</rdf:RDF>`;

export const RSS091 = `<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91">
  <channel>
    <title>Old Faithful</title>
    <link>https://old.example/</link>
    <description>Still on 0.91</description>
    <language>en-us</language>
    <item>
      <title>An RSS 0.91 story</title>
      <link>https://old.example/story</link>
      <description>Written the old way.</description>
    </item>
  </channel>
</rss>`;

/** Windows-1251 bytes for ASCII and the Russian alphabet, enough for a real-looking feed. */
export function encodeWindows1251(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (code >= 0x410 && code <= 0x44f) bytes.push(code - 0x410 + 0xc0);
    else if (code === 0x401) bytes.push(0xa8);
    else if (code === 0x451) bytes.push(0xb8);
    else throw new Error(`No Windows-1251 byte for ${char}`);
  }
  return Buffer.from(bytes);
}
