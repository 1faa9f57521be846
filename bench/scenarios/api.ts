// Small HTTP helpers for preparing scenarios through the real API (fetch, JSON, bearer tokens).

export async function signIn(loginUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(loginUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`sign-in of ${username} at ${loginUrl} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export async function callApi<T>(url: string, token: string, method: 'GET' | 'POST' | 'PUT', body?: unknown): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${url} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
