/**
 * What a fetched feed document goes through: decoded, parsed, cleaned and
 * stored. The parser and the sanitiser are most of the feed worker's code, and a
 * poll answered 304 Not Modified needs none of them, so pollFeed loads this
 * module on first need (shared/lazy-modules.ts) instead of at cold start.
 */
export { ingestParsedFeed } from '../articles/ingest-document.js';
export { decodeFeedBytes } from './parse/decode-feed-text.js';
export { parseFeed } from './parse/feed-parser.js';
