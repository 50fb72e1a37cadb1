/**
 * How many of one ingest's new articles become the publisher's posts: a first
 * push of a long back catalogue announces only its newest few, so followers'
 * timelines are not flooded. The chosen articles carry `announceRank` (0 for
 * the newest), which orders their posts.
 */
export const MAX_ANNOUNCED_PER_INGEST = 20;
