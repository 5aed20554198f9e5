import { useEffect, useRef, useState } from 'preact/hooks';
import { call, enc } from '../api.js';
import { fmtValue } from '../format.js';
import { ErrorBox, Notice } from '../ui.jsx';

function fileName(integration) {
  const slug = integration.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || integration.id;
  return `tiktok-connector-config-${slug}.json`;
}

export function ConfigTab({ integration }) {
  return (
    <div class="stack">
      <Export integration={integration} />
      <Import integration={integration} />
    </div>
  );
}

function Export({ integration }) {
  const [doc, setDoc] = useState(null);
  const [url, setUrl] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  async function exportConfig() {
    setBusy(true);
    setError(null);
    try {
      const { body } = await call('GET', `/v1/integrations/${enc(integration.id)}/config`);
      const text = `${JSON.stringify(body, null, 2)}\n`;
      if (url) URL.revokeObjectURL(url);
      setUrl(URL.createObjectURL(new Blob([text], { type: 'application/json' })));
      setDoc(text);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="card" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <p class="muted">Settings, mappings and rules as one JSON document (no shop identity, tokens or cursors), to import into another region's integration.</p>
      <div class="form-actions left">
        <button type="button" class="btn btn-primary" disabled={busy} onClick={exportConfig}>{busy ? 'Exporting…' : 'Export configuration'}</button>
        {url && <a class="btn" href={url} download={fileName(integration)} data-testid="download-config">Download JSON</a>}
      </div>
      <ErrorBox error={error} />
      {doc && (
        <>
          <label for="exported-config">Exported document</label>
          <textarea id="exported-config" class="mono code-area" rows={14} readOnly value={doc} />
        </>
      )}
    </section>
  );
}

function Import({ integration }) {
  const [text, setText] = useState('');
  const [preview, setPreview] = useState(null);
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState(null);
  const [busy, setBusy] = useState(false);
  const diff = useRef(null);
  // The diff appears below the document: bring it into view so the operator reviews it before applying.
  useEffect(() => {
    if (preview && diff.current) diff.current.scrollIntoView({ block: 'nearest' });
  }, [preview]);

  function parse() {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw Object.assign(new Error(`The document is not valid JSON: ${e.message}`), { fieldErrors: () => [] });
    }
  }
  async function run(dryRun) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const { body } = await call('PUT', `/v1/integrations/${enc(integration.id)}/config`, { body: parse(), query: { dryRun: dryRun ? 'true' : undefined } });
      if (dryRun) {
        setPreview(body);
      } else {
        setPreview(null);
        setText('');
        setNotice({ kind: 'ok', text: `Imported: ${body.changes.length} change${body.changes.length === 1 ? '' : 's'} applied, settings version ${body.version}.` });
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  async function readFile(e) {
    const file = e.currentTarget.files && e.currentTarget.files[0];
    if (!file) return;
    setText(await file.text());
    setPreview(null);
  }
  return (
    <section class="card" aria-labelledby="import-title">
      <h2 id="import-title">Import</h2>
      <p class="muted">Validated whole before anything is written. Preview first: you see every change before applying it.</p>
      <Notice notice={notice} />
      <label for="config-file">Configuration file</label>
      <input id="config-file" type="file" accept="application/json,.json" onChange={readFile} />
      <label for="config-text">Or paste the document</label>
      <textarea id="config-text" class="mono code-area" rows={8} value={text} spellcheck={false}
                onInput={(e) => { setText(e.currentTarget.value); setPreview(null); }} />
      <div class="form-actions left">
        <button type="button" class="btn" disabled={busy || !text.trim()} onClick={() => run(true)}>Preview import</button>
        {preview && <button type="button" class="btn btn-primary" disabled={busy} onClick={() => run(false)}>Apply import</button>}
      </div>
      <ErrorBox error={error} title="The document cannot be imported" />
      {preview && (
        <div class="diff" aria-live="polite" data-testid="import-preview" ref={diff}>
          <h3>Dry run: {preview.changes.length === 0 ? 'nothing would change' : `${preview.changes.length} change${preview.changes.length === 1 ? '' : 's'}`}</h3>
          {preview.changes.length > 0 && (
            <div class="table-wrap">
              <table class="table compact" aria-label="Changes the import would make">
                <thead><tr><th scope="col">Field</th><th scope="col">Now</th><th scope="col">After import</th></tr></thead>
                <tbody>
                  {preview.changes.map((c) => (
                    <tr key={c.field}><td class="nowrap"><code>{c.field}</code></td><td class="before wrap">{fmtValue(c.before)}</td><td class="after wrap">{fmtValue(c.after)}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.skippedLocationMappings && preview.skippedLocationMappings.length > 0 && (
            <p class="alert alert-warn">{preview.skippedLocationMappings.length} location mapping(s) name warehouses that are not this shop's and will not be copied.</p>
          )}
        </div>
      )}
    </section>
  );
}
