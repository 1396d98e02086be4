/**
 * Client-side routes (`/patients/42`, `/feedback/<token>`) are answered with index.html: a GET outside
 * /api whose last path segment has no file extension is rewritten to `/` before routing.
 */
export function spaRewrite(req: { method?: string; url?: string }): string {
  const url = req.url ?? '/';
  if (req.method !== 'GET' && req.method !== 'HEAD') return url;
  const path = url.split('?')[0];
  if (path === '/api' || path.startsWith('/api/')) return url;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.includes('.') ? url : '/';
}
