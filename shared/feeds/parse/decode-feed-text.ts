/**
 * Turns fetched or pushed bytes into text. Bytes that are valid UTF-8 are read
 * as UTF-8 whatever the labels say (mislabelled UTF-8 feeds are common); other
 * bytes use the charset from the Content-Type header, then the XML prolog, and
 * with neither, the encoding a detector finds in the bytes (a Russian feed in
 * Windows-1251 sent with no charset anywhere is not Latin-1), then Windows-1252
 * (the web's reading of Latin-1).
 */
import { detect } from 'chardet';
import { charsetOf } from '../fetch/http-headers.js';

/** Enough of the document for the detector to judge; the rest would not change its mind. */
const DETECTION_SAMPLE_BYTES = 64 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  // UTF-16 without a byte-order mark still starts with "<", padded by a zero byte on one side (XML 1.0, appendix F).
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return new TextDecoder('utf-16le').decode(bytes);
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return utf8.decode(body);
  } catch {
    const declared = supportedLabel(charsetOf(contentType) ?? prologEncoding(body));
    return new TextDecoder(declared ?? detectedLabel(body) ?? 'windows-1252').decode(body);
  }
}

/** Whether the bytes start (after a byte-order mark and white space) like an XML document. */
export function looksLikeXml(bytes: Uint8Array): boolean {
  const head = decodeFeedBytes(bytes.subarray(0, 512)).trimStart();
  return head.startsWith('<');
}

/** Drops anything before the XML declaration or root element (stray whitespace, BOM characters, junk). */
export function trimToDocument(text: string): string {
  const start = text.search(/<[?!]?[A-Za-z]/);
  return start > 0 ? text.slice(start) : text.replace(/^\uFEFF/, '');
}

function prologEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1');
  return head.match(/<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/)?.[1]?.toLowerCase();
}

/**
 * The detector judges letters: markup, digits and ASCII punctuation only
 * dilute them (a short Russian feed reads as Latin-1 with its tags left in).
 */
function detectedLabel(bytes: Uint8Array): string | undefined {
  const text = Buffer.from(bytes.subarray(0, DETECTION_SAMPLE_BYTES)).toString('latin1').replace(/<[^>]*>/g, ' ').replace(/[\x00-\x40\x5b-\x60\x7b-\x7f]+/g, ' ');
  return supportedLabel(detect(Buffer.from(text, 'latin1'))?.toLowerCase());
}

function supportedLabel(label: string | undefined): string | undefined {
  if (!label || label === 'utf-8' || label === 'utf8') return undefined;
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return undefined;
  }
}
