import { useMemo, useState } from 'preact/hooks';
import { call, enc, get } from '../api.js';
import { fmtTime, fmtValue } from '../format.js';
import { ErrorBox, Loading, Notice, useAsync } from '../ui.jsx';

const clone = (v) => JSON.parse(JSON.stringify(v));
const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const fieldOf = (path) => path.slice(path.indexOf('.') + 1);
const sectionOf = (path) => path.slice(0, path.indexOf('.'));
// Actions in the catalog ("Force inventory resync", "Force product catalog resync") are resync requests.
const RESYNC_FLOW = { inventory: 'inventory', products: 'products', orders: 'orders' };

async function loadSettings(id) {
  const [catalog, settings, locations] = await Promise.all([
    get('/v1/settings/catalog'),
    get(`/v1/integrations/${enc(id)}/settings`),
    get('/v1/locations', { limit: 200 }).catch(() => null),
  ]);
  return { catalog, settings, locations: locations ? locations.items || [] : null };
}

function optionLabel(def, code) {
  const o = (def.options || []).find((x) => x.code === code);
  return o ? o.label : code;
}

function defaultText(def) {
  if (def.defaultDescription) return def.defaultDescription;
  const v = def.default;
  if (def.type === 'DROPDOWN') return v ? optionLabel(def, v) : 'none';
  if (def.type === 'MULTI_SELECT') return Array.isArray(v) && v.length ? v.map((c) => optionLabel(def, c)).join(', ') : 'none';
  if (def.type === 'SINGLE_SELECT') return v || 'none';
  return fmtValue(v);
}

/** The API names fields like "orders.messageTemplate" (or "settings.orders.messageTemplate" in an import). */
function errorsByPath(error, defs) {
  const out = {};
  for (const f of error.fieldErrors()) {
    const def = defs.find((d) => f.field === d.path || f.field.endsWith(`.${d.path}`) || f.field.startsWith(`${d.path}[`));
    if (def) out[def.path] = out[def.path] ? `${out[def.path]}; ${f.message}` : f.message;
  }
  return out;
}

export function SettingsTab({ integration }) {
  const { data, error, loading } = useAsync(() => loadSettings(integration.id), [integration.id]);
  if (loading && !data) return <Loading what="settings" />;
  if (error) return <ErrorBox error={error} />;
  return <SettingsForm integration={integration} catalog={data.catalog} initial={data.settings} locations={data.locations} />;
}

function SettingsForm({ integration, catalog, initial, locations }) {
  const [current, setCurrent] = useState(initial);
  const [draft, setDraft] = useState(clone(initial.settings));
  const [listText, setListText] = useState({});
  const [errors, setErrors] = useState({});
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState(null);
  const [saving, setSaving] = useState(false);
  const [historyKey, setHistoryKey] = useState(0);
  const defs = useMemo(() => catalog.sections.flatMap((s) => s.settings), [catalog]);
  const editable = defs.filter((d) => !d.action);
  const changed = editable.filter((d) => !same(draft[sectionOf(d.path)]?.[fieldOf(d.path)], current.settings[sectionOf(d.path)]?.[fieldOf(d.path)]));

  function setValue(path, value) {
    const s = sectionOf(path);
    setDraft((d) => ({ ...d, [s]: { ...(d[s] || {}), [fieldOf(path)]: value } }));
    setErrors((e) => ({ ...e, [path]: undefined }));
  }

  function accept(version, message) {
    setCurrent(version);
    setDraft(clone(version.settings));
    setListText({});
    setErrors({});
    setNotice({ kind: 'ok', text: message });
    setHistoryKey((k) => k + 1);
  }

  async function save(e) {
    e.preventDefault();
    setSaving(true);
    setError(null);
    setNotice(null);
    const patch = {};
    for (const d of changed) {
      const s = sectionOf(d.path);
      patch[s] = { ...(patch[s] || {}), [fieldOf(d.path)]: draft[s][fieldOf(d.path)] };
    }
    try {
      const { body } = await call('PATCH', `/v1/integrations/${enc(integration.id)}/settings`, {
        body: patch, headers: { 'If-Match': `"${current.version}"` },
      });
      accept(body, `Saved ${changed.length} change${changed.length === 1 ? '' : 's'} as version ${body.version}.`);
    } catch (err) {
      const byPath = errorsByPath(err, defs);
      setErrors(byPath);
      setError(err.status === 412 ? Object.assign(err, { message: 'These settings were changed elsewhere since you opened them. Reload the page to see the current version.' }) : err);
      if (Object.keys(byPath).length) {
        setTimeout(() => document.querySelector('[aria-invalid="true"]')?.focus(), 0);
      }
    } finally {
      setSaving(false);
    }
  }

  function discard() {
    setDraft(clone(current.settings));
    setListText({});
    setErrors({});
    setError(null);
  }

  return (
    <div class="settings-layout">
      <form class="settings-form" onSubmit={save} noValidate aria-label="Connector settings">
        <Notice notice={notice} />
        <ErrorBox error={error} title={Object.keys(errors).length ? `Fix the ${Object.keys(errors).length} setting(s) marked below` : undefined} />
        <p class="muted small">Version {current.version} · last changed {fmtTime(current.changedAt)} by {current.changedBy}</p>
        {catalog.sections.map((section) => (
          <fieldset class="card section" key={section.key} id={`section-${section.key}`}>
            <legend><h2>{section.title}</h2></legend>
            {section.settings.map((def) => (
              <Setting key={def.path} def={def} integrationId={integration.id} locations={locations}
                       value={draft[sectionOf(def.path)]?.[fieldOf(def.path)]}
                       changed={changed.includes(def)} error={errors[def.path]}
                       listText={listText[def.path]} setListText={(t) => setListText((m) => ({ ...m, [def.path]: t }))}
                       onChange={(v) => setValue(def.path, v)} />
            ))}
          </fieldset>
        ))}
        <div class="savebar" role="region" aria-label="Save">
          <span class="muted" aria-live="polite">{changed.length ? `${changed.length} unsaved change${changed.length === 1 ? '' : 's'}` : 'No unsaved changes'}</span>
          <button type="button" class="btn btn-ghost" onClick={discard} disabled={!changed.length || saving}>Discard</button>
          <button type="submit" class="btn btn-primary" disabled={!changed.length || saving}>{saving ? 'Saving…' : 'Save changes'}</button>
        </div>
      </form>
      <History key={historyKey} integrationId={integration.id} currentVersion={current.version}
               onRestored={(v, from) => accept(v, `Restored version ${from} as version ${v.version}.`)} />
    </div>
  );
}

