/** A publisher's newsletter: what it covers and when its issues go out. */

export interface Newsletter {
  newsletterId: string;
  publisherSlug: string;
  name: string;
  description?: string | undefined;
  /** Only articles of these sections (case-insensitive); every article when absent. */
  sections?: string[] | undefined;
  /** Local time of the send, `HH:MM`, in `timeZone`. */
  sendTime: string;
  /** An IANA time zone, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** Days of the week it goes out (0 = Sunday … 6 = Saturday): every day for a daily, one for a weekly. */
  weekdays: number[];
  /** Most articles one issue carries (newest first). */
  maxArticles: number;
  createdAt: string;
  /** When the last issue was made: the next one carries articles published since. */
  lastIssueAt?: string | undefined;
  nextSendAt: string;
  subscriberCount: number;
}

/** The newsletter id for a publisher and a short key: readable in links, unique by construction. */
export const newsletterIdOf = (publisherSlug: string, key: string): string => `${publisherSlug}.${key}`;
export const publisherOfNewsletterId = (newsletterId: string): string => newsletterId.slice(0, newsletterId.indexOf('.'));
