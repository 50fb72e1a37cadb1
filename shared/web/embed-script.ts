export const EMBED_SCRIPT = '';
