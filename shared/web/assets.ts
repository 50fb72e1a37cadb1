/**
 * Static assets of the web app, served under a content hash and cached for a
 * year: a new version is a new URL, so no reader ever sees a stale mix.
 */
import { createHash } from 'node:crypto';
import { EMBED_SCRIPT } from './embed-script.js';
import { SITE_CSS } from './site-css.js';

export interface Asset {
  path: string;
  contentType: string;
  body: string;
}

function hashed(name: string, extension: string, contentType: string, body: string): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { path: `/assets/${name}.${hash}.${extension}`, contentType, body };
}

export const STYLESHEET = hashed('site', 'css', 'text/css; charset=utf-8', SITE_CSS);
/** The paywall embed for publishers' own pages. Its stable address (`/embed.js`) redirects here. */
export const EMBED = hashed('embed', 'js', 'text/javascript; charset=utf-8', EMBED_SCRIPT);

export const ASSETS: ReadonlyMap<string, Asset> = new Map([STYLESHEET, EMBED].map((asset) => [asset.path, asset]));

export const IMMUTABLE = 'public, max-age=31536000, immutable';
