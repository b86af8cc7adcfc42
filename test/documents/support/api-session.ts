import { expectNothingInternal } from './printed-text.js';
import { TEST_PASSWORD } from '../../factories/org.factory.js';
import { HttpClient } from '../../support/http-client.js';

// An HttpClient plus the raw bearer token, for the multipart upload HttpClient does not speak.
export async function signIn(baseUrl: string, username: string): Promise<{ http: HttpClient; token: string }> {
  const http = new HttpClient(baseUrl);
  const result = await http.login(username, TEST_PASSWORD);
  if (result.status !== 200) throw new Error(`login failed for ${username}: ${result.status}`);
  return { http, token: result.body.token };
}

export async function uploadPdf(
  baseUrl: string,
  token: string,
  bytes: Uint8Array,
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'van-ban.pdf');
  const response = await fetch(`${baseUrl}/api/documents/verify`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: response.status, body: await response.json() };
}

export async function downloadPdf(
  baseUrl: string,
  token: string,
  documentId: string,
): Promise<{ status: number; type: string | null; bytes: Uint8Array }> {
  const response = await fetch(`${baseUrl}/api/documents/${documentId}/file`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  // Every document the tests download through the API was built from records by the real builders: none of them may
  // print an internal code.
  if (response.status === 200) await expectNothingInternal(bytes);
  return { status: response.status, type: response.headers.get('content-type'), bytes };
}

export async function waitForJob(http: HttpClient, jobId: string, timeoutMs = 45_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  const seen: number[] = [];
  for (;;) {
    const job = await http.get(`/api/documents/jobs/${jobId}`);
    if (job.status !== 200) throw new Error(`job status ${job.status}: ${JSON.stringify(job.body)}`);
    seen.push(job.body.percent);
    if (job.body.state === 'completed' || job.body.state === 'failed') return { ...job.body, seen };
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.body.state} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
