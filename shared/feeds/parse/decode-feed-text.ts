/**
 * Turns fetched or pushed bytes into text. Bytes that are valid UTF-8 are read
 * as UTF-8 whatever the labels say (mislabelled UTF-8 feeds are common); other
 * bytes use the charset from the Content-Type header, then the XML prolog, then
 * Windows-1252 (the web's reading of Latin-1).
 */
import { charsetOf } from '../fetch/http-headers.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return utf8.decode(body);
  } catch {
    const declared = charsetOf(contentType) ?? prologEncoding(body);
    return new TextDecoder(supportedLabel(declared) ?? 'windows-1252').decode(body);
  }
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

function supportedLabel(label: string | undefined): string | undefined {
  if (!label || label === 'utf-8' || label === 'utf8') return undefined;
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return undefined;
  }
}
