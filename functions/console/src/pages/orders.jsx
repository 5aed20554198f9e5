import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, enc, get } from '../api.js';
import { fmtMoney, fmtTime, ORDER_STATUSES } from '../format.js';
import { navigate } from '../router.js';
import { Badge, Empty, ErrorBox, Loading, PageHeader, useAsync } from '../ui.jsx';
import { listIntegrations } from './integrations.jsx';

const units = (o) => o.lines.reduce((n, l) => n + l.quantity, 0);

function matches(o, text) {
  if (!text) return true;
  const t = text.toLowerCase();
  const hay = [o.id, o.tiktokOrderId, o.buyerUserId, o.tiktokStatus, ...o.lines.flatMap((l) => [l.sku, l.productName])];
  return hay.some((v) => v && String(v).toLowerCase().includes(t));
}

export function OrdersPage({ query }) {
  const integrationId = query.integrationId || '';
  const status = query.status || '';
  const [text, setText] = useState(query.q || '');
  const integrations = useAsync(listIntegrations, []);
  const [orders, setOrders] = useState([]);
  const [cursor, setCursor] = useState(null);
  const [state, setState] = useState({ loading: true, error: null });

  const generation = useRef(0);

  async function load(after) {
    // Only the answer to the latest request counts (filters can change while a page is in flight).
    const mine = ++generation.current;
    setState({ loading: true, error: null });
    try {
      const page = await get('/v1/orders', { integrationId, status, limit: 50, cursor: after });
      if (mine !== generation.current) return;
      setOrders((prev) => (after ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor || null);
      setState({ loading: false, error: null });
    } catch (e) {
      if (mine === generation.current) setState({ loading: false, error: e });
    }
  }
  useEffect(() => { load(null); }, [integrationId, status]);

  const names = useMemo(() => Object.fromEntries((integrations.data || []).map((i) => [i.id, i.name])), [integrations.data]);
  const shown = orders.filter((o) => matches(o, text.trim()));
  const setFilter = (k, v) => navigate('/orders', { integrationId, status, q: text, [k]: v });

  return (
    <>
      <PageHeader title="Orders" subtitle="TikTok orders in the app, newest update first." />
      <form class="card filters" role="search" aria-label="Filter orders" onSubmit={(e) => { e.preventDefault(); setFilter('q', text); }}>
        <div class="filter">
          <label for="f-integration">Integration</label>
          <select id="f-integration" value={integrationId} onChange={(e) => setFilter('integrationId', e.currentTarget.value)}>
            <option value="">All integrations</option>
            {(integrations.data || []).map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
          </select>
        </div>
        <div class="filter">
          <label for="f-status">Status</label>
          <select id="f-status" value={status} onChange={(e) => setFilter('status', e.currentTarget.value)}>
            <option value="">All statuses</option>
            {ORDER_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        <div class="filter grow">
          <label for="f-text">Search</label>
          <input id="f-text" type="search" value={text} placeholder="Order id, SKU, product or buyer" aria-describedby="f-text-hint"
                 onInput={(e) => setText(e.currentTarget.value)} />
          <span class="hint" id="f-text-hint">Searches the orders loaded below{cursor ? '; load more to search further' : ''}.</span>
        </div>
      </form>
      <ErrorBox error={state.error} />
      {state.loading && orders.length === 0 && <Loading what="orders" />}
      {!state.loading && shown.length === 0 && !state.error && <Empty>No order matches these filters.</Empty>}
      {shown.length > 0 && (
        <div class="card table-wrap">
          <table class="table" aria-label="Orders">
            <thead>
              <tr><th scope="col">TikTok order</th><th scope="col">Integration</th><th scope="col">Status</th><th scope="col">TikTok status</th><th scope="col" class="num">Units</th><th scope="col" class="num">Total</th><th scope="col">Created</th><th scope="col">Updated</th></tr>
            </thead>
            <tbody>
              {shown.map((o) => (
                <tr key={o.id} data-order-id={o.id}>
                  <td><a class="mono strong" href={`#/orders/${enc(o.id)}`}>{o.tiktokOrderId}</a>{o.lines.some((l) => !l.inCatalog) && <span class="badge badge-warn ml">unknown SKU</span>}</td>
                  <td>{names[o.integrationId] || <span class="mono small">{o.integrationId}</span>}</td>
                  <td><Badge value={o.status} /></td>
                  <td class="small">{o.tiktokStatus || '—'}</td>
                  <td class="num">{units(o)}</td>
                  <td class="num">{fmtMoney(o.totals && o.totals.total)}</td>
                  <td class="small nowrap">{fmtTime(o.createdAt)}</td>
                  <td class="small nowrap">{fmtTime(o.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && <div class="form-actions"><button type="button" class="btn" disabled={state.loading} onClick={() => load(cursor)}>{state.loading ? 'Loading…' : 'Load more'}</button></div>}
      <Diagnostic integrations={integrations.data || []} defaultIntegration={integrationId} />
    </>
  );
}

const EXCLUSION_SETTING_TAB = 'settings';

/** "Why is this order not here?": asks TikTok about the order and which setting (if any) keeps it out. */
export function Diagnostic({ integrations, defaultIntegration, defaultOrderId }) {
  const [integrationId, setIntegrationId] = useState(defaultIntegration || '');
  const [orderId, setOrderId] = useState(defaultOrderId || '');
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const chosen = integrationId || (integrations[0] && integrations[0].id) || '';
  async function run(e) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await get(`/v1/integrations/${enc(chosen)}/diagnostics/orders/${enc(orderId.trim())}`));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, { error: { message: err.message } }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="card diagnostic" aria-labelledby="diag-title">
      <h2 id="diag-title">Why is this order not here?</h2>
      <p class="muted">Looks the order up in TikTok and tells whether it is in the app and, if not, which setting keeps it out.</p>
      <form class="filters" onSubmit={run}>
        <div class="filter">
          <label for="d-integration">Integration</label>
          <select id="d-integration" value={chosen} onChange={(e) => setIntegrationId(e.currentTarget.value)}>
            {integrations.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
          </select>
        </div>
        <div class="filter grow">
          <label for="d-order">TikTok order id</label>
          <input id="d-order" value={orderId} required autocomplete="off" inputMode="numeric" onInput={(e) => setOrderId(e.currentTarget.value)} />
        </div>
        <div class="filter end"><button type="submit" class="btn btn-primary" disabled={busy || !orderId.trim() || !chosen}>{busy ? 'Checking…' : 'Check order'}</button></div>
      </form>
      <ErrorBox error={error} />
      {result && (
        <div class={`alert ${result.inApp ? 'alert-ok' : 'alert-warn'}`} aria-live="polite" data-testid="diagnosis">
          <p class="strong">{result.explanation}</p>
          <ul class="plain">
            <li>In TikTok: {result.foundInTikTok ? `yes, ${result.tiktokStatus || 'status unknown'}, created ${fmtTime(result.tiktokCreateTime)}` : 'not found'}</li>
            <li>In the app: {result.inApp ? <>yes, <a href={`#/orders/${enc(result.appOrderId)}`}>{result.appStatus}</a>{result.upToDate === false ? ' (behind TikTok: the next pull updates it)' : ''}</> : 'no'}</li>
            {result.setting && <li>Setting: <a href={`#/integrations/${enc(chosen)}/${EXCLUSION_SETTING_TAB}`}><code>{result.setting}</code></a></li>}
          </ul>
        </div>
      )}
    </section>
  );
}
