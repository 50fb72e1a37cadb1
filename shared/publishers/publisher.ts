/** A publisher as the API shows it; `apiKeyHash` never leaves the store. */
export interface Publisher {
  slug: string;
  name: string;
  homepageUrl?: string | undefined;
  /** Default price of an article in points (1 point = 1 US cent); 0 makes articles free. */
  articlePrice: number;
  freeArticlesPerMonth: number;
  createdAt: string;
  updatedAt: string;
}

export interface PublisherSettings {
  name?: string | undefined;
  homepageUrl?: string | undefined;
  articlePrice?: number | undefined;
  freeArticlesPerMonth?: number | undefined;
}

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
