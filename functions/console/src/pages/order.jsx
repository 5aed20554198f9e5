import { enc, get } from '../api.js';
import { fmtMoney, fmtTime, fmtTimeSeconds } from '../format.js';
import { Badge, Empty, ErrorBox, Facts, Loading, PageHeader, useAsync } from '../ui.jsx';
import { ExceptionTable } from './exceptions.jsx';

async function loadOrder(id) {
  const order = await get(`/v1/orders/${enc(id)}`);
  const [fulfillments, exceptions, integration] = await Promise.all([
    get(`/v1/orders/${enc(id)}/fulfillments`).then((r) => r.items, (e) => ({ error: e })),
    get(`/v1/integrations/${enc(order.integrationId)}/exceptions`, { limit: 100 }).then(
      (r) => r.items.filter((x) => x.entityId === order.tiktokOrderId || x.entityId === order.id), (e) => ({ error: e })),
    get(`/v1/integrations/${enc(order.integrationId)}`).catch(() => null),
  ]);
  return { order, fulfillments, exceptions, integration };
}

const SOURCE_LABEL = { poll: 'pull', webhook: 'webhook', api: 'app API', reconciliation: 'reconciliation' };

export function OrderPage({ id }) {
  const { data, error, loading, reload } = useAsync(() => loadOrder(id), [id]);
  if (loading && !data) return <Loading what="the order" />;
  if (error) return <><PageHeader title="Order" /><ErrorBox error={error} /></>;
  const { order: o, fulfillments, exceptions, integration } = data;
  const address = o.shipTo ? [o.shipTo.city, o.shipTo.state, o.shipTo.regionCode].filter(Boolean).join(', ') : null;
  const history = [...(o.history || [])].reverse();
  return (
    <>
      <p class="breadcrumb"><a href="#/orders">Orders</a> / <span class="mono">{o.tiktokOrderId}</span></p>
      <PageHeader title={`Order ${o.tiktokOrderId}`} subtitle={integration ? `${integration.name} · app id ${o.id}` : `app id ${o.id}`}>
        <Badge value={o.status} />
      </PageHeader>
      <div class="grid-2">
        <section class="card" aria-labelledby="summary-title">
          <h2 id="summary-title">Summary</h2>
          <Facts items={[
            ['TikTok status', o.tiktokStatus],
            ['Created in TikTok', fmtTime(o.createdAt)],
            ['TikTok update time', fmtTimeSeconds(o.tiktokUpdateTime)],
            ['Ship by', o.shipBy && fmtTime(o.shipBy)],
            ['Fulfillment', [o.fulfillmentType, o.shippingType].filter(Boolean).join(' · ') + (o.platformShipped ? ' (shipped by TikTok)' : '')],
            ['Ship to', address],
            ['Buyer', o.buyerUserId],
            ['Total', fmtMoney(o.totals && o.totals.total)],
          ]} />
          {o.buyerMessage && <p class="quote">“{o.buyerMessage}”</p>}
        </section>
        <section class="card" aria-labelledby="timeline-title">
          <h2 id="timeline-title">Status timeline</h2>
          {history.length === 0 ? <Empty>No status change recorded.</Empty> : (
            <ol class="timeline" aria-label="Status changes, newest first">
              {history.map((h, i) => (
                <li key={`${h.at}-${i}`} class="timeline-item">
                  <span class="timeline-dot" aria-hidden="true" />
                  <div>
                    <Badge value={h.status} /> {h.tiktokStatus && <span class="small muted">TikTok {h.tiktokStatus}</span>}
                    <div class="small muted">{fmtTimeSeconds(h.at)} · via <span class="source">{SOURCE_LABEL[h.source] || h.source}</span></div>
                  </div>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
      <section class="card" aria-labelledby="lines-title">
        <h2 id="lines-title">Lines</h2>
        <div class="table-wrap">
          <table class="table compact" aria-label="Order lines">
            <thead><tr><th scope="col">SKU</th><th scope="col">Product</th><th scope="col" class="num">Qty</th><th scope="col" class="num">Unit price</th><th scope="col">TikTok line items</th><th scope="col">Catalog</th></tr></thead>
            <tbody>
              {o.lines.map((l, i) => (
                <tr key={i}>
                  <td class="mono">{l.sku || '—'}</td>
                  <td>{l.productName || '—'}{l.bundleSkuId && <div class="small muted">part of bundle {l.bundleSkuId}</div>}</td>
                  <td class="num">{l.quantity}</td>
                  <td class="num">{fmtMoney(l.unitPrice)}</td>
                  <td class="small mono">{l.tiktokLineItemIds.join(', ')}</td>
                  <td>{l.inCatalog ? <span class="badge badge-ok">matched</span> : <span class="badge badge-warn">unknown SKU</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section class="card" aria-labelledby="fulfillments-title">
        <h2 id="fulfillments-title">Fulfillments</h2>
        {fulfillments.error ? <ErrorBox error={fulfillments.error} /> : fulfillments.length === 0 ? <Empty>No fulfillment yet.</Empty> : (
          <div class="table-wrap">
            <table class="table compact" aria-label="Fulfillments">
              <thead><tr><th scope="col">State</th><th scope="col">Carrier</th><th scope="col">Tracking</th><th scope="col">Lines</th><th scope="col">TikTok packages</th><th scope="col">Shipped</th><th scope="col">Detail</th></tr></thead>
              <tbody>
                {fulfillments.map((f) => (
                  <tr key={f.id}>
                    <td><Badge value={f.state} />{f.trackingStatus && <div class="small muted">{f.trackingStatus}</div>}</td>
                    <td>{f.shippingProviderName || f.carrier}</td>
                    <td class="mono">{f.trackingNumber}{f.previousTrackingNumber && <div class="small muted">was {f.previousTrackingNumber}</div>}</td>
                    <td class="small">{f.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')}</td>
                    <td class="small mono">{f.packageIds.join(', ') || '—'}</td>
                    <td class="small">{fmtTime(f.shippedAt)}</td>
                    <td class="small">{f.code ? <><code>{f.code}</code> {f.message}</> : <span class="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section class="card" aria-labelledby="order-exceptions-title">
        <h2 id="order-exceptions-title">Exceptions</h2>
        {exceptions.error ? <ErrorBox error={exceptions.error} /> : exceptions.length === 0 ? <Empty>No exception recorded for this order.</Empty> : (
          <ExceptionTable items={exceptions} names={integration ? { [integration.id]: integration.name } : {}} onChanged={reload} compact />
        )}
      </section>
    </>
  );
}
