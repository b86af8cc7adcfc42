export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

// A tiny HTTP client over fetch that keeps one session token, like a browser keeps its cookie.
export class HttpClient {
  private token: string | undefined;

  constructor(private readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<HttpResult> {
    const result = await this.post('/api/auth/login', { username, password });
    if (result.status === 200) this.token = result.body.token;
    return result;
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.request('GET', path, undefined, headers);
  }

  post(path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request('POST', path, body, headers);
  }

  put(path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.request('PUT', path, body, headers);
  }

  // A multipart upload of one file in the field `file`, as a browser's file input sends it.
  async upload(path: string, bytes: Uint8Array, fileName: string): Promise<HttpResult> {
    const data = new FormData();
    data.append('file', new Blob([bytes as BlobPart]), fileName);
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: this.token ? { authorization: `Bearer ${this.token}` } : {},
      body: data,
      redirect: 'manual',
    });
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('json') && text;
    return { status: response.status, body: json ? JSON.parse(text) : text, headers: response.headers };
  }

  // A file download, as bytes.
  async download(path: string): Promise<HttpResult<Buffer>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: this.token ? { authorization: `Bearer ${this.token}` } : {},
      redirect: 'manual',
    });
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      redirect: 'manual',
    });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as any, headers: response.headers };
  }
}
