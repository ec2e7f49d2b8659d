(function () {
  'use strict';
  var timing = [];
  function lap(what) { timing.push(what + ' ' + Math.round(performance.now())); }
  lap('start');
  var data = JSON.parse(document.getElementById('report-data').textContent);
  // rows come compact: [id, id - previousEventId, ms, type index, state index or -1, lane, details]
  data.events.forEach(function (e) {
    e[1] = e[0] - e[1];
    e[3] = data.types[e[3]];
    e[4] = e[4] < 0 ? null : data.names[e[4]];
  });
  lap('parsed');
  var execution = data.execution;
  var lanes = {};
  data.lanes.forEach(function (l) {
    lanes[l[0]] = { index: l[0], parent: l[1], kind: l[2], label: l[3], start: l[4], end: l[5], status: l[6] };
  });
  var CHUNK = 200;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function seconds(ms) {
    if (ms < 1000) { return ms + ' ms'; }
    if (ms < 120000) { return (ms / 1000).toFixed(ms < 10000 ? 3 : 1) + ' s'; }
    return (ms / 60000).toFixed(1) + ' min';
  }
  function pretty(text) {
    if (typeof text !== 'string') { return JSON.stringify(text, null, 2); }
    try { return JSON.stringify(JSON.parse(text), null, 2); } catch (e) { return text; }
  }
  function expand(value) {
    // payloads are JSON text in AWS's events: show them as JSON
    if (typeof value === 'string') {
      var t = value.trim();
      if (t.charAt(0) === '{' || t.charAt(0) === '[' || t.charAt(0) === '"') {
        try { return JSON.parse(t); } catch (e) { return value; }
      }
      return value;
    }
    if (value && typeof value === 'object') {
      // a payload's key "__proto__" is a key like any other (it would set a plain object's prototype)
      var out = Array.isArray(value) ? [] : Object.create(null);
      Object.keys(value).forEach(function (k) { out[k] = expand(value[k]); });
      return out;
    }
    return value;
  }

  // header and result
  var meta = document.getElementById('meta');
  var total = 0;
  if (execution.stopDate && execution.origin) {
    total = Math.max(0, Date.parse(execution.stopDate) - Date.parse(execution.origin));
  }
  [['started', execution.startDate], ['stopped', execution.stopDate], ['duration', seconds(total)],
   ['events', String(execution.events)], ['clock', execution.clock], ['execution', execution.executionArn]]
    .forEach(function (p) { if (p[1]) { meta.appendChild(el('span', null, p[0] + ': ' + p[1])); } });
  var result = document.getElementById('result');
  if (execution.status === 'SUCCEEDED') {
    result.appendChild(el('h2', null, 'Output'));
    result.appendChild(el('pre', 'output', pretty(execution.output)));
  } else {
    result.appendChild(el('h2', null, execution.status));
    result.appendChild(el('div', 'error', execution.error || '(no error name)'));
    result.appendChild(el('pre', 'cause', execution.cause ? pretty(execution.cause) : '(no cause)'));
  }
  result.appendChild(el('h2', null, 'Input'));
  result.appendChild(el('pre', 'input', pretty(execution.input)));

  // timeline
  document.getElementById('clock').textContent = execution.clock;
  data.spans.forEach(function (s) { total = Math.max(total, s[4]); });
  data.summaries.forEach(function (s) { total = Math.max(total, s.end); });
  total = Math.max(total, 1);
  var box = document.getElementById('lanes');
  function count(n) { return Number(n).toLocaleString('en-US'); }
  if (data.summaries.length || data.hiddenEvents) {
    // a large run: say what is not shown one by one
    var note = el('p', 'summarised');
    note.id = 'summarised';
    var parts = data.summaries.map(function (s) {
      return count(s.count) + ' of ' + count(s.iterations) + ' iterations of ' + s.map + ' summarised';
    });
    note.textContent = 'Large run: ' + parts.join('; ') + (parts.length ? '; ' : '') + count(data.hiddenEvents) +
      ' of ' + count(execution.events) + ' events not listed (those of the summarised iterations). ' +
      'The first ' + data.keep + ' iterations of each Map visit and its failed ones are shown in full.';
    box.parentNode.insertBefore(note, box);
  }
  var axis = el('div', 'axis');
  for (var q = 0; q <= 4; q++) { axis.appendChild(el('span', null, seconds(Math.round(total * q / 4)))); }
  box.appendChild(axis);
  var tracks = {};
  var order = Object.keys(lanes).map(Number).sort(function (a, b) { return a - b; });
  // children right under their parent
  var children = {};
  order.forEach(function (i) { var p = lanes[i].parent; (children[p] = children[p] || []).push(i); });
  var summariesOf = {};
  data.summaries.forEach(function (s) { (summariesOf[s.lane] = summariesOf[s.lane] || []).push(s); });
  function pct(ms) { return (100 * ms / total) + '%'; }
  function addLane(i, depth) {
    var lane = lanes[i];
    var row = el('div', 'lane kind-' + lane.kind + ' status-' + lane.status);
    row.dataset.lane = i;
    var name = el('div', 'name', lane.label);
    name.style.paddingLeft = (8 + depth * 12) + 'px';
    name.title = lane.label + (lane.status !== 'ok' ? ' (' + lane.status + ')' : '');
    row.appendChild(name);
    var track = el('div', 'track');
    row.appendChild(track);
    box.appendChild(row);
    tracks[i] = track;
    (children[i] || []).forEach(function (c) { addLane(c, depth + 1); });
    (summariesOf[i] || []).forEach(function (s) {
      var srow = el('div', 'lane summary');
      var sname = el('div', 'name', s.map + ': ' + count(s.count) + ' more iterations');
      sname.style.paddingLeft = (20 + depth * 12) + 'px';
      srow.appendChild(sname);
      var strack = el('div', 'track', count(s.succeeded) + ' succeeded, ' + count(s.failed) + ' failed, ' + count(s.aborted) +
        ' aborted; each ' + seconds(s.minMs) + ' to ' + seconds(s.maxMs) + ' (mean ' + seconds(s.avgMs) + ')');
      srow.appendChild(strack);
      box.appendChild(srow);
    });
  }
  (children[-1] || []).forEach(function (i) { addLane(i, 0); });
  var MAX_SPANS = 6000;
  var drawn = 0;
  data.spans.forEach(function (s) {
    var track = tracks[s[0]];
    if (!track || drawn >= MAX_SPANS) { return; }
    drawn++;
    var span = el('div', 'span type-' + s[2] + ' status-' + s[5]);
    span.style.left = pct(s[3]);
    span.style.width = 'calc(' + pct(Math.max(0, s[4] - s[3])) + ' + 2px)';
    span.title = s[1] + ' (' + s[2] + '): ' + seconds(s[4] - s[3]) + (s[5] !== 'ok' ? ', ' + s[5] : '');
    span.dataset.state = s[1];
    span.addEventListener('click', function () { filterState(s[1]); });
    track.appendChild(span);
  });
  data.marks.forEach(function (m) {
    var track = tracks[m[0]];
    if (!track) { return; }
    var mark = el('div', 'mark ' + m[2]);
    mark.style.left = pct(m[1]);
    mark.title = m[3] + ' at ' + seconds(m[1]);
    track.appendChild(mark);
  });
  var legend = el('div', 'legend');
  legend.innerHTML = '<i style="background:#4f7fd1"></i>Task<i style="background:#b49be8"></i>Wait' +
    '<i style="background:#dc2626"></i>failed<i style="background:#f59e0b"></i>aborted' +
    '<i style="background:#b00020;width:2px"></i>task failure' +
    '<i style="background:#111;width:2px"></i>retry (the gap before it is the back-off)';
  if (drawn < data.spans.length) {
    legend.appendChild(el('span', null, '; ' + (data.spans.length - drawn) + ' more spans not drawn'));
  }
  box.appendChild(legend);

  lap('timeline');
  // events table
  var typeFilter = document.getElementById('type-filter');
  var stateFilter = document.getElementById('state-filter');
  // sets, not objects: a state may be named "__proto__" or "constructor"
  var types = new Set(), states = new Set();
  data.events.forEach(function (e) { types.add(e[3]); if (e[4]) { states.add(e[4]); } });
  Array.from(types).sort().forEach(function (t) { var o = el('option', null, t); o.value = t; typeFilter.appendChild(o); });
  Array.from(states).sort().forEach(function (t) { var o = el('option', null, t); o.value = t; stateFilter.appendChild(o); });
  var tbody = document.querySelector('#event-table tbody');
  var more = document.getElementById('more');
  var rows = [], shown = 0;
  function summary(e) {
    var d = e[6], key, v;
    for (key in d) {
      if (key === 'error' || key === 'cause') { return (d.error || '') + (d.cause ? ': ' + d.cause : ''); }
    }
    v = d.output !== undefined ? d.output : d.input !== undefined ? d.input : d.parameters;
    if (v !== undefined) { return String(v).slice(0, 200); }
    return Object.keys(d).length ? JSON.stringify(d).slice(0, 200) : '';
  }
  function row(e) {
    var tr = el('tr', 'event' + (/Failed|TimedOut|Aborted/.test(e[3]) ? ' failure' : ''));
    tr.dataset.id = e[0];
    tr.dataset.type = e[3];
    tr.dataset.state = e[4] || '';
    tr.appendChild(el('td', null, String(e[0])));
    tr.appendChild(el('td', null, '+' + seconds(e[2])));
    tr.appendChild(el('td', 'type', e[3]));
    tr.appendChild(el('td', 'state', e[4] || ''));
    tr.appendChild(el('td', 'lane', lanes[e[5]] ? lanes[e[5]].label : ''));
    tr.appendChild(el('td', 'summary', summary(e)));
    tr.addEventListener('click', function () {
      var next = tr.nextSibling;
      if (next && next.classList && next.classList.contains('details')) { next.remove(); tr.classList.remove('open'); return; }
      var dt = el('tr', 'details');
      var td = el('td');
      td.colSpan = 6;
      var shownDetails = { id: e[0], previousEventId: e[1], type: e[3], timestamp: '+' + seconds(e[2]) };
      shownDetails.details = expand(e[6]);
      td.appendChild(el('pre', null, JSON.stringify(shownDetails, null, 2)));
      dt.appendChild(td);
      tr.parentNode.insertBefore(dt, tr.nextSibling);
      tr.classList.add('open');
    });
    return tr;
  }
  function showMore() {
    var end = Math.min(rows.length, shown + CHUNK);
    var frag = document.createDocumentFragment();
    for (var i = shown; i < end; i++) { frag.appendChild(row(rows[i])); }
    tbody.appendChild(frag);
    shown = end;
    more.textContent = shown < rows.length ? 'showing ' + shown + ' of ' + rows.length + ' events; scroll for more' : '';
    if (shown >= rows.length && data.hiddenEvents > 0 && !typeFilter.value && !stateFilter.value) {
      var note = el('tr', 'note');
      var td = el('td', null, count(data.hiddenEvents) + ' events of summarised Map iterations are not listed (see the timeline)');
      td.colSpan = 6;
      note.appendChild(td);
      tbody.appendChild(note);
    }
  }
  function render() {
    var t = typeFilter.value, s = stateFilter.value;
    rows = data.events.filter(function (e) { return (!t || e[3] === t) && (!s || e[4] === s); });
    tbody.textContent = '';
    shown = 0;
    showMore();
    document.getElementById('event-count').textContent = rows.length + ' of ' + data.events.length + ' events';
    document.querySelectorAll('.sfn-graph .node.selected').forEach(function (n) { n.classList.remove('selected'); });
    if (s) {
      document.querySelectorAll('.sfn-graph .node[data-state]').forEach(function (n) {
        if (n.getAttribute('data-state') === s) { n.classList.add('selected'); }
      });
    }
  }
  function filterState(name) {
    if (!states.has(name)) {
      var o = el('option', null, name); o.value = name; stateFilter.appendChild(o); states.add(name);
    }
    stateFilter.value = stateFilter.value === name ? '' : name;
    render();
    document.getElementById('events').scrollIntoView();
  }
  typeFilter.addEventListener('change', render);
  stateFilter.addEventListener('change', render);
  document.querySelectorAll('.sfn-graph .node[data-state]').forEach(function (n) {
    n.addEventListener('click', function (ev) { ev.stopPropagation(); filterState(n.getAttribute('data-state')); });
  });
  if ('IntersectionObserver' in window) {
    new IntersectionObserver(function (entries) {
      if (entries.some(function (x) { return x.isIntersecting; }) && shown < rows.length) { showMore(); }
    }).observe(more);
  }
  more.addEventListener('click', function () { if (shown < rows.length) { showMore(); } });
  render();
  lap('table');
  window.scrollTo(0, 0);
  document.body.dataset.timing = timing.join(', ');
  document.body.dataset.ready = 'true';
}());
