/** A reader account as the API shows it (never with its password hash). */
export interface Reader {
  userId: string;
  email: string;
  handle: string;
  displayName?: string | undefined;
  createdAt: string;
  /** When the reader confirmed the address through the link mailed to it. */
  emailVerifiedAt?: string | undefined;
  /** Which mails the reader wants (absent: every kind). */
  mailPreferences?: { newsletters: boolean } | undefined;
}
