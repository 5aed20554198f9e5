import { enc, get } from '../api.js';
import { fmtAgo, fmtDuration, fmtNumber, fmtTime } from '../format.js';
import { ErrorBox, Loading, useAsync } from '../ui.jsx';

const FLOW_LABELS = { ORDERS: 'Orders', FULFILLMENTS: 'Fulfillments', INVENTORY: 'Inventory', LOCATIONS: 'Locations', PRODUCTS: 'Products' };

const flowLabel = (flow) => FLOW_LABELS[flow] || flow.charAt(0) + flow.slice(1).toLowerCase();

const isFailing = (f) => Boolean(f.lastRunAt && f.lastError && (!f.lastSuccessAt || new Date(f.lastSuccessAt) < new Date(f.lastRunAt)));

/** Failing: the last run did not succeed; attention: errors or open exceptions; idle: never ran. */
function FlowState({ flow: f }) {
  const [tone, text] = isFailing(f) ? ['bad', 'failing']
    : !f.lastRunAt ? ['neutral', 'idle']
      : f.last24h.errors > 0 || f.openExceptions > 0 ? ['warn', 'attention'] : ['ok', 'healthy'];
  return <span class={`badge badge-${tone}`}>{text}</span>;
}

/** Items in and out per hour (bars) with errors marked, oldest hour on the left; drawn as inline SVG. */
export function HourlyChart({ hourly, label }) {
  const width = 288;
  const height = 72;
  const top = 6;
  const slot = width / Math.max(1, hourly.length);
  const bar = Math.max(1, (slot - 2) / 2);
  const max = Math.max(1, ...hourly.map((h) => Math.max(h.itemsIn, h.itemsOut)));
  const y = (v) => height - ((height - top) * v) / max;
  const totalErrors = hourly.reduce((n, h) => n + h.errors, 0);
  const summary = `${label}: ${hourly.reduce((n, h) => n + h.itemsIn, 0)} in, ${hourly.reduce((n, h) => n + h.itemsOut, 0)} out, ${totalErrors} errors over the last ${hourly.length} hours; busiest hour ${max} items`;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height + 14}`} role="img" aria-label={summary} preserveAspectRatio="none">
        <title>{summary}</title>
        <line x1="0" x2={width} y1={height + 0.5} y2={height + 0.5} class="axis" />
        {hourly.map((h, i) => {
          const x = i * slot + 1;
          return (
            <g key={h.hour}>
              <rect x={x} y={y(h.itemsIn)} width={bar} height={height - y(h.itemsIn)} class="bar-in"><title>{`${fmtTime(h.hour)}: ${h.itemsIn} in`}</title></rect>
              <rect x={x + bar} y={y(h.itemsOut)} width={bar} height={height - y(h.itemsOut)} class="bar-out"><title>{`${fmtTime(h.hour)}: ${h.itemsOut} out`}</title></rect>
              {h.errors > 0 && <circle cx={x + bar} cy={height + 7} r="3" class="dot-error"><title>{`${fmtTime(h.hour)}: ${h.errors} errors`}</title></circle>}
            </g>
          );
        })}
      </svg>
      <div class="chart-axis" aria-hidden="true"><span>{hourly.length} h ago</span><span>now</span></div>
      <figcaption class="legend">
        <span class="key key-in" aria-hidden="true" /> in <span class="key key-out" aria-hidden="true" /> out <span class="key key-error" aria-hidden="true" /> errors
        <span class="muted"> · max {max}/h</span>
      </figcaption>
    </figure>
  );
}

export function HealthTab({ integration }) {
  const { data, error, loading, reload } = useAsync(() => get(`/v1/integrations/${enc(integration.id)}/health`), [integration.id]);
  if (loading && !data) return <Loading what="flow health" />;
  if (error) {
    return (
      <>
        <ErrorBox error={error} title={error.status === 404 ? 'Flow health is not available from this API' : undefined} />
        <p class="muted">The Overview tab still shows each flow's last run and lag.</p>
      </>
    );
  }
  return (
    <>
      <div class="toolbar">
        <p class="muted">Generated {fmtTime(data.generatedAt)} · last 24 hours, hourly</p>
        <button type="button" class="btn btn-small" onClick={reload}>Refresh</button>
      </div>
      <div class="flow-grid">
        {data.flows.map((f) => (
          <section class={`card flow-card${isFailing(f) ? ' flow-bad' : ''}`} key={f.flow} aria-labelledby={`flow-${f.flow}`} data-flow={f.flow}>
            <div class="flow-head">
              <h2 id={`flow-${f.flow}`}>{flowLabel(f.flow)}</h2>
              <FlowState flow={f} />
            </div>
            <dl class="stats">
              <div><dt>Last run</dt><dd title={fmtTime(f.lastRunAt)}>{f.lastRunAt ? fmtAgo(f.lastRunAt) : 'never'}</dd></div>
              <div><dt>Lag</dt><dd>{fmtDuration(f.lagSeconds)}</dd></div>
              <div><dt>In (24 h)</dt><dd>{fmtNumber(f.last24h.itemsIn)}</dd></div>
              <div><dt>Out (24 h)</dt><dd>{fmtNumber(f.last24h.itemsOut)}</dd></div>
              <div><dt>Errors (24 h)</dt><dd class={f.last24h.errors ? 'bad-text' : ''}>{fmtNumber(f.last24h.errors)}</dd></div>
              <div><dt>Open exceptions</dt><dd>{f.openExceptions ? <a href={`#/exceptions?integrationId=${enc(integration.id)}`}>{fmtNumber(f.openExceptions)}</a> : '0'}</dd></div>
            </dl>
            {f.hourly && f.hourly.length > 0 && <HourlyChart hourly={f.hourly} label={flowLabel(f.flow)} />}
            {f.lastError && <p class={`alert ${isFailing(f) ? 'alert-error' : 'alert-warn'} small`}>Last error: {f.lastError}</p>}
            <p class="muted small">Last success: {f.lastSuccessAt ? fmtTime(f.lastSuccessAt) : 'never'}</p>
          </section>
        ))}
      </div>
      <section class="card" aria-labelledby="dlq-title">
        <h2 id="dlq-title">Dead-letter queues</h2>
        <div class="table-wrap">
          <table class="table compact" aria-label="Dead-letter queues">
            <thead><tr><th scope="col">Queue</th><th scope="col">Messages</th></tr></thead>
            <tbody>
              {data.deadLetterQueues.map((q) => (
                <tr key={q.name}>
                  <td class="mono">{q.name}</td>
                  <td>{q.error ? <span class="warn-text">unknown: {q.error}</span> : <span class={q.messages ? 'bad-text strong' : ''}>{fmtNumber(q.messages)}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
