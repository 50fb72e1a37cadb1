/** One email as postwire sends it: both an HTML and a plain-text body, always. */
export interface MailMessage {
  /** Stable per mail: a retry or a redelivered queue message is the same mail. */
  id: string;
  /** What it is (`verify_email`, `password_reset`, …): for logs, metrics and preferences. */
  kind: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra headers, such as `List-Unsubscribe` on bulk mail. */
  headers?: Record<string, string> | undefined;
  /** What the mail belongs to (a newsletter issue), carried to delivery events so they can be counted there. */
  tags?: Record<string, string> | undefined;
}

/** Sends one mail now: SMTP on one machine, Amazon SES in AWS. */
export interface MailTransport {
  send(message: MailMessage, from: string): Promise<void>;
}

/** Where the app hands mail over: a queue that sends it with retries, never in the request's way. */
export interface MailOutbox {
  enqueue(message: MailMessage): Promise<void>;
}
