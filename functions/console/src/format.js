// Display helpers: times in UTC (operators compare them with logs), money with its currency.

export function fmtTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

export function fmtTimeSeconds(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

export function fmtAgo(iso, now = Date.now()) {
  if (!iso) return '';
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000);
  if (Number.isNaN(seconds)) return '';
  if (seconds < 0) return `in ${fmtDuration(-seconds)}`;
  return `${fmtDuration(seconds)} ago`;
}

export function fmtDuration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 172800) return `${Math.round(s / 360) / 10} h`;
  return `${Math.round(s / 86400)} d`;
}

export function fmtMoney(m) {
  if (!m || m.amount === undefined || m.amount === null) return '—';
  return `${m.amount} ${m.currency || ''}`.trim();
}

export function fmtNumber(n) {
  if (n === null || n === undefined) return '—';
  return Number(n).toLocaleString('en-US');
}

/** A JSON value for a diff cell or a default: short and readable. */
export function fmtValue(v) {
  if (v === null || v === undefined) return 'empty';
  if (v === true) return 'On';
  if (v === false) return 'Off';
  if (Array.isArray(v)) return v.length ? v.join(', ') : 'empty';
  if (typeof v === 'object') return JSON.stringify(v);
  if (v === '') return 'empty';
  return String(v);
}

export const STATUS_LABELS = {
  PENDING_AUTHORIZATION: 'Not connected',
  CONNECTED: 'Connected',
  AUTH_EXPIRED: 'Authorization expired',
  DEAUTHORIZED: 'Deauthorized',
  DISCONNECTED: 'Disconnected',
};

export const ORDER_STATUSES = ['onHold', 'new', 'partiallyFulfilled', 'fulfilled', 'inTransit', 'delivered', 'completed', 'cancelled'];
