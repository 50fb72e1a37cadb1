/** After an unlock that began in a publisher's embed: back to the publisher's page, with proof of access. */
import type { WebContext, WebDeps } from '../web-context.js';

export async function entitledReturn(_deps: WebDeps, _c: WebContext, _articleId: string, _returnUrl: string): Promise<string | undefined> {
  return undefined;
}
