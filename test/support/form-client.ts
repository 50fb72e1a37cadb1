/**
 * A browser without JavaScript: keeps cookies, reads each page's CSRF token and
 * submits forms as url-encoded POSTs, following nothing on its own.
 */
export class FormClient {
  readonly cookies = new Map<string, string>();
  private csrf: string | undefined;

  constructor(private readonly site: (path: string, init?: RequestInit) => Promise<Response>) {}

  async get(path: string): Promise<{ status: number; html: string; response: Response }> {
    const response = await this.site(path, { headers: this.headers() });
    this.keep(response);
    const html = await response.text();
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? this.csrf;
    return { status: response.status, html, response };
  }

  /** Submits a form with this page's CSRF token (unless `csrf` is given, e.g. `null` to leave it out). */
  async post(path: string, fields: Record<string, string>, csrf: string | null | undefined = this.csrf): Promise<Response> {
    const body = new URLSearchParams({ ...fields, ...(csrf ? { _csrf: csrf } : {}) });
    const response = await this.site(path, { method: 'POST', headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' }, body });
    this.keep(response);
    return response;
  }

  private headers(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {};
  }

  private keep(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = pair!.split('=');
      if (/max-age=0/i.test(header) || value.join('=') === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('='));
    }
  }
}