function Setting({ def, value, onChange, changed, error, integrationId, locations, listText, setListText }) {
  const id = `s-${def.path.replace(/\./g, '-')}`;
  const descId = `${id}-desc`;
  const errId = `${id}-err`;
  const described = `${descId}${error ? ` ${errId}` : ''}`;
  const invalid = error ? 'true' : undefined;
  const meta = (
    <>
      <p class="setting-desc" id={descId}>{def.description} <span class="default">Default: {defaultText(def)}.</span></p>
      {error && <p class="field-error" id={errId}>{error}</p>}
    </>
  );
  let control;
  switch (def.type) {
    case 'SWITCH':
      return (
        <div class={`setting setting-switch${changed ? ' changed' : ''}${error ? ' invalid' : ''}`} data-path={def.path}>
          <div class="setting-head">
            <label for={id} class="setting-label">{def.label}</label>
            <input id={id} type="checkbox" role="switch" class="switch" checked={value === true}
                   aria-describedby={described} aria-invalid={invalid} onChange={(e) => onChange(e.currentTarget.checked)} />
          </div>
          {meta}
        </div>
      );
    case 'MULTI_SELECT':
      return (
        <fieldset class={`setting${changed ? ' changed' : ''}${error ? ' invalid' : ''}`} data-path={def.path} aria-describedby={described}>
          <legend class="setting-label">{def.label}</legend>
          {meta}
          <div class="checks">
            {def.options.map((o) => {
              const selected = Array.isArray(value) && value.includes(o.code);
              return (
                <label key={o.code} class="check">
                  <input type="checkbox" checked={selected} aria-invalid={invalid}
                         onChange={(e) => {
                           const set = new Set(Array.isArray(value) ? value : []);
                           if (e.currentTarget.checked) set.add(o.code); else set.delete(o.code);
                           onChange(def.options.map((x) => x.code).filter((c) => set.has(c)));
                         }} />
                  {o.label}
                </label>
              );
            })}
          </div>
        </fieldset>
      );
    case 'ACTION':
      return <ResyncAction def={def} integrationId={integrationId} meta={meta} />;
    case 'DROPDOWN':
      control = (
        <select id={id} value={value ?? ''} aria-describedby={described} aria-invalid={invalid} onChange={(e) => onChange(e.currentTarget.value || null)}>
          {def.nullable && <option value="">None</option>}
          {def.options.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
        </select>
      );
      break;
    case 'SINGLE_SELECT':
      control = locations ? (
        <select id={id} value={value ?? ''} aria-describedby={described} aria-invalid={invalid} onChange={(e) => onChange(e.currentTarget.value || null)}>
          <option value="">None</option>
          {value && !locations.some((l) => l.id === value) && <option value={value}>{value}</option>}
          {locations.map((l) => <option key={l.id} value={l.id}>{l.name ? `${l.name} (${l.id})` : l.id}</option>)}
        </select>
      ) : (
        <input id={id} value={value ?? ''} aria-describedby={described} aria-invalid={invalid} onInput={(e) => onChange(e.currentTarget.value.trim() || null)} />
      );
      break;
    case 'DATE_TIME':
      control = (
        <input id={id} value={value ?? ''} placeholder="2026-01-31T00:00:00Z" inputMode="text" autocomplete="off"
               aria-describedby={described} aria-invalid={invalid} onInput={(e) => onChange(e.currentTarget.value.trim() || null)} />
      );
      break;
    case 'FREE_TEXT_LIST': {
      const text = listText !== undefined ? listText : (Array.isArray(value) ? value.join('\n') : '');
      control = (
        <>
          <textarea id={id} rows={Math.min(6, Math.max(2, text.split('\n').length))} value={text} aria-describedby={`${described} ${id}-hint`} aria-invalid={invalid}
                    onInput={(e) => {
                      const t = e.currentTarget.value;
                      setListText(t);
                      onChange(t.split(/[\n,]/).map((s) => s.trim()).filter(Boolean));
                    }} />
          <span class="hint" id={`${id}-hint`}>One per line{def.maxEntries ? `, at most ${def.maxEntries}` : ''}.</span>
        </>
      );
      break;
    }
    default: {
      const text = value ?? '';
      control = (
        <>
          <textarea id={id} rows={3} value={text} aria-describedby={`${described} ${id}-count`} aria-invalid={invalid}
                    onInput={(e) => onChange(e.currentTarget.value)} />
          {def.maxLength > 0 && <span class={`hint${text.length > def.maxLength ? ' bad-text' : ''}`} id={`${id}-count`}>{text.length} / {def.maxLength} characters</span>}
        </>
      );
    }
  }
  return (
    <div class={`setting${changed ? ' changed' : ''}${error ? ' invalid' : ''}`} data-path={def.path}>
      <label for={id} class="setting-label">{def.label}</label>
      {meta}
      {control}
    </div>
  );
}

function ResyncAction({ def, integrationId, meta }) {
  const flow = RESYNC_FLOW[sectionOf(def.path)];
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const { body } = await call('POST', `/v1/integrations/${enc(integrationId)}/resync`, { body: { flow } });
      setResult(body);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="setting setting-action" data-path={def.path}>
      <div class="setting-head">
        <span class="setting-label">{def.label}</span>
        <button type="button" class="btn" disabled={busy || !flow} onClick={run}>{busy ? 'Requesting…' : def.label}</button>
      </div>
      {meta}
      <div aria-live="polite">
        {result && (
          <p class="alert alert-ok" data-testid={`resync-${flow}`}>
            Queued: a full {result.flow} resync{result.skus && result.skus.length ? ` of ${result.skus.join(', ')}` : ''} was requested at {fmtTime(result.requestedAt)} by {result.requestedBy}. The {result.flow} flow does the work through its queue.
          </p>
        )}
      </div>
      <ErrorBox error={error} />
    </div>
  );
}

