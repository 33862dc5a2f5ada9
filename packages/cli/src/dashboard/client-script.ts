// SPDX-License-Identifier: Apache-2.0
// The dashboard's browser script, kept as text: it reads the report embedded in the page, fills
// the figures and tables (textContent only) and draws the charts with the bundled Chart.js.
// When everything is drawn it sets <body data-ready="true">; failures go to console.error.

export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var report = JSON.parse(document.getElementById('report-data').textContent);
  var palette = ['#2563eb', '#16a34a', '#dc2626', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d'];
  var pct = function (x) { return (x * 100).toFixed(1) + '%'; };
  var num = function (x) { return Number.isInteger(x) ? String(x) : x.toFixed(1); };
  var label = function (c) { return c === '' ? '(root)' : c; };
  var get = function (path) { return path.split('.').reduce(function (o, k) { return o == null ? undefined : o[k]; }, report); };

  document.querySelectorAll('[data-metric]').forEach(function (el) {
    var value = get(el.getAttribute('data-metric'));
    var format = el.getAttribute('data-format');
    el.textContent = value == null ? '-' : format === 'pct' ? pct(value) : typeof value === 'number' ? num(value) : String(value);
  });

  function fillTable(id, rows, cells) {
    var body = document.querySelector('#' + id + ' tbody');
    rows.forEach(function (row) {
      var tr = document.createElement('tr');
      cells(row).forEach(function (text) {
        var td = document.createElement('td');
        td.textContent = text;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    if (rows.length === 0) {
      var tr = document.createElement('tr');
      var td = document.createElement('td');
      td.textContent = 'none';
      td.colSpan = 10;
      tr.appendChild(td);
      body.appendChild(tr);
    }
  }

  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = 'system-ui, sans-serif';

  function chart(id, config) { return new Chart(document.getElementById(id), config); }
  function bar(id, labels, datasets, horizontal) {
    return chart(id, { type: 'bar', data: { labels: labels, datasets: datasets }, options: { indexAxis: horizontal ? 'y' : 'x', plugins: { legend: { display: datasets.length > 1 } } } });
  }
  function doughnut(id, rows) {
    return chart(id, { type: 'doughnut', data: { labels: rows.map(function (r) { return r.value === '' ? '(unknown)' : r.value; }), datasets: [{ label: 'installations', data: rows.map(function (r) { return r.installations; }), backgroundColor: palette }] }, options: { plugins: { legend: { position: 'right' } } } });
  }

  chart('chart-growth', {
    type: 'line',
    data: {
      labels: report.growth.map(function (g) { return g.day; }),
      datasets: [
        { label: 'active installations', data: report.growth.map(function (g) { return g.installations; }), borderColor: palette[0], backgroundColor: palette[0], yAxisID: 'y' },
        { label: 'runs', data: report.growth.map(function (g) { return g.runs; }), borderColor: palette[1], backgroundColor: palette[1], yAxisID: 'y1' },
        { label: 'new installations', data: report.growth.map(function (g) { return g.newInstallations; }), borderColor: palette[3], backgroundColor: palette[3], yAxisID: 'y' }
      ]
    },
    options: { scales: { y: { beginAtZero: true, position: 'left' }, y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } } } }
  });
  bar('chart-commands', report.commands.map(function (c) { return label(c.command); }), [
    { label: 'runs', data: report.commands.map(function (c) { return c.runs; }), backgroundColor: palette[0] },
    { label: 'installations', data: report.commands.map(function (c) { return c.installations; }), backgroundColor: palette[1] }
  ], true);
  bar('chart-options', report.options.map(function (o) { return label(o.command) + ' --' + o.option; }), [
    { label: 'share of command runs (%)', data: report.options.map(function (o) { return Math.round(o.share * 1000) / 10; }), backgroundColor: palette[4] }
  ], true);
  bar('chart-values', report.optionValues.map(function (o) { return label(o.command) + ' --' + o.option + '=' + o.value; }), [
    { label: 'runs', data: report.optionValues.map(function (o) { return o.runs; }), backgroundColor: palette[5] }
  ], true);
  doughnut('chart-os', report.platforms.os);
  doughnut('chart-arch', report.platforms.arch);
  doughnut('chart-runtime', report.platforms.runtime);
  doughnut('chart-ci', report.ci);
  bar('chart-versions', report.versions.list.map(function (v) { return v.version; }), [
    { label: 'installations (latest version)', data: report.versions.list.map(function (v) { return v.latestInstallations; }), backgroundColor: palette[0] },
    { label: 'runs', data: report.versions.list.map(function (v) { return v.runs; }), backgroundColor: palette[6] }
  ], false);
  bar('chart-errors', report.errors.byCommand.map(function (e) { return label(e.command); }), [
    { label: 'error rate (%)', data: report.errors.byCommand.map(function (e) { return Math.round(e.errorRate * 1000) / 10; }), backgroundColor: palette[2] }
  ], false);
  bar('chart-durations', report.durations.map(function (d) { return label(d.command); }), [
    { label: 'p50 ms', data: report.durations.map(function (d) { return d.p50Ms; }), backgroundColor: palette[0] },
    { label: 'p95 ms', data: report.durations.map(function (d) { return d.p95Ms; }), backgroundColor: palette[7] }
  ], false);

  fillTable('table-spikes', report.errors.spikes, function (s) { return [s.day, label(s.command), s.version === '*' ? 'all' : s.version, num(s.runs), num(s.errors), pct(s.errorRate), pct(s.baselineRate)]; });
  fillTable('table-adoption', report.adoption, function (a) { return [a.version, a.firstSeen, a.daysToHalf == null ? 'not yet' : String(a.daysToHalf), pct(a.peakShare)]; });
  fillTable('table-errors', report.errors.byCommandVersion.filter(function (e) { return e.errors > 0; }), function (e) { return [label(e.command), e.version, num(e.runs), num(e.errors), pct(e.errorRate)]; });
  document.body.setAttribute('data-ready', 'true');
})();
`;
