// The emulator's web console. Everything a function sends is shown as text (textContent), never as HTML.
'use strict';
(() => {
  const token = document.querySelector('meta[name="console-token"]').content;
  const $ = id => document.getElementById(id);
  const MAX_KEPT_REQUESTS = 200;
  const state = {
    functions: [],       // as GET /console/api/functions gives them
    selected: null,      // the function's name
    history: [],         // finished invocations, oldest first
    async: new Map(),    // asynchronous invocations by request id
    lines: new Map(),    // request id -> its log lines, as they arrived
    run: null,           // the invoke shown in Result
    traceShown: null,    // the request id whose trace is shown
    metrics: [],         // EMF metric values, oldest first
  };

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  async function api(path, options = {}) {
    const response = await fetch(path, { ...options, headers: { 'X-Console-Token': token, ...(options.headers || {}) } });
    if (!response.ok) throw new Error(`${options.method || 'GET'} ${path}: ${response.status} ${await response.text()}`);
    return response;
  }

  const ms = value => value === null || value === undefined ? '—' : `${Number(value).toFixed(2)} ms`;
  const pretty = text => { try { return JSON.stringify(JSON.parse(text), null, 2); } catch { return text; } };

  // Functions

  function renderFunctions() {
    const box = $('functions');
    box.replaceChildren();
    if (!state.functions.some(f => f.name === state.selected)) state.selected = state.functions.length ? state.functions[0].name : null;
    for (const f of state.functions) {
      const label = el('label', null, 'function');
      const radio = el('input');
      radio.type = 'radio';
      radio.name = 'function';
      radio.value = f.name;
      radio.checked = f.name === state.selected;
      radio.addEventListener('change', () => { state.selected = f.name; });
      const name = el('span', f.name, 'name');
      name.append(' ', el('span', f.state, `state state-${f.state}`));
      const also = f.aliases.length ? ` · also ${f.aliases.join(', ')}` : '';
      const details = el('span', `handler ${f.handler ?? '(none)'} · ${f.memoryMb} MB · timeout ${f.timeoutSeconds} s · ${f.architecture}${f.emulated ? ' (emulated)' : ''}${f.queued ? ` · ${f.queued} queued` : ''}${also}`, 'details');
      label.append(radio, name, details);
      box.append(label);
    }
  }

  async function loadFunctions() {
    state.functions = await (await api('/console/api/functions')).json();
    renderFunctions();
  }

  function updateFunction(view) {
    const i = state.functions.findIndex(f => f.name === view.name);
    if (i >= 0) state.functions[i] = view; else state.functions.push(view);
    renderFunctions();
  }

  async function forceColdStart() {
    const name = state.selected;
    if (!name) return;
    try {
      await api(`/console/api/functions/${encodeURIComponent(name)}/cold-start`, { method: 'POST' });
      $('cold-start-status').textContent = `${name}: the warm process is stopped; the next invoke starts cold.`;
    } catch (e) {
      $('cold-start-status').textContent = e.message;
    }
  }

  // The event editor

  function checkEvent() {
    const editor = $('event');
    const check = $('event-check');
    let ok = true;
    try { JSON.parse(editor.value); check.textContent = 'Valid JSON.'; } catch (e) { ok = false; check.textContent = `Not valid JSON: ${e.message}`; }
    editor.setAttribute('aria-invalid', String(!ok));
    check.classList.toggle('bad', !ok);
    return ok && checkClientContext();
  }

  function checkClientContext() {
    const box = $('client-context');
    const check = $('client-context-check');
    let problem = null;
    if (box.value.trim()) {
      try {
        const value = JSON.parse(box.value);
        if (value === null || typeof value !== 'object' || Array.isArray(value)) problem = 'The client context must be a JSON object.';
      } catch (e) { problem = `Not valid JSON: ${e.message}`; }
    }
    check.textContent = problem ?? '';
    check.classList.toggle('bad', problem !== null);
    box.setAttribute('aria-invalid', String(problem !== null));
    return problem === null;
  }

  function updateInvokeButton() { $('invoke').disabled = !checkEvent(); }

  function setEvent(text) {
    $('event').value = text;
    updateInvokeButton();
  }

  async function loadSamples() {
    const samples = await (await api('/console/api/samples')).json();
    const select = $('sample');
    const groups = new Map();
    for (const s of samples) {
      if (!groups.has(s.group)) groups.set(s.group, []);
      groups.get(s.group).push(s);
    }
    select.replaceChildren(el('option', 'Choose a sample…'));
    select.firstChild.value = '';
    for (const [group, items] of groups) {
      const optgroup = el('optgroup');
      optgroup.label = group;
      for (const s of items) { const o = el('option', s.name); o.value = s.id; optgroup.append(o); }
      select.append(optgroup);
    }
    const recent = el('optgroup');
    recent.id = 'recent-events';
    recent.label = 'Recent events';
    select.append(recent);
    renderRecent();
  }

  function renderRecent() {
    const recent = $('recent-events');
    if (!recent) return;
    recent.replaceChildren();
    const seen = new Set();
    for (const entry of [...state.history].reverse()) {
      if (entry.eventTruncated || seen.has(entry.event) || seen.size >= 10) continue;
      seen.add(entry.event);
      const o = el('option', `#${entry.seq} ${entry.function}: ${entry.event.slice(0, 60)}`);
      o.value = `recent:${entry.seq}`;
      recent.append(o);
    }
  }

  async function pickSample() {
    const id = $('sample').value;
    if (!id) return;
    if (id.startsWith('recent:')) {
      const entry = state.history.find(e => `recent:${e.seq}` === id);
      if (entry) setEvent(pretty(entry.event));
      return;
    }
    setEvent(await (await api(`/console/api/samples?id=${encodeURIComponent(id)}`)).text());
  }

  // Invoking

  function base64(text) {
    let binary = '';
    for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
    return btoa(binary);
  }

  function addPair(list, name, value, className) {
    list.append(el('dt', name), el('dd', value, className));
  }

  function startRun(functionName, type) {
    state.run = { function: functionName, type, requestId: null, sentAt: performance.now(), chunks: 0 };
    $('result-status').textContent = `Invoking ${functionName}…`;
    $('result-headers').replaceChildren();
    $('response').textContent = '';
    $('chunks').replaceChildren();
    $('chunks-box').hidden = true;
    $('log').replaceChildren();
    $('report').replaceChildren();
    return state.run;
  }

  async function invoke(functionName, eventText, type, clientContext) {
    if (!functionName) return;
    const run = startRun(functionName, type);
    const headers = { 'Content-Type': 'application/json', 'X-Console-Token': token };
    if (clientContext.trim()) headers['X-Amz-Client-Context'] = base64(clientContext);
    const name = encodeURIComponent(functionName);
    let url = `/2015-03-31/functions/${name}/response-streaming-invocations`;
    if (type === 'Event') {
      headers['X-Amz-Invocation-Type'] = 'Event';
      url = `/2015-03-31/functions/${name}/invocations`;
    }
    let response;
    try {
      response = await fetch(url, { method: 'POST', headers, body: eventText });
    } catch (e) {
      if (state.run === run) $('result-status').textContent = `The invoke failed: ${e.message}`;
      return;
    }
    const requestId = response.headers.get('X-Amzn-RequestId');
    if (requestId) adopt(run, requestId);
    if (state.run !== run) return;
    const list = $('result-headers');
    addPair(list, 'Status', `${response.status} ${response.statusText}`);
    const functionError = response.headers.get('X-Amz-Function-Error');
    if (functionError) addPair(list, 'X-Amz-Function-Error', functionError, 'error-text');
    const apiError = response.headers.get('X-Amzn-ErrorType');
    if (apiError) addPair(list, 'X-Amzn-ErrorType', apiError, 'error-text');
    if (requestId) addPair(list, 'X-Amzn-RequestId', requestId);
    addPair(list, 'Content-Type', response.headers.get('Content-Type') ?? '—');
    if (response.status === 202) {
      $('result-status').textContent = `Accepted (202): ${functionName} runs the event in the background; its log follows.`;
      showReport(run); // the event may have finished before its 202 arrived
      return;
    }
    $('result-status').textContent = `Receiving the response of ${functionName}…`;
    const text = await readChunks(run, response);
    if (state.run !== run) return;
    $('response').textContent = pretty(text);
    if (functionError || apiError) {
      let type = apiError ?? functionError;
      try { const body = JSON.parse(text); type = body.errorType ?? body.Type ?? type; if (body.errorMessage) type += `: ${body.errorMessage}`; } catch { /* not JSON */ }
      $('result-status').replaceChildren(el('span', `${response.status}, error: ${type}`, 'error-text'));
    } else {
      $('result-status').textContent = `${response.status}: ${functionName} answered in ${run.chunks} chunk${run.chunks === 1 ? '' : 's'}.`;
    }
    showReport(run);
  }

  // Reads the body as it arrives, listing each chunk with its time since the invoke was sent.
  async function readChunks(run, response) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const piece = decoder.decode(value, { stream: true });
      text += piece;
      if (state.run !== run) continue;
      run.chunks++;
      const item = el('li', null, 'chunk');
      item.append(el('span', `+${(performance.now() - run.sentAt).toFixed(0)} ms`, 'chunk-time'), ` · ${value.length} B · `, el('span', piece, 'chunk-text'));
      $('chunks').append(item);
      if (run.chunks > 1) $('chunks-box').hidden = false;
      $('response').textContent = text;
    }
    return text + decoder.decode();
  }

  // Log lines come over the live feed, tagged with their request id; a line before the invocation's START (a cold
  // start's init output) has none and belongs to the invoke under way.
  function onLogLine(line) {
    if (line.requestId) {
      if (!state.lines.has(line.requestId)) {
        state.lines.set(line.requestId, []);
        if (state.lines.size > MAX_KEPT_REQUESTS) state.lines.delete(state.lines.keys().next().value);
      }
      state.lines.get(line.requestId).push(line);
    }
    const run = state.run;
    if (!run || line.function !== run.function) return;
    if (!run.requestId && line.requestId && line.line.startsWith('START ')) adopt(run, line.requestId);
    else if (line.requestId ? line.requestId === run.requestId : !run.requestId) appendLog(line);
  }

  function appendLog(line) {
    const platform = /^(START|END|REPORT) RequestId: /.test(line.line);
    $('log').append(el('span', `${line.line}\n`, line.error ? 'line-error' : platform ? 'line-platform' : ''));
  }

  function adopt(run, requestId) {
    if (run.requestId === requestId) return;
    const before = run.requestId;
    run.requestId = requestId;
    if (state.run !== run) return;
    if (before) $('log').replaceChildren();
    for (const line of state.lines.get(requestId) ?? []) appendLog(line);
    showReport(run);
  }

  function showReport(run) {
    const entry = state.history.find(e => e.requestId === run.requestId);
    if (!entry || state.run !== run) return;
    const report = $('report');
    report.replaceChildren();
    addPair(report, 'Duration', ms(entry.durationMs));
    addPair(report, 'Billed duration', `${entry.billedDurationMs} ms`);
    addPair(report, 'Memory size', `${entry.memorySizeMb} MB`);
    addPair(report, 'Max memory used', entry.maxMemoryUsedMb === null ? '—' : `${entry.maxMemoryUsedMb} MB`);
    addPair(report, 'Init duration', entry.initDurationMs === null ? '— (warm start)' : `${ms(entry.initDurationMs)} (cold start)`);
    if (entry.postRuntimeExtensionsMs != null) addPair(report, 'Extensions after the runtime', `${ms(entry.postRuntimeExtensionsMs)} (in the duration)`);
    if (entry.emulatedBy) addPair(report, 'Emulated by', `${entry.emulatedBy} (timings not representative)`);
    if (entry.streamed) addPair(report, 'Streamed', `${entry.chunkTimesMs.length} reads at ${entry.chunkTimesMs.map(t => `+${t.toFixed(0)}`).join(', ')} ms from the first byte`);
    if (entry.errorType && entry.streamed) addPair(report, 'Stream error', entry.errorType, 'error-text');
    if (run.type === 'Event') $('result-status').textContent = `Event invoke of ${run.function} finished: ${entry.errorType ?? 'no error'}.`;
    showTrace(run.requestId);
  }

  // History, chart and diff

  function onInvocation(entry) {
    state.history.push(entry);
    if (state.history.length > 200) state.history.shift();
    renderHistory();
    renderChart();
    renderRecent();
    if (state.run && state.run.requestId === entry.requestId) showReport(state.run);
  }

  function renderHistory() {
    const body = $('history').tBodies[0];
    const checked = new Set(checkedSeqs());
    body.replaceChildren();
    for (const entry of [...state.history].reverse()) {
      const row = el('tr');
      const box = el('input');
      box.type = 'checkbox';
      box.id = `compare-${entry.seq}`;
      box.value = entry.seq;
      box.checked = checked.has(entry.seq);
      box.addEventListener('change', updateDiffButton);
      const label = el('label', `Compare #${entry.seq}`, 'visually-hidden');
      label.htmlFor = box.id;
      const compare = el('td');
      compare.append(box, label);
      const rerun = el('button', 'Re-run');
      rerun.type = 'button';
      rerun.setAttribute('aria-label', `Re-run #${entry.seq}`);
      rerun.disabled = entry.eventTruncated;
      rerun.addEventListener('click', () => rerunEntry(entry));
      const trace = el('button', 'Trace');
      trace.type = 'button';
      trace.setAttribute('aria-label', `Trace of #${entry.seq}`);
      trace.addEventListener('click', () => showTrace(entry.requestId));
      const actions = el('td');
      actions.append(rerun, ' ', trace);
      row.append(compare, el('td', entry.seq, 'number'), el('td', new Date(entry.at).toLocaleTimeString()), el('td', entry.function),
        el('td', entry.initDurationMs === null ? 'warm' : 'cold'), el('td', ms(entry.durationMs), 'number'),
        el('td', entry.errorType ?? 'ok', entry.errorType ? 'error-text' : ''), actions);
      body.append(row);
    }
    updateDiffButton();
  }

  function checkedSeqs() {
    return [...document.querySelectorAll('#history input[type=checkbox]:checked')].map(b => Number(b.value));
  }

  function updateDiffButton() { $('diff').disabled = checkedSeqs().length !== 2; }

  function rerunEntry(entry) {
    if (state.functions.some(f => f.name === entry.function)) { state.selected = entry.function; renderFunctions(); }
    setEvent(pretty(entry.event));
    $('client-context').value = entry.clientContext ?? '';
    $('invocation-type').value = 'RequestResponse';
    invoke(entry.function, entry.event, 'RequestResponse', entry.clientContext ?? '');
  }

  const SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function renderChart() {
    const entries = state.history.slice(-60);
    const width = Math.max(480, Math.round($('chart').clientWidth || 900)), height = 180, top = 18, bottom = 20, left = 64;
    const max = Math.max(1, ...entries.map(e => e.durationMs + (e.initDurationMs ?? 0)));
    const scale = (height - top - bottom) / max;
    const slot = Math.min(48, (width - left) / Math.max(entries.length, 1));
    const cold = entries.filter(e => e.initDurationMs !== null).length;
    const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'chart-svg-title' });
    chart.append(svg('title', { id: 'chart-svg-title' }, `Duration of the last ${entries.length} invocations, longest ${ms(max)}; ${cold} cold start${cold === 1 ? '' : 's'}, init duration stacked on top.`));
    chart.append(svg('text', { x: 4, y: top + 4, class: 'axis' }, ms(max)), svg('text', { x: 4, y: height - bottom, class: 'axis' }, '0 ms'));
    entries.forEach((e, i) => {
      const x = left + i * slot + slot * 0.15, w = slot * 0.7;
      const durationHeight = Math.max(1, e.durationMs * scale), initHeight = (e.initDurationMs ?? 0) * scale;
      const baseline = height - bottom;
      const group = svg('g', {});
      group.append(svg('title', {}, `#${e.seq} ${e.function}: ${ms(e.durationMs)}${e.initDurationMs === null ? ', warm' : `, cold start, init ${ms(e.initDurationMs)}`}`));
      group.append(svg('rect', { x, y: baseline - durationHeight, width: w, height: durationHeight, class: 'bar-duration' }));
      if (e.initDurationMs !== null) {
        group.append(svg('rect', { x, y: baseline - durationHeight - initHeight, width: w, height: initHeight, class: 'bar-init' }));
        group.append(svg('text', { x: x + w / 2, y: Math.max(12, baseline - durationHeight - initHeight - 3), 'text-anchor': 'middle', class: 'cold-mark' }, '❄'));
      }
      group.append(svg('text', { x: x + w / 2, y: height - 5, 'text-anchor': 'middle', class: 'axis' }, `#${e.seq}`));
      chart.append(group);
    });
    $('chart').replaceChildren(chart);
  }

  // Traces: the X-Ray segment of an invocation as a waterfall, one row per (sub)segment, nested by depth.

  const PHASES = ['Initialization', 'Invocation', 'Overhead'];
  const seconds = value => `${(value * 1000).toFixed(2)} ms`;

  async function showTrace(requestId) {
    if (!requestId) return;
    state.traceShown = requestId;
    let segment;
    try {
      segment = await (await api(`/console/api/traces/${encodeURIComponent(requestId)}`)).json();
    } catch {
      if (state.traceShown !== requestId) return;
      $('trace-status').textContent = `No trace of ${requestId}: it was not sampled, or it is no longer kept.`;
      $('trace').replaceChildren();
      return;
    }
    if (state.traceShown === requestId) renderTrace(segment);
  }

  function traceRows(node, depth, rows) {
    rows.push({ node, depth });
    for (const child of node.subsegments ?? []) traceRows(child, depth + 1, rows);
    return rows;
  }

  function problemOf(node) {
    const flag = node.fault ? 'fault' : node.error ? 'error' : node.throttle ? 'throttle' : null;
    if (!flag) return null;
    const exceptions = (node.cause && node.cause.exceptions) || [];
    const text = exceptions.map(e => `${e.type ?? 'Exception'}: ${e.message ?? ''}`).join('; ');
    return text ? `${flag}: ${text}` : flag;
  }

  function detailsOf(node) {
    const parts = [];
    for (const [key, value] of Object.entries(node.annotations ?? {})) parts.push(`${key} = ${JSON.stringify(value)}`);
    const http = node.http;
    if (http && http.request) parts.push(`${http.request.method ?? ''} ${http.request.url ?? ''}${http.response && http.response.status ? ` → ${http.response.status}` : ''}`.trim());
    const aws = node.namespace === 'aws' ? node.aws : null;
    if (aws && aws.operation) parts.push(`${aws.operation}${aws.table_name ? ` ${aws.table_name}` : ''}${http && http.response && http.response.status ? ` → ${http.response.status}` : ''}`);
    return parts;
  }

  function renderTrace(segment) {
    const rows = traceRows(segment, 0, []);
    const start = segment.start_time;
    const end = Math.max(...rows.map(r => r.node.end_time ?? r.node.start_time));
    const span = Math.max(end - start, 1e-6);
    const init = (segment.subsegments ?? []).find(s => s.name === 'Initialization');
    const request = segment.aws && segment.aws.request_id;
    $('trace-status').textContent = `${segment.in_progress ? 'In progress' : 'Trace'} of ${segment.name}, request ${request}: ` +
      (init ? `cold start, Initialization ${seconds(init.end_time - init.start_time)} of ${seconds(span)}.` : `warm start, ${seconds(span)}.`);
    const table = el('table');
    table.id = 'trace-table';
    table.append(el('caption', `Trace ${segment.trace_id}: each segment's start and duration, from the start of the trace.`));
    const head = el('tr');
    for (const name of ['Segment', 'Timeline', 'Duration', 'Details']) { const th = el('th', name); th.scope = 'col'; head.append(th); }
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    for (const { node, depth } of rows) {
      const kind = depth === 0 ? 'segment' : depth === 1 && PHASES.includes(node.name) ? node.name.toLowerCase() : 'own';
      const problem = problemOf(node);
      const row = el('tr', undefined, `trace-${kind}${problem ? ' trace-problem' : ''}`);
      const name = el('td', `${node.name}${node.namespace === 'remote' || node.namespace === 'aws' ? ` (${node.namespace})` : ''}`, 'trace-name');
      name.style.paddingLeft = `${0.5 + depth * 1.2}rem`;
      const from = node.start_time - start, length = (node.end_time ?? end) - node.start_time;
      const track = el('div', undefined, 'track');
      const bar = el('div', undefined, 'bar');
      bar.style.left = `${(from / span) * 100}%`;
      bar.style.width = `${(length / span) * 100}%`;
      track.append(bar);
      track.setAttribute('aria-hidden', 'true');
      const timeline = el('td', undefined, 'trace-timeline');
      timeline.append(track, el('span', `from +${seconds(from)}`, 'visually-hidden'));
      const details = el('td');
      for (const text of detailsOf(node)) details.append(el('div', text));
      if (problem) details.append(el('div', problem, 'error-text'));
      row.append(name, timeline, el('td', node.end_time === undefined ? 'in progress' : seconds(length), 'number'), details);
      body.append(row);
    }
    table.append(thead, body);
    $('trace').replaceChildren(table);
  }

  // Metrics: the EMF values the functions printed, a chart per metric over the run.

  function onMetric(point) {
    state.metrics.push(point);
    if (state.metrics.length > 5000) state.metrics.shift();
    renderMetrics();
  }

  function renderMetrics() {
    const byMetric = new Map();
    for (const p of state.metrics) {
      const key = `${p.namespace} / ${p.name}`;
      if (!byMetric.has(key)) byMetric.set(key, []);
      byMetric.get(key).push(p);
    }
    $('metrics-status').textContent = byMetric.size ? `${state.metrics.length} values of ${byMetric.size} metrics.` : 'No metrics yet: a function\'s Embedded Metric Format lines show here, a chart per metric.';
    const first = Math.min(...state.metrics.map(p => p.at)), last = Math.max(...state.metrics.map(p => p.at));
    const figures = [];
    let n = 0;
    for (const [key, points] of byMetric) {
      const width = 400, height = 120, pad = 14;
      const max = Math.max(...points.map(p => p.value), 0), min = Math.min(...points.map(p => p.value), 0);
      const x = p => pad + (last > first ? (p.at - first) / (last - first) : 0.5) * (width - 2 * pad);
      const y = p => height - pad - (max > min ? (p.value - min) / (max - min) : 0.5) * (height - 2 * pad);
      const unit = points[0].unit ?? 'None';
      const sum = points.reduce((total, p) => total + p.value, 0);
      const figure = el('figure');
      const id = `metric-caption-${n++}`;
      const caption = el('figcaption', `${key} (${unit}): ${points.length} values, last ${points[points.length - 1].value}, sum ${+sum.toFixed(6)}, max ${max}`);
      caption.id = id;
      const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': id });
      chart.append(svg('polyline', { points: points.map(p => `${x(p)},${y(p)}`).join(' '), class: 'metric-line' }));
      for (const p of points) {
        const dot = svg('circle', { cx: x(p), cy: y(p), r: 3, class: 'metric-point' });
        dot.append(svg('title', {}, `${p.value} ${unit} at ${new Date(p.at).toLocaleTimeString()} (${p.function})`));
        chart.append(dot);
      }
      figure.append(caption, chart);
      figures.push(figure);
    }
    $('metrics').replaceChildren(...figures);
  }

  async function loadMetrics() {
    state.metrics = await (await api('/console/api/metrics')).json();
    renderMetrics();
  }

  // A line diff (longest common subsequence) of two texts: [kind, line] with kind ' ', '-' or '+'.
  function diffLines(a, b) {
    const x = a.split('\n'), y = b.split('\n');
    if (x.length * y.length > 4e6) return [['-', `(too large to diff: ${x.length} and ${y.length} lines)`]];
    const n = x.length, m = y.length, w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i * w + j] = x[i] === y[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    const out = [];
    let i = 0, j = 0;
    while (i < n && j < m) {
      if (x[i] === y[j]) { out.push([' ', x[i]]); i++; j++; }
      else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) out.push(['-', x[i++]]);
      else out.push(['+', y[j++]]);
    }
    while (i < n) out.push(['-', x[i++]]);
    while (j < m) out.push(['+', y[j++]]);
    return out;
  }

  function showDiff() {
    const [first, second] = checkedSeqs().sort((p, q) => p - q).map(seq => state.history.find(e => e.seq === seq));
    if (!first || !second) return;
    const out = $('diff-output');
    out.replaceChildren();
    const head = text => out.append(el('span', `${text}\n`, 'diff-head'));
    const figures = e => `${e.function}, ${e.initDurationMs === null ? 'warm' : 'cold'}, ${ms(e.durationMs)}, ${e.errorType ?? 'ok'}`;
    head(`--- #${first.seq} (${figures(first)})`);
    head(`+++ #${second.seq} (${figures(second)})`);
    for (const [title, a, b] of [['event', first.event, second.event], ['response', first.response, second.response]]) {
      head(`@@ ${title} @@`);
      for (const [kind, line] of diffLines(pretty(a), pretty(b)))
        out.append(el('span', `${kind} ${line}\n`, kind === '+' ? 'diff-add' : kind === '-' ? 'diff-del' : ''));
    }
    $('diff-title').textContent = `Diff of #${first.seq} and #${second.seq}`;
    $('diff-box').hidden = false;
  }

  // The live feed

  function connect() {
    const feed = new EventSource(`/console/api/live?token=${encodeURIComponent(token)}`);
    feed.addEventListener('open', async () => {
      $('feed-status').textContent = 'Connected: loading…';
      try {
        await Promise.all([loadFunctions(), loadHistory(), loadAsync(), loadMetrics()]);
        $('feed-status').textContent = 'Live.';
      } catch (e) {
        $('feed-status').textContent = e.message;
      }
    });
    feed.addEventListener('error', () => { $('feed-status').textContent = 'Disconnected from the emulator: reconnecting…'; });
    feed.addEventListener('log', e => onLogLine(JSON.parse(e.data)));
    feed.addEventListener('invocation', e => {
      const entry = JSON.parse(e.data);
      if (!state.history.some(h => h.seq === entry.seq)) onInvocation(entry);
    });
    feed.addEventListener('state', e => updateFunction(JSON.parse(e.data)));
    feed.addEventListener('async', e => onAsync(JSON.parse(e.data)));
    feed.addEventListener('metric', e => onMetric(JSON.parse(e.data)));
    feed.addEventListener('trace', e => {
      const ready = JSON.parse(e.data);
      if (ready.requestId === state.traceShown || (state.run && state.run.requestId === ready.requestId)) showTrace(ready.requestId);
    });
    feed.addEventListener('dropped', e => { $('feed-status').textContent = `Live (this page fell behind and missed ${e.data} updates).`; });
  }

  // Asynchronous invocations, by request id: each attempt and where it ended.

  function onAsync(view) {
    state.async.set(view.requestId, view);
    const body = $('async').tBodies[0];
    body.replaceChildren();
    for (const v of [...state.async.values()].sort((p, q) => q.receivedAt.localeCompare(p.receivedAt))) {
      const attempts = v.attempts.map((error, i) => `${i + 1}: ${error ?? 'ok'}`).join(', ');
      const ended = v.condition === 'Pending' ? 'pending' : v.condition;
      const row = el('tr');
      row.append(el('td', v.function), el('td', v.requestId), el('td', attempts || 'queued'),
        el('td', ended, v.condition === 'Success' || v.condition === 'Pending' ? '' : 'error-text'), el('td', v.sentTo.join(', ') || '—'));
      body.append(row);
    }
  }

  async function loadAsync() {
    for (const view of await (await api('/console/api/async')).json()) onAsync(view);
  }

  async function loadHistory() {
    // Invocations that came over the feed while the history was on its way stay.
    const fresh = await (await api('/console/api/history')).json();
    const last = fresh.length ? fresh[fresh.length - 1].seq : 0;
    state.history = fresh.concat(state.history.filter(e => e.seq > last));
    renderHistory();
    renderChart();
    renderRecent();
  }

  function invokeFromEditor() {
    if (!checkEvent()) { $('event').focus(); return; }
    invoke(state.selected, $('event').value, $('invocation-type').value, $('client-context').value);
  }

  $('event').addEventListener('input', updateInvokeButton);
  $('client-context').addEventListener('input', updateInvokeButton);
  $('event').addEventListener('keydown', e => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); invokeFromEditor(); } });
  $('format').addEventListener('click', () => { if (checkEvent()) setEvent(pretty($('event').value)); });
  $('sample').addEventListener('change', () => pickSample().catch(e => { $('event-check').textContent = e.message; }));
  $('invoke').addEventListener('click', invokeFromEditor);
  $('cold-start').addEventListener('click', forceColdStart);
  $('diff').addEventListener('click', showDiff);
  window.addEventListener('resize', renderChart);
  updateInvokeButton();
  renderChart();
  loadSamples().catch(e => { $('event-check').textContent = e.message; });
  connect();
})();
