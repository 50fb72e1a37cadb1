/** Article ids: `<publisher slug>_<22-character digest>` (ingest-document.ts), so the slug is read off the id. */
const ARTICLE_ID = /^[a-z0-9-]{1,40}_[A-Za-z0-9]{22}$/;

export const isArticleId = (id: string): boolean => ARTICLE_ID.test(id);
export const publisherSlugOfArticleId = (id: string): string => id.slice(0, id.lastIndexOf('_'));
