import type { Request } from 'express';

// A browser asking for a page that does not exist, or failing before any page's own filter, gets a page in the
// site's layout rather than the API's JSON. The web feature provides it; without it (the API alone) JSON is sent.
export const HTML_ERROR_PAGE = Symbol('HTML_ERROR_PAGE');

export interface HtmlErrorPage {
  render(request: Request, status: number, message: string): string;
}
