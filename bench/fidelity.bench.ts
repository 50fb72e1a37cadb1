/**
 * Real-world feed fidelity: the corpus of test/fixtures/real-world/ pushed
 * through the API into DynamoDB Local, against feedsmith's reading of the
 * same bytes (the reference, in the same run); and the time postwire takes to
 * parse and normalise an item of it, in process.
 */
import { buildArticleFields, identifyItem } from '../shared/articles/article-normalizer.js';
import { decodeFeedBytes } from '../shared/feeds/parse/decode-feed-text.js';
import { parseFeed } from '../shared/feeds/parse/feed-parser.js';
import { loadCorpus, measureCorpus } from '../test/support/feed-fidelity.js';
import { benchApp } from './bench-app.js';
import { median, printTable, round } from './stats.js';

const TIMING_RUNS = 5;

export async function runFidelityBench(endpoint: string): Promise<void> {
  const { config, app } = await benchApp('fidelity', endpoint);
  const corpus = loadCorpus();
  const summary = await measureCorpus((path, init) => Promise.resolve(app.request(path, init)), config.adminToken, corpus);
  const percent = (part: number, whole: number) => `${round((100 * part) / Math.max(1, whole), 1)} %`;
  printTable(`Real-world feeds: ${summary.feeds} feeds of test/fixtures/real-world/, pushed through the API, against feedsmith`, [
    { figure: 'items stored / reference items', value: `${summary.storedItems} / ${summary.referenceItems} (${percent(summary.storedItems, summary.referenceItems)})` },
    { figure: 'feeds stored in full', value: `${summary.feedsInFull} / ${summary.feeds}` },
    { figure: 'titles as the reference reads them', value: `${summary.titlesMatched} / ${summary.titled} (${percent(summary.titlesMatched, summary.titled)})` },
    { figure: 'links as the reference reads them (FeedBurner proxies aside)', value: `${summary.linksMatched} / ${summary.linked} (${percent(summary.linksMatched, summary.linked)})` },
    { figure: 'dates as the reference reads them', value: `${summary.datesMatched} / ${summary.dated} (${percent(summary.datesMatched, summary.dated)})` },
    { figure: 'broken deks (starting or ending inside a word)', value: summary.brokenDeks },
    { figure: 'glued words in titles and deks', value: summary.gluedWords },
  ]);
  const short = summary.outcomes.filter((outcome) => outcome.stored < outcome.reference || outcome.brokenDeks.length > 0 || outcome.gluedWords.length > 0);
  if (short.length > 0) {
    printTable(
      'Feeds short of the reference',
      short.map((outcome) => ({
        feed: outcome.name,
        status: outcome.status,
        'stored / reference': `${outcome.stored} / ${outcome.reference}`,
        'broken deks': outcome.brokenDeks.length,
        'glued words': outcome.gluedWords.slice(0, 3).join(' ') || 0,
      })),
    );
  }

  // Parse + normalise, in process: every item of the corpus built as a new article would be.
  const texts = corpus.map((feed) => decodeFeedBytes(feed.bytes, 'application/xml'));
  const runs: number[] = [];
  let items = 0;
  for (let run = 0; run < TIMING_RUNS; run++) {
    items = 0;
    const started = performance.now();
    for (const text of texts) {
      let feed;
      try {
        feed = await parseFeed(text);
      } catch {
        continue;
      }
      const context = { publisherSlug: 'bench', publisherName: 'Bench', baseUrl: feed.link ?? 'https://bench.example/', iframeHosts: config.feeds.iframeHosts, now: new Date() };
      for (const parsed of feed.items) {
        if (!parsed.ok) continue;
        const identified = identifyItem(parsed.item, context);
        if (identified.ok) buildArticleFields(parsed.item, { ...identified.identity, url: identified.identity.url ?? 'https://bench.example/articles/x' }, context);
        items++;
      }
    }
    runs.push(performance.now() - started);
  }
  printTable(`Parse + normalise of the corpus in process (median of ${TIMING_RUNS})`, [
    { run: 'postwire (decode, parse, identify, clean)', 'items': items, 'ms total': round(median(runs), 0), 'ms per item': round(median(runs) / Math.max(1, items), 3) },
  ]);
}
