/* phodex report: draws a run's data (embedded as JSON by org.phodex.report.RunReport) with Apache ECharts. */
(function () {
  'use strict';
  var stages = [['start', performance.now()]];
  /** Milliseconds since navigation start at each stage (the benchmark prints them). */
  function mark(name) { stages.push([name, performance.now()]); }
  var D = JSON.parse(document.getElementById('phodex-data').textContent);
  var N = D.n;
  var M = D.manifest || {};
  var V = D.verdict;
  var Q = D.quality;
  var IS_ACC = Q === 'accuracy';
  var state = { finished: {}, shownRow: -1 };
  var charts = {};
  var expected = 0;
  /** Notes when a chart has rendered (progressive rendering included) and when all of them have. */
  function track(name, chart) {
    charts[name] = chart;
    expected++;
    chart.on('finished', function () {
      if (!state.finished[name]) {
        state.finished[name] = performance.now();
        mark(name + ' rendered');
        if (Object.keys(state.finished).length === expected) { state.finishedMs = performance.now(); }
      }
    });
    return chart;
  }

  mark('data parsed');
  // ---------- data access ----------
  function has(name) { return Object.prototype.hasOwnProperty.call(D.cols, name); }
  function text(name, i) {
    var c = D.cols[name];
    if (!c) { return ''; }
    if (Array.isArray(c)) { return c[i] == null ? '' : String(c[i]); }
    return c.dict[c.idx[i]];
  }
  function num(name, i) {
    var c = D.cols[name];
    if (!c) { return NaN; }
    if (Array.isArray(c)) { return c[i] == null ? NaN : c[i]; }
    var s = c.dict[c.idx[i]];
    return s === '' ? NaN : Number(s);
  }
  function onFront(i) { return D.front[i] === 1; }
  function feasible(i) { return num('feasible', i) === 1; }
  function energy(i) { return num('energy_j', i); }
  function quality(i) { var v = num(Q, i); return IS_ACC ? 100 * v : v; }
  var HAS_CI = IS_ACC && has('accuracy_ci95_low') && has('accuracy_ci95_high');

  // ---------- formatting ----------
  var PREFIX = ['f', 'p', 'n', '\u00b5', 'm', '', 'k', 'M', 'G', 'T'];
  function si(v, unit) {
    if (v == null || !isFinite(v)) { return '\u2013'; }
    if (v === 0) { return '0 ' + unit; }
    var e = Math.floor(Math.log10(Math.abs(v)) / 3);
    e = Math.max(-5, Math.min(4, e));
    return (v / Math.pow(10, 3 * e)).toPrecision(3) + ' ' + PREFIX[e + 5] + unit;
  }
  function pct(v, digits) { return isFinite(v) ? v.toFixed(digits == null ? 2 : digits) + ' %' : '\u2013'; }
  function qtext(i) {
    if (!IS_ACC) { return (isFinite(quality(i)) ? quality(i).toPrecision(4) : '\u2013') + ' relative error'; }
    var s = pct(quality(i));
    if (HAS_CI && isFinite(num('accuracy_ci95_low', i))) {
      s += ' [' + (100 * num('accuracy_ci95_low', i)).toFixed(2) + ', '
        + (100 * num('accuracy_ci95_high', i)).toFixed(2) + '] 95% CI';
    } else if (isFinite(num('accuracy_std', i)) && num('accuracy_std', i) > 0) {
      s += ' \u00b1 ' + (100 * num('accuracy_std', i)).toFixed(2) + ' over chips';
    }
    return s;
  }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function shortValue(s) {
    var v = Number(s);
    if (s !== '' && isFinite(v) && !/^-?\d+$/.test(s)) { return String(Number(v.toPrecision(4))); }
    return s;
  }
  function ratioText(r) {
    if (!isFinite(r) || r <= 0) { return '\u2013'; }
    return r >= 1 ? r.toPrecision(3) + 'x less energy' : (1 / r).toPrecision(3) + 'x more energy';
  }

  // ---------- what varies ----------
  var families = [];
  for (var i = 0; i < N; i++) {
    var a = text('architecture', i);
    if (families.indexOf(a) < 0) { families.push(a); }
  }
  var varied = D.params.filter(function (p) {
    var seen = {}, count = 0;
    for (var r = 0; r < N; r++) {
      var s = text(p, r);
      if (s !== '' && !seen[s]) { seen[s] = true; count++; if (count > 1) { return true; } }
    }
    return false;
  });
  function keyParams(i) {
    var out = [];
    varied.forEach(function (p) { var s = text(p, i); if (s !== '') { out.push(p + '=' + shortValue(s)); } });
    return out;
  }

  // ---------- baselines and reference ----------
  function baselines() {
    var list = [];
    function add(b) {
      if (b && isFinite(Number(b.energy_j)) && Number(b.energy_j) > 0) {
        list.push({ name: b.name || 'baseline', kind: b.kind || '', energy: Number(b.energy_j) });
      }
    }
    if (V && Array.isArray(V.baselines)) { V.baselines.forEach(add); }
    else if (Array.isArray(M.baselines)) { M.baselines.forEach(add); }
    else { add(M.baseline); add(M.baseline_batch1); }
    return list;
  }
  var BASE = baselines();
  var floatAcc = Number(M.reference_accuracy != null ? M.reference_accuracy : (V ? V.float_accuracy : NaN));
  if (isFinite(floatAcc) && floatAcc > 1) { floatAcc = floatAcc / 100; }

  // ---------- header ----------
  (function header() {
    var wl = M.workload || (D.evaluate && D.evaluate.workload) || '';
    document.getElementById('title').textContent = 'phodex ' + D.kind + ' report: ' + D.run;
    var infeasible = 0, front = 0;
    for (var r = 0; r < N; r++) { if (!feasible(r)) { infeasible++; } if (onFront(r)) { front++; } }
    document.getElementById('subtitle').textContent = [wl && ('workload ' + wl), N + ' designs',
      front + ' on the Pareto front (' + D.front_source + ')', infeasible + ' infeasible',
      M.seed != null ? 'seed ' + M.seed : '', M.status ? 'status ' + M.status : ''].filter(Boolean).join(' \u00b7 ');
    document.getElementById('quality-name').textContent = IS_ACC ? 'top-1 accuracy' : 'relative output error';
  })();

  // ---------- verdict ----------
  (function verdict() {
    var el = document.getElementById('verdict');
    if (!V) {
      el.innerHTML = '<h2>Verdict</h2><p class="muted" id="no-verdict">no verdict yet: this run folder has no '
        + 'verdict.json.</p>';
      return;
    }
    var h = '<h2>Verdict</h2>';
    // accuracies arrive as fractions (0.975) or as percentages (97.5)
    function percentOf(x) {
      var v = Number(x);
      return isFinite(v) ? (v <= 1 ? 100 * v : v) : NaN;
    }
    var faPct = percentOf(V.float_accuracy);
    var best = V.best || {};
    var ci = best.accuracy_ci95;
    var ciText = '';
    if (ci != null) {
      var lo = Array.isArray(ci) ? ci[0] : (ci.low != null ? ci.low : ci.lower);
      var hi = Array.isArray(ci) ? ci[1] : (ci.high != null ? ci.high : ci.upper);
      if (isFinite(Number(lo)) && isFinite(Number(hi))) {
        var scale = Number(hi) <= 1 ? 100 : 1;
        ciText = ' [' + (scale * lo).toFixed(2) + ', ' + (scale * hi).toFixed(2) + '] 95% CI';
      }
    }
    h += '<p class="verdict-main">Workload <b>' + esc(V.workload || '') + '</b>, float accuracy <b>'
      + pct(faPct) + '</b>, tolerance ' + esc(V.tolerance != null ? V.tolerance : '?') + ' points.<br>';
    function designText(d) {
      return '<b>' + esc(d.architecture) + '</b>, <b>' + si(Number(d.energy_j), 'J') + '</b> per inference, accuracy <b>'
        + pct(percentOf(d.accuracy)) + '</b>';
    }
    if (best.architecture) {
      h += 'Lowest-energy photonic design within the tolerance: ' + designText(best) + esc(ciText) + '.';
    } else {
      h += '<span class="no" id="no-photonic">No photonic design is within the tolerance of float at the 95% '
        + 'level.</span>';
      if (V.closest && V.closest.architecture) {
        h += ' Closest: ' + designText(V.closest) + '.';
      }
    }
    if (V.digital_best && V.digital_best.architecture) {
      h += '<br>Lowest-energy digital design within the tolerance: ' + designText(V.digital_best) + '.';
    }
    h += '</p>';
    if (Array.isArray(V.baselines) && V.baselines.length) {
      h += '<table><tr><th>baseline</th><th>kind</th><th>energy</th><th>ratio</th><th>100x reached</th></tr>';
      V.baselines.forEach(function (b) {
        h += '<tr><td>' + esc(b.name || '') + '</td><td>' + esc(b.kind || '') + '</td><td class="num">'
          + si(Number(b.energy_j), 'J') + '</td><td class="num">' + esc(ratioText(Number(b.ratio)))
          + '</td><td class="' + (b.reaches_100x ? 'yes">yes' : 'no">no') + '</td></tr>';
      });
      h += '</table>';
    }
    var m = V.more_accurate_than_float;
    if (m) {
      h += '<p>More accurate than float: ' + (m.claimed ? '<span class="yes">yes</span>'
        : '<span class="no">no</span> (within noise of float)')
        + (m.p_value != null ? ', p = ' + esc(Number(m.p_value).toPrecision(3)) : '') + '</p>';
    }
    if (V.dominant_component) {
      var dc = V.dominant_component;
      h += '<p>Dominant energy component: <b>' + esc(typeof dc === 'object' ? dc.name : dc) + '</b>'
        + (typeof dc === 'object' && isFinite(Number(dc.share)) ? ' (' + (100 * dc.share).toFixed(0) + ' %)' : '')
        + '</p>';
    }
    if (best.design) {
      var d = best.design;
      var dt = typeof d === 'object' ? Object.keys(d).map(function (k) { return k + '=' + d[k]; }).join(' ') : d;
      h += '<details><summary>best design</summary><pre class="command">' + esc(dt) + '</pre></details>';
    }
    if (V.assumptions != null) {
      var as = V.assumptions;
      var items = Array.isArray(as) ? as : (typeof as === 'object' ? Object.keys(as).map(function (k) {
        return k + ': ' + (typeof as[k] === 'object' ? JSON.stringify(as[k]) : as[k]);
      }) : [as]);
      h += '<details><summary>assumptions (' + items.length + ')</summary><ul>' + items.map(function (x) {
        return '<li>' + esc(typeof x === 'object' ? JSON.stringify(x) : x) + '</li>';
      }).join('') + '</ul></details>';
    }
    el.innerHTML = h;
  })();

  mark('header and verdict');
  // ---------- Pareto plot ----------
  var pareto = track('pareto', echarts.init(document.getElementById('pareto')));
  var seriesRows = {};
  var rowPlace = {};
  function point(i) { return [energy(i), quality(i)]; }
  function plottable(i) { return energy(i) > 0 && isFinite(energy(i)) && isFinite(quality(i)); }
  var series = [];
  var frontRows = [];
  var unplotted = 0;
  families.forEach(function (f) {
    var all = [], allRows = [], fr = [], frRows = [];
    for (var r = 0; r < N; r++) {
      if (text('architecture', r) !== f || !feasible(r) && !onFront(r)) { continue; }
      if (!plottable(r)) { unplotted++; continue; }
      if (onFront(r)) { fr.push(point(r)); frRows.push(r); } else { all.push(point(r)); allRows.push(r); }
    }
    seriesRows['all-' + f] = allRows;
    seriesRows['front-' + f] = frRows;
    frRows.forEach(function (r, k) { rowPlace[r] = ['front-' + f, k]; });
    allRows.forEach(function (r, k) { rowPlace[r] = ['all-' + f, k]; });
    frontRows = frontRows.concat(frRows);
    series.push({ id: 'all-' + f, name: f, type: 'scatter', data: all, symbolSize: 5,
      itemStyle: { opacity: 0.5 }, large: all.length > 2000, largeThreshold: 2000 });
    series.push({ id: 'front-' + f, name: f, type: 'scatter', data: fr, symbolSize: 10, z: 5,
      itemStyle: { borderColor: '#111', borderWidth: 1.2 }, large: fr.length > 500, largeThreshold: 500 });
  });
  var inf = [], infRows = [];
  for (var r2 = 0; r2 < N; r2++) {
    if (feasible(r2) || onFront(r2)) { continue; }
    if (plottable(r2)) { inf.push(point(r2)); infRows.push(r2); } else { unplotted++; }
  }
  infRows.forEach(function (r, k) { rowPlace[r] = ['infeasible', k]; });
  seriesRows.infeasible = infRows;
  series.push({ id: 'infeasible', name: 'infeasible', type: 'scatter', data: inf, symbol: 'triangle', symbolSize: 6,
    itemStyle: { color: '#9aa0a6', opacity: 0.5 }, large: inf.length > 2000, largeThreshold: 2000 });
  var line = frontRows.slice().sort(function (x, y) { return energy(x) - energy(y); }).map(point);
  series.push({ id: 'frontline', name: 'Pareto front', type: 'line', step: IS_ACC ? 'end' : 'start', data: line,
    showSymbol: false, silent: true, z: 4, lineStyle: { color: '#222', width: 1.2, type: 'dashed' },
    itemStyle: { color: '#222' } });
  if (HAS_CI) {
    var ci = frontRows.filter(function (r) { return isFinite(num('accuracy_ci95_low', r)); }).map(function (r) {
      return [energy(r), 100 * num('accuracy_ci95_low', r), 100 * num('accuracy_ci95_high', r)];
    });
    series.push({ id: 'ci', name: '95% interval', type: 'custom', data: ci, silent: true, z: 4,
      encode: { x: 0, y: [1, 2] }, itemStyle: { color: '#222' },
      renderItem: function (params, api) {
        var lo = api.coord([api.value(0), api.value(1)]);
        var hi = api.coord([api.value(0), api.value(2)]);
        var st = { stroke: '#222', lineWidth: 1 };
        return { type: 'group', children: [
          { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: st },
          { type: 'line', shape: { x1: lo[0] - 3, y1: lo[1], x2: lo[0] + 3, y2: lo[1] }, style: st },
          { type: 'line', shape: { x1: hi[0] - 3, y1: hi[1], x2: hi[0] + 3, y2: hi[1] }, style: st }] };
      } });
  }
  // reference lines: each baseline, 10x and 100x below the lowest one, float accuracy
  var marks = [];
  var lineEnergies = [];
  BASE.forEach(function (b) {
    marks.push({ xAxis: b.energy, lineStyle: { color: '#b3261e', type: 'solid', width: 1.5 },
      label: { formatter: b.name, position: 'insideEndTop', color: '#b3261e', fontSize: 10 } });
    lineEnergies.push(b.energy);
  });
  if (BASE.length) {
    var lowest = BASE.reduce(function (x, y) { return x.energy <= y.energy ? x : y; });
    [10, 100].forEach(function (k) {
      marks.push({ xAxis: lowest.energy / k, lineStyle: { color: '#b3261e', type: 'dashed', width: 1 },
        label: { formatter: k + 'x less than ' + lowest.name, position: 'insideEndTop', color: '#b3261e',
          fontSize: 10 } });
      lineEnergies.push(lowest.energy / k);
    });
  }
  if (IS_ACC && isFinite(floatAcc)) {
    marks.push({ yAxis: 100 * floatAcc, lineStyle: { color: '#1b5e20', type: 'dotted', width: 1.5 },
      label: { formatter: 'float ' + (100 * floatAcc).toFixed(2) + ' %', position: 'insideStartTop',
        color: '#1b5e20', fontSize: 10 } });
  }
  series.push({ id: 'references', name: 'references', type: 'scatter', data: [], silent: true,
    // precision: ECharts rounds mark-line values to 2 decimals by default, which loses energies in joules
    markLine: { symbol: 'none', silent: true, animation: false, precision: 20, data: marks } });
  series.push({ id: 'brushed', name: 'brushed', type: 'scatter', data: [], silent: true, z: 6, symbolSize: 15,
    itemStyle: { color: 'rgba(0,0,0,0)', borderColor: '#e8590c', borderWidth: 2 } });
  series.push({ id: 'selected', name: 'selected', type: 'scatter', data: [], silent: true, z: 7, symbol: 'diamond',
    symbolSize: 18, itemStyle: { color: 'rgba(0,0,0,0)', borderColor: '#c2185b', borderWidth: 3 } });

  function decadeRange(values) {
    var lo = Infinity, hi = -Infinity;
    values.forEach(function (v) { if (v > 0 && isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); } });
    if (!isFinite(lo)) { return [1e-12, 1]; }
    return [Math.pow(10, Math.floor(Math.log10(lo))), Math.pow(10, Math.ceil(Math.log10(hi * 1.0001)))];
  }
  var allEnergies = [];
  for (var r3 = 0; r3 < N; r3++) { if (plottable(r3) && (feasible(r3) || onFront(r3))) { allEnergies.push(energy(r3)); } }
  var xr = decadeRange(allEnergies.concat(lineEnergies));
  var beyond = inf.filter(function (p) { return p[0] > xr[1] || p[0] < xr[0]; }).length;
  document.getElementById('pareto-note').textContent = (beyond ? beyond + ' infeasible designs lie outside the '
    + 'energy range of the feasible ones and are not drawn. ' : '') + (unplotted ? unplotted + ' designs have no '
    + 'energy or ' + (IS_ACC ? 'accuracy' : 'error') + ' to plot.' : '');

  function tip(i) {
    var tag = onFront(i) ? ' <span class="tag front">Pareto</span>'
      : (feasible(i) ? '' : ' <span class="tag infeasible">infeasible</span>');
    var id = text('eval_id', i);
    var kp = keyParams(i);
    var lines = kp.length > 12 ? kp.slice(0, 12).concat(['\u2026']) : kp;
    return '<b>' + esc(text('architecture', i)) + '</b>' + (id ? ' #' + esc(id) : '') + tag + '<br>'
      + 'energy ' + si(energy(i), 'J') + ' per inference<br>'
      + (IS_ACC ? 'accuracy ' : '') + esc(qtext(i)) + '<br>'
      + '<span style="color:#555">' + esc(lines.join(', ')) + '</span>';
  }

  mark('pareto data');
  pareto.setOption({
    animation: false,
    grid: { left: 70, right: 30, top: 50, bottom: 60 },
    legend: { top: 4, type: 'scroll', data: families.concat(['infeasible', 'Pareto front'])
      .concat(HAS_CI ? ['95% interval'] : []) },
    tooltip: { trigger: 'item', confine: true, formatter: function (p) {
      var rows = seriesRows[p.seriesId];
      return rows && rows[p.dataIndex] != null ? tip(rows[p.dataIndex]) : '';
    } },
    toolbox: { right: 10, top: 22, feature: { dataZoom: { filterMode: 'none' }, restore: {},
      saveAsImage: { name: 'pareto-' + D.run } } },
    dataZoom: [{ type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      { type: 'inside', yAxisIndex: 0, filterMode: 'none' }],
    xAxis: { type: 'log', name: 'energy per inference (J)', nameLocation: 'middle', nameGap: 30, min: xr[0],
      max: xr[1], axisLabel: { formatter: function (v) { return si(v, 'J'); } }, splitLine: { show: true } },
    yAxis: IS_ACC
      ? { type: 'value', name: 'top-1 accuracy (%)', nameLocation: 'middle', nameGap: 45, scale: true,
        max: function (v) { return Math.min(100, Math.ceil(v.max + 1)); } }
      : { type: 'log', name: 'relative output error', nameLocation: 'middle', nameGap: 50, inverse: true },
    series: series
  });
  pareto.on('click', function (p) {
    var rows = seriesRows[p.seriesId];
    if (rows && rows[p.dataIndex] != null) { showDetail(rows[p.dataIndex]); }
  });

  mark('pareto drawn');
  // ---------- details of one design ----------
  var breakdownChart = null;
  function shellQuote(s) { return /^[A-Za-z0-9_.,:=+\/@%-]+$/.test(s) ? s : "'" + s.replace(/'/g, "'\\''") + "'"; }
  function evaluateCommand(i) {
    var E = D.evaluate || {};
    var arch = text('architecture', i);
    var a = (E.architectures && E.architectures[arch]) || arch;
    var parts = ['phodex', 'evaluate', '-a', shellQuote(a), '-w', shellQuote(String(E.workload || M.workload || '?'))];
    if (E.seed != null) { parts.push('--seed', String(E.seed)); }
    var samples = has('accuracy_samples') && isFinite(num('accuracy_samples', i)) ? num('accuracy_samples', i)
      : E.samples;
    var chips = has('accuracy_chips') && isFinite(num('accuracy_chips', i)) ? num('accuracy_chips', i) : E.chips;
    if (samples != null) { parts.push('--samples', String(samples)); }
    if (chips != null) { parts.push('--chips', String(chips)); }
    // a search-time accuracy of a co-designed network used a cut training (evaluate trains in full by default)
    if (has('training_budget') && isFinite(num('training_budget', i)) && num('training_budget', i) < 1) {
      parts.push('--training-budget', String(num('training_budget', i)));
    }
    D.params.forEach(function (p) {
      var s = text(p, i);
      if (s !== '') { parts.push('--set', shellQuote(p + '=' + s)); }
    });
    return parts.join(' ');
  }
  function copyText(s, button) {
    function done(ok) { button.textContent = ok ? 'copied' : 'select and copy by hand'; }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(s).then(function () { done(true); }, function () { done(fallback()); });
    } else { done(fallback()); }
    function fallback() {
      var t = document.createElement('textarea');
      t.value = s; document.body.appendChild(t); t.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(t);
      return ok;
    }
  }
  function row(label, value) { return '<tr><th>' + esc(label) + '</th><td class="num">' + value + '</td></tr>'; }
  function showDetail(i) {
    state.shownRow = i;
    var el = document.getElementById('detail');
    el.setAttribute('data-row', String(i));
    var id = text('eval_id', i);
    var h = '<h3>' + esc(text('architecture', i)) + (id ? ' #' + esc(id) : '')
      + (text('generation', i) ? ' <span class="muted">(generation ' + esc(text('generation', i)) + ')</span>' : '')
      + (onFront(i) ? ' <span class="tag front">Pareto</span>' : '') + '</h3>';
    if (!feasible(i)) {
      h += '<p><span class="tag infeasible">infeasible</span> ' + esc(text('infeasible_reason', i)) + '</p>';
    }
    h += '<table>' + row('energy per inference', si(energy(i), 'J'))
      + row(IS_ACC ? 'accuracy' : 'relative error', esc(qtext(i)));
    if (IS_ACC && has('accuracy_search') && isFinite(num('accuracy_search', i))) {
      h += row('accuracy during the search', pct(100 * num('accuracy_search', i)));
    }
    if (IS_ACC && has('training_budget') && isFinite(num('training_budget', i))) {
      var tb = num('training_budget', i);
      h += row('co-design training', tb < 1 ? esc(tb + ' of the full training (search time)') : 'in full');
    }
    if (has('accuracy_p10') && isFinite(num('accuracy_p10', i))) {
      h += row('10th-percentile chip', pct(100 * num('accuracy_p10', i)));
    }
    if (has('p_vs_float') && isFinite(num('p_vs_float', i))) {
      h += row('p vs float', num('p_vs_float', i).toPrecision(3));
    }
    h += row('latency', si(num('latency_s', i), 's')) + row('power', si(num('power_w', i), 'W'))
      + row('area', isFinite(num('area_mm2', i)) ? num('area_mm2', i).toPrecision(4) + ' mm\u00b2' : '\u2013');
    BASE.forEach(function (b) { h += row('vs ' + b.name, esc(ratioText(b.energy / energy(i)))); });
    h += '</table>';
    h += '<h3>Energy breakdown</h3><div id="breakdown" class="chart small"></div>';
    h += '<h3>Link budget</h3><table id="link-budget">'
      + row('worst optical path loss', isFinite(num('path_loss_db', i)) ? num('path_loss_db', i).toFixed(2) + ' dB'
        : '\u2013')
      + row('received power per detector', si(num('received_power_w', i), 'W'))
      + row('laser power (electrical)', si(num('laser_power_w', i), 'W')) + '</table>';
    var layers = Object.keys(D.cols).map(function (c) { return /^layer(\d+)_relative_error$/.exec(c); })
      .filter(Boolean).sort(function (x, y) { return x[1] - y[1]; });
    h += '<h3>Per-layer error</h3>';
    if (layers.length) {
      h += '<table id="layers"><tr><th>layer</th><th>relative RMS error</th><th>SNR</th></tr>';
      layers.forEach(function (m) {
        var e = num(m[0], i), s = num('layer' + m[1] + '_snr_db', i);
        h += '<tr><td>layer ' + m[1] + '</td><td class="num">' + (isFinite(e) ? e.toPrecision(4) : '\u2013')
          + '</td><td class="num">' + (isFinite(s) ? s.toFixed(1) + ' dB' : '\u2013') + '</td></tr>';
      });
      h += '</table>';
    } else {
      h += '<p class="muted">not recorded in this run\'s CSV files (older runs have no layer columns).</p>';
    }
    h += '<h3>Reproduce</h3><pre class="command" id="command">' + esc(evaluateCommand(i)) + '</pre>'
      + '<button type="button" id="copy">copy command</button>'
      + '<p class="hint">Same design, seed, test samples and chip samples as this row; per-layer errors may differ '
      + 'slightly (evaluate measures them on more samples).</p>';
    h += '<details><summary>all parameters</summary><table>';
    D.params.forEach(function (p) { var s = text(p, i); if (s !== '') { h += row(p, esc(s)); } });
    h += '</table></details><details><summary>all columns of this row</summary><table>';
    Object.keys(D.cols).forEach(function (c) {
      if (D.params.indexOf(c) < 0 && text(c, i) !== '') { h += row(c, esc(text(c, i))); }
    });
    h += '</table></details>';
    el.innerHTML = h;
    document.getElementById('copy').addEventListener('click', function (ev) {
      copyText(evaluateCommand(i), ev.target);
    });
    var comps = Object.keys(D.cols).map(function (c) { return /^breakdown_(.+)_j$/.exec(c); }).filter(Boolean);
    if (breakdownChart) { breakdownChart.dispose(); }
    breakdownChart = echarts.init(document.getElementById('breakdown'));
    var total = energy(i);
    var vals = comps.map(function (m) { return num(m[0], i); });
    breakdownChart.setOption({
      animation: false,
      grid: { left: 120, right: 70, top: 6, bottom: 24 },
      tooltip: { trigger: 'item', formatter: function (p) {
        return esc(p.name) + ': ' + si(p.value, 'J') + ' (' + (100 * p.value / total).toFixed(1) + ' %)';
      } },
      xAxis: { type: 'value', splitNumber: 3, axisLabel: { formatter: function (v) { return si(v, 'J'); },
        fontSize: 10, hideOverlap: true } },
      yAxis: { type: 'category', inverse: true, data: comps.map(function (m) { return m[1]; }),
        axisLabel: { fontSize: 11 } },
      series: [{ id: 'breakdown', type: 'bar', data: vals.map(function (v) { return isFinite(v) ? v : 0; }),
        itemStyle: { color: '#4c72b0' },
        label: { show: true, position: 'right', fontSize: 10, formatter: function (p) {
          return total > 0 ? (100 * p.value / total).toFixed(1) + ' %' : '';
        } } }]
    });
    if (!comps.length) {
      document.getElementById('breakdown').outerHTML = '<p class="muted">no breakdown_*_j columns in this run.</p>';
    }
    pareto.setOption({ series: [{ id: 'selected', data: plottable(i) ? [point(i)] : [] }] });
  }

  // ---------- parallel coordinates ----------
  var parallel = track('parallel', echarts.init(document.getElementById('parallel')));
  var parRows = { 'par-all': [], 'par-front': [] };
  var dims = varied.map(function (p) {
    var values = {}, numeric = true;
    for (var r = 0; r < N; r++) {
      var s = text(p, r);
      if (s === '') { continue; }
      values[s] = true;
      if (!isFinite(Number(s))) { numeric = false; }
    }
    var cats = Object.keys(values);
    if (numeric) { cats.sort(function (x, y) { return Number(x) - Number(y); }); } else { cats.sort(); }
    return { param: p, numeric: numeric && cats.length > 8, cats: cats };
  });
  var axes = dims.map(function (d, k) {
    return d.numeric ? { dim: k, id: 'pa' + k, name: d.param, type: 'value', scale: true }
      : { dim: k, id: 'pa' + k, name: d.param, type: 'category', data: d.cats };
  });
  var nd = dims.length;
  axes.push({ dim: nd, id: 'pa' + nd, name: 'energy (J)', type: 'log',
    axisLabel: { formatter: function (v) { return si(v, 'J'); } } });
  axes.push({ dim: nd + 1, id: 'pa' + (nd + 1), name: IS_ACC ? 'accuracy (%)' : 'relative error',
    type: IS_ACC ? 'value' : 'log', scale: true });
  function parValues(i) {
    var v = dims.map(function (d) {
      var s = text(d.param, i);
      return s === '' ? null : (d.numeric ? Number(s) : s);
    });
    v.push(energy(i), quality(i));
    return v;
  }
  var parAll = [], parFront = [];
  for (var r4 = 0; r4 < N; r4++) {
    if (!plottable(r4) || !feasible(r4) && !onFront(r4)) { continue; }
    if (onFront(r4)) { parFront.push(parValues(r4)); parRows['par-front'].push(r4); }
    else { parAll.push(parValues(r4)); parRows['par-all'].push(r4); }
  }
  // each axis spans both series' values (ECharts sizes a parallel axis from the first series only)
  axes.forEach(function (a, k) {
    if (a.type === 'category') { return; }
    var values = [];
    [parAll, parFront].forEach(function (set) {
      set.forEach(function (v) { if (v[k] != null && isFinite(v[k])) { values.push(v[k]); } });
    });
    if (!values.length) { return; }
    if (a.type === 'log') {
      var dr = decadeRange(values);
      a.min = dr[0]; a.max = dr[1];
    } else {
      var lo = Infinity, hi = -Infinity;
      values.forEach(function (v) { lo = Math.min(lo, v); hi = Math.max(hi, v); });
      a.min = lo; a.max = hi > lo ? hi : lo + 1;
      a.axisLabel = { formatter: function (v) { return String(Number(v.toPrecision(4))); } };
    }
  });
  mark('parallel data');
  parallel.setOption({
    animation: false,
    parallel: { left: 60, right: 90, top: 40, bottom: 40,
      parallelAxisDefault: { nameLocation: 'end', nameGap: 12, nameTextStyle: { fontSize: 11 },
        axisLabel: { fontSize: 10 }, areaSelectStyle: { width: 16 } } },
    parallelAxis: axes,
    tooltip: { trigger: 'item', confine: true, formatter: function (p) {
      var rows = parRows[p.seriesId];
      return rows && rows[p.dataIndex] != null ? tip(rows[p.dataIndex]) : '';
    } },
    series: [
      // drawn in one pass: progressive chunks (ECharts' default above 3,000 lines) took several times longer
      { id: 'par-all', name: 'designs', type: 'parallel', data: parAll, progressive: 0,
        lineStyle: { color: '#7f8896', width: 0.5, opacity: 0.18 },
        inactiveOpacity: 0.02, activeOpacity: 0.6 },
      { id: 'par-front', name: 'Pareto front', type: 'parallel', data: parFront, z: 3,
        lineStyle: { color: '#e8590c', width: 1.6, opacity: 0.9 }, inactiveOpacity: 0.08, activeOpacity: 1 }]
  });
  function brushed() {
    var out = [];
    parallel.getModel().getSeries().forEach(function (s) {
      var rows = parRows[s.id];
      if (!rows) { return; }
      s.getRawIndicesByActiveState('active').forEach(function (k) { out.push(rows[k]); });
    });
    return out;
  }
  parallel.on('axisareaselected', function () {
    var rows = brushed();
    document.getElementById('brush-count').textContent = rows.length ? rows.length + ' designs brushed' : '';
    pareto.setOption({ series: [{ id: 'brushed', data: rows.map(point) }] });
    state.brushedRows = rows;
  });
  document.getElementById('clear-brush').addEventListener('click', function () {
    axes.forEach(function (a) { parallel.dispatchAction({ type: 'axisAreaSelect', parallelAxisId: a.id,
      intervals: [] }); });
  });

  mark('parallel set');
  // ---------- hypervolume history ----------
  var hvEl = document.getElementById('hypervolume');
  var hvChart = null;
  var I = D.indicators;
  if (I && I.generation && I.hypervolume && I.generation.length) {
    hvChart = track('hypervolume', echarts.init(hvEl));
    hvChart.setOption({
      animation: false,
      grid: { left: 60, right: 60, top: 30, bottom: 40 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', name: 'generation', nameLocation: 'middle', nameGap: 25, minInterval: 1 },
      yAxis: [{ type: 'value', name: 'hypervolume', scale: true },
        { type: 'value', name: 'front size', minInterval: 1, splitLine: { show: false } }],
      series: [
        { name: 'hypervolume', type: 'line', data: I.generation.map(function (g, k) { return [g, I.hypervolume[k]]; }),
          showSymbol: I.generation.length < 60 },
        { name: 'front size', type: 'line', yAxisIndex: 1, step: 'end', lineStyle: { type: 'dashed' },
          showSymbol: false,
          data: (I.front_size || []).map(function (s, k) { return [I.generation[k], s]; }) }]
    });
  } else {
    hvEl.className = '';
    hvEl.innerHTML = '<p class="muted">no hypervolume history (' + (D.kind === 'sweep'
      ? 'a sweep has none' : 'indicators.csv is missing or empty') + ').</p>';
  }

  // ---------- manifest ----------
  (function manifest() {
    var el = document.getElementById('manifest');
    if (!D.manifest) { el.innerHTML = '<p class="muted">no manifest.json in this folder.</p>'; return; }
    var o = M.options || {};
    var budget = [];
    if (o.generations) { budget.push(o.generations + ' generations'); }
    if (o.time_limit_s) { budget.push('time limit ' + o.time_limit_s + ' s'); }
    if (o.max_evaluations) { budget.push(o.max_evaluations + ' evaluations'); }
    if (o.stagnation) { budget.push('stop after ' + o.stagnation + ' generations without progress'); }
    if (M.points != null) { budget.push(M.points + ' grid points'); }
    var fields = [
      ['kind', M.kind], ['tool version', M.version], ['git commit', M.git_commit], ['seed', M.seed],
      ['workload', M.workload], ['architectures', Array.isArray(M.architectures) ? M.architectures.join(', ') : ''],
      ['budget', budget.join(', ')], ['population', M.population], ['stop reason', M.stop_reason],
      ['status', M.status], ['evaluations', M.evaluations], ['generations', M.generations],
      ['elapsed', M.elapsed_s != null ? Number(M.elapsed_s).toFixed(1) + ' s' : null],
      ['started', M.start], ['ended', M.end],
      ['accuracy measured on', M.accuracy_samples != null ? M.accuracy_samples + ' test samples, ' + M.chips
        + ' chip sample(s)' : null],
      ['swept', Array.isArray(M.vary) ? M.vary.join(', ') : null],
      ['threads / cores', M.threads != null ? M.threads + ' / ' + M.cores : null], ['JVM', M.jvm]];
    var h = '<table id="manifest-table">';
    fields.forEach(function (f) {
      if (f[1] != null && f[1] !== '') { h += '<tr><th>' + esc(f[0]) + '</th><td>' + esc(f[1]) + '</td></tr>'; }
    });
    h += '</table><details><summary>manifest.json</summary><pre class="command">'
      + esc(JSON.stringify(D.manifest, null, 2)) + '</pre></details>';
    el.innerHTML = h;
  })();

  mark('hypervolume and manifest');
  // ---------- readiness (used by the browser test) ----------
  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (k) { charts[k].resize(); });
    if (breakdownChart) { breakdownChart.resize(); }
  });
  window.phodexReport = {
    readyMs: performance.now(),
    stages: stages,
    /** Milliseconds from navigation start until every chart had rendered, or null while they are rendering. */
    finishedMs: function () { return state.finishedMs == null ? null : state.finishedMs; },
    unplotted: unplotted,
    frontRows: function () { return frontRows.length; },
    frontPoints: function () {
      return pareto.getOption().series.filter(function (s) { return s.id.indexOf('front-') === 0; })
        .reduce(function (n, s) { return n + s.data.length; }, 0);
    },
    /** Page coordinates of the k-th Pareto design on the plot, and its row. */
    frontPixel: function (k) {
      var r = frontRows[k], place = rowPlace[r];
      var p = pareto.convertToPixel({ seriesId: place[0] }, point(r));
      var box = document.getElementById('pareto').getBoundingClientRect();
      return { row: r, x: box.left + p[0], y: box.top + p[1], localX: p[0], localY: p[1] };
    },
    /** Page coordinates of any plotted design (null when it is not drawn on the Pareto plot). */
    rowPixel: function (r) {
      var place = rowPlace[r];
      if (!place) { return null; }
      var p = pareto.convertToPixel({ seriesId: place[0] }, point(r));
      var box = document.getElementById('pareto').getBoundingClientRect();
      return { row: r, series: place[0], x: box.left + p[0], y: box.top + p[1] };
    },
    shownRow: function () { return state.shownRow; },
    brushedRows: function () { return state.brushedRows || []; },
    showDetail: showDetail
  };
  // report.html#eval=ID opens that evaluation's details (a link to one design)
  var wanted = /^#eval=(\d+)$/.exec(window.location.hash);
  if (wanted) {
    for (var r5 = 0; r5 < N; r5++) { if (text('eval_id', r5) === wanted[1]) { showDetail(r5); break; } }
  }
  document.body.setAttribute('data-ready', '1');
})();
