/** A reader account as the API shows it (never with its password hash). */
export interface Reader {
  userId: string;
  email: string;
  handle: string;
  displayName?: string | undefined;
  createdAt: string;
}
