// Hash routes (#/orders/123?x=y): the server only ever serves index.html, deep links still work.
import { useEffect, useState } from 'preact/hooks';

export function parseHash(hash = window.location.hash) {
  const raw = hash.replace(/^#/, '') || '/integrations';
  const [path, qs] = raw.split('?');
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { path, segments, query: Object.fromEntries(new URLSearchParams(qs || '')) };
}

export function useRoute() {
  const [route, setRoute] = useState(parseHash());
  useEffect(() => {
    const onChange = () => setRoute(parseHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function href(path, query) {
  const qs = new URLSearchParams(Object.entries(query || {}).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const s = qs.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

export function navigate(path, query) {
  window.location.hash = href(path, query);
}
