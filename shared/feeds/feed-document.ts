/**
 * What a fetched or pushed feed document goes through: decoded, parsed, cleaned
 * and stored. The parser and the sanitiser are most of the feed worker's and the
 * publisher API's code, and a poll answered 304 Not Modified (or a publisher
 * reading its settings) needs none of them, so pollFeed and the push route load
 * this module on first need (shared/lazy-modules.ts) instead of at cold start.
 */
export { ingestFeedText, ingestParsedFeed } from '../articles/ingest-document.js';
export { decodeFeedBytes, looksLikeXml } from './parse/decode-feed-text.js';
export { parseFeed } from './parse/feed-parser.js';
