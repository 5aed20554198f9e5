import { useEffect, useMemo, useState } from 'preact/hooks';
import { call, enc, get } from '../api.js';
import { fmtAgo, fmtTime } from '../format.js';
import { navigate } from '../router.js';
import { Badge, Empty, ErrorBox, Loading, Notice, PageHeader, useAsync } from '../ui.jsx';
import { listIntegrations } from './integrations.jsx';

const STATUSES = ['open', 'replayed', 'resolved'];

/** One list across every integration (and so every flow): the API lists per integration, newest first. */
async function loadExceptions(integrationId, status) {
  const integrations = await listIntegrations();
  const targets = integrationId ? integrations.filter((i) => i.id === integrationId) : integrations;
  const pages = await Promise.all(targets.map((i) => get(`/v1/integrations/${enc(i.id)}/exceptions`, { status, limit: 100 })
    .then((p) => ({ items: p.items, more: Boolean(p.nextCursor) }), (error) => ({ items: [], error, integration: i }))));
  const items = pages.flatMap((p) => p.items).sort((a, b) => String(b.lastSeen).localeCompare(String(a.lastSeen)));
  return { integrations, items, failures: pages.filter((p) => p.error), truncated: pages.some((p) => p.more) };
}

export function ExceptionsPage({ query }) {
  const integrationId = query.integrationId || '';
  const status = query.status === 'all' ? '' : (query.status || 'open');
  const flow = query.flow || '';
  const { data, error, loading, reload } = useAsync(() => loadExceptions(integrationId, status), [integrationId, status]);
  const names = useMemo(() => Object.fromEntries(((data && data.integrations) || []).map((i) => [i.id, i.name])), [data]);
  const flows = useMemo(() => [...new Set(((data && data.items) || []).map((x) => x.flow))].sort(), [data]);
  const items = useMemo(() => ((data && data.items) || []).filter((x) => !flow || x.flow === flow), [data, flow]);
  const setFilter = (k, v) => navigate('/exceptions', { integrationId, status: status || 'all', flow, [k]: v });
  return (
    <>
      <PageHeader title="Exceptions" subtitle="Items a flow parked instead of retrying forever. Fix the cause, then replay.">
        <button type="button" class="btn" onClick={reload} disabled={loading}>Refresh</button>
      </PageHeader>
      <div class="card filters" role="search" aria-label="Filter exceptions">
        <div class="filter">
          <label for="e-integration">Integration</label>
          <select id="e-integration" value={integrationId} onChange={(e) => setFilter('integrationId', e.currentTarget.value)}>
            <option value="">All integrations</option>
            {((data && data.integrations) || []).map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
          </select>
        </div>
        <div class="filter">
          <label for="e-flow">Flow</label>
          <select id="e-flow" value={flow} onChange={(e) => setFilter('flow', e.currentTarget.value)}>
            <option value="">All flows</option>
            {flows.map((f) => <option key={f} value={f}>{f}</option>)}
          </select>
        </div>
        <div class="filter">
          <label for="e-status">Status</label>
          <select id="e-status" value={status || 'all'} onChange={(e) => setFilter('status', e.currentTarget.value)}>
            {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
            <option value="all">all</option>
          </select>
        </div>
      </div>
      <ErrorBox error={error} />
      {data && data.failures.map((f) => <ErrorBox key={f.integration.id} error={f.error} title={`Exceptions of ${f.integration.name} could not be read`} />)}
      {loading && !data && <Loading what="exceptions" />}
      {data && items.length === 0 && <Empty>No {status || ''} exception{integrationId ? ' for this integration' : ''}. </Empty>}
      {data && items.length > 0 && (
        <div class="card table-wrap">
          <ExceptionTable items={items} names={names} onChanged={reload} />
        </div>
      )}
      {data && data.truncated && <p class="muted small">Showing the newest 100 per integration.</p>}
    </>
  );
}

function entityLink(x) {
  if (x.entityType === 'order') return <a class="mono" href={`#/orders?integrationId=${enc(x.integrationId)}&q=${enc(x.entityId)}`}>{x.entityId}</a>;
  return <span class="mono">{x.entityId}</span>;
}

/** Exceptions with their replay/resolve actions; after an action the row shows the API's answer. */
export function ExceptionTable({ items, names, onChanged, compact }) {
  const [updated, setUpdated] = useState({});
  const [busy, setBusy] = useState(null);
  const [notice, setNotice] = useState(null);
  const [error, setError] = useState(null);
  // A fresh list from the API supersedes the answers of earlier actions.
  useEffect(() => setUpdated({}), [items]);
  async function act(x, action) {
    setBusy(x.id);
    setError(null);
    setNotice(null);
    try {
      const { body } = await call('POST', `/v1/integrations/${enc(x.integrationId)}/exceptions/${enc(x.id)}/${action}`);
      setUpdated((u) => ({ ...u, [x.id]: body }));
      setNotice({ kind: 'ok', text: action === 'replay'
        ? `Replayed ${x.reasonCode} of ${x.entityType} ${x.entityId}: the message is back on its queue; the item resolves when the flow succeeds. Refresh to follow it.`
        : `Resolved ${x.reasonCode} of ${x.entityType} ${x.entityId}.` });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }
  return (
    <>
      <Notice notice={notice} />
      <ErrorBox error={error} />
      <table class={`table${compact ? ' compact' : ''}`} aria-label="Exceptions">
        <thead>
          <tr>
            <th scope="col">Reason</th><th scope="col">Flow</th><th scope="col">Entity</th>
            {!compact && <th scope="col">Integration</th>}
            <th scope="col">First seen</th><th scope="col">Last seen</th><th scope="col" class="num">Seen</th><th scope="col">Status</th><th scope="col"><span class="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {items.map((orig) => {
            const x = updated[orig.id] || orig;
            return (
              <tr key={x.id} data-exception-id={x.id} data-entity-id={x.entityId} data-status={x.status}>
                <td class="reason"><code class="strong">{x.reasonCode}</code><div class="small">{x.reasonMessage}</div></td>
                <td class="cap">{x.flow}</td>
                <td><span class="small muted">{x.entityType}</span><div>{entityLink(x)}</div></td>
                {!compact && <td>{names[x.integrationId] || <span class="mono small">{x.integrationId}</span>}</td>}
                <td class="small nowrap">{fmtTime(x.firstSeen)}</td>
                <td class="small nowrap" title={fmtTime(x.lastSeen)}>{fmtAgo(x.lastSeen)}</td>
                <td class="num">{x.occurrences}</td>
                <td><Badge value={x.status} /></td>
                <td class="actions">
                  {x.status === 'open' && x.replayable && (
                    <button type="button" class="btn btn-small btn-primary" disabled={busy === x.id} onClick={() => act(x, 'replay')}
                            aria-label={`Replay ${x.reasonCode} of ${x.entityType} ${x.entityId}`}>Replay</button>
                  )}
                  {x.status === 'open' && (
                    <button type="button" class="btn btn-small btn-ghost" disabled={busy === x.id} onClick={() => act(x, 'resolve')}
                            aria-label={`Resolve ${x.reasonCode} of ${x.entityType} ${x.entityId}`}>Resolve</button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {onChanged && Object.keys(updated).length > 0 && <p><button type="button" class="btn btn-small" onClick={() => { setUpdated({}); onChanged(); }}>Refresh statuses</button></p>}
    </>
  );
}
