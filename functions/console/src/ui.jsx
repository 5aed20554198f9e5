// Small building blocks shared by the pages.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { STATUS_LABELS } from './format.js';

/** Runs an async loader on mount and when deps change; {data, error, loading, reload}. */
export function useAsync(loader, deps) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    loader().then(
      (data) => mine === generation.current && setState({ data, error: null, loading: false }),
      (error) => mine === generation.current && setState({ data: null, error, loading: false }),
    );
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run };
}

export function Loading({ what }) {
  return <p class="muted" role="status">Loading {what}…</p>;
}

export function ErrorBox({ error, title }) {
  if (!error) return null;
  const fields = error.fieldErrors ? error.fieldErrors() : [];
  return (
    <div class="alert alert-error" role="alert">
      <strong>{title || 'The API refused this'}</strong>
      <p>{error.message}</p>
      {fields.length > 1 && (
        <ul>
          {fields.map((f) => (
            <li key={f.field}>
              <code>{f.field}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A polite live region: screen readers announce what an action did. */
export function Notice({ notice }) {
  return (
    <div class="notice-slot" aria-live="polite">
      {notice && <div class={`alert alert-${notice.kind || 'ok'}`} data-testid="notice">{notice.text}</div>}
    </div>
  );
}

const INTEGRATION_TONE = {
  CONNECTED: 'ok',
  PENDING_AUTHORIZATION: 'neutral',
  AUTH_EXPIRED: 'warn',
  DEAUTHORIZED: 'bad',
  DISCONNECTED: 'neutral',
};

export function IntegrationStatus({ status }) {
  return (
    <span class={`badge badge-${INTEGRATION_TONE[status] || 'neutral'}`} data-status={status}>
      {STATUS_LABELS[status] || status}
    </span>
  );
}

const TONES = {
  open: 'bad', replayed: 'warn', resolved: 'ok',
  pending: 'warn', posted: 'ok', failed: 'bad', skipped: 'neutral',
  onHold: 'warn', new: 'info', partiallyFulfilled: 'info', fulfilled: 'ok', inTransit: 'info', delivered: 'ok',
  completed: 'ok', cancelled: 'neutral',
};

export function Badge({ value, tone }) {
  if (!value) return <span class="muted">—</span>;
  return <span class={`badge badge-${tone || TONES[value] || 'neutral'}`}>{value}</span>;
}

export function PageHeader({ title, subtitle, children }) {
  return (
    <div class="page-header">
      <div>
        <h1 tabIndex={-1} id="page-title">{title}</h1>
        {subtitle && <p class="muted subtitle">{subtitle}</p>}
      </div>
      {children && <div class="page-actions">{children}</div>}
    </div>
  );
}

export function Tabs({ items, current }) {
  return (
    <nav class="tabs" aria-label="Integration sections">
      {items.map((t) => (
        <a key={t.href} href={t.href} class={t.id === current ? 'tab active' : 'tab'} aria-current={t.id === current ? 'page' : undefined}>
          {t.label}
        </a>
      ))}
    </nav>
  );
}

/** A definition list of label/value pairs. */
export function Facts({ items }) {
  return (
    <dl class="facts">
      {items.map(([label, value]) => (
        <div class="fact" key={label}>
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === '' ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Empty({ children }) {
  return <p class="empty">{children}</p>;
}