function History({ integrationId, currentVersion, onRestored }) {
  const { data, error, loading } = useAsync(() => get(`/v1/integrations/${enc(integrationId)}/settings/history`), [integrationId]);
  const [restoreError, setRestoreError] = useState(null);
  const [busy, setBusy] = useState(null);
  async function restore(version) {
    setBusy(version);
    setRestoreError(null);
    try {
      const { body } = await call('POST', `/v1/integrations/${enc(integrationId)}/settings/restore`, { body: { version, expectedVersion: currentVersion } });
      onRestored(body, version);
    } catch (e) {
      setRestoreError(e);
      setBusy(null);
    }
  }
  return (
    <aside class="card history" aria-labelledby="history-title">
      <h2 id="history-title">Change history</h2>
      {loading && <Loading what="history" />}
      <ErrorBox error={error || restoreError} />
      {data && (
        <ol class="history-list">
          {data.items.map((v) => (
            <li key={v.version} class="history-item" data-version={v.version}>
              <div class="history-head">
                <strong>Version {v.version}</strong>
                {v.version === currentVersion ? <span class="badge badge-ok">current</span> : (
                  <button type="button" class="btn btn-small" disabled={busy !== null} onClick={() => restore(v.version)}
                          aria-label={`Restore version ${v.version}`}>{busy === v.version ? 'Restoring…' : 'Restore'}</button>
                )}
              </div>
              <p class="muted small">{fmtTime(v.changedAt)} · {v.changedBy}{v.reason ? ` · ${v.reason}` : ''}</p>
              {v.changes && v.changes.length > 0 && v.changes.length <= 4 && <Changes changes={v.changes} />}
              {v.changes && v.changes.length > 4 && (
                <details>
                  <summary>{v.changes.length} fields changed</summary>
                  <Changes changes={v.changes} />
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}

function Changes({ changes }) {
  return (
    <ul class="changes">
      {changes.map((c) => (
        <li key={c.field}><code>{c.field}</code>: <span class="before">{fmtValue(c.before)}</span> → <span class="after">{fmtValue(c.after)}</span></li>
      ))}
    </ul>
  );
}
