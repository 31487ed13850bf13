// Draws the reports page's charts with Apache ECharts from the summary the page carries (#report-data). Every chart
// has a table next to it with the same figures; without script the tables are the page.
(function () {
  'use strict';
  var dataElement = document.getElementById('report-data');
  if (!dataElement || !window.echarts) {
    return;
  }
  var summary = JSON.parse(dataElement.textContent);
  var hours = function (seconds) {
    return seconds === null || seconds === undefined ? null : Math.round(seconds / 36) / 100;
  };
  var charts = [];

  function draw(id, option) {
    var element = document.getElementById(id);
    if (!element) {
      return;
    }
    var chart = echarts.init(element, null, { renderer: 'svg' });
    option.animation = false;
    option.tooltip = option.tooltip || { trigger: 'axis' };
    option.grid = option.grid || { left: 4, right: 8, top: option.legend ? 26 : 8, bottom: 4, containLabel: true };
    if (option.legend) {
      // One line of legend (scrolling when it is longer), so the chart keeps its short height.
      option.legend.type = 'scroll';
      option.legend.itemHeight = 9;
      option.legend.textStyle = { fontSize: 11 };
    }
    chart.setOption(option);
    element.setAttribute('data-chart-ready', 'true');
    charts.push(chart);
  }

  var finalStatuses = { CLOSED: 'closed', REDIRECTED_MINOR: 'minor redirected', REJECTED: 'rejected', ABANDONED: 'abandoned' };
  var groups = summary.groups;
  var labels = groups.map(function (group) { return group.from === group.to ? group.from : group.from + ' –'; });
  draw('chart-groups', {
    legend: { top: 0 },
    xAxis: { type: 'category', data: labels },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', name: 'hours', nameLocation: 'end' }],
    series: [{ name: 'open', type: 'bar', stack: 'requests', data: groups.map(function (g) { return g.open; }) }]
      .concat(Object.keys(finalStatuses).map(function (status) {
        return { name: finalStatuses[status], type: 'bar', stack: 'requests', data: groups.map(function (g) { return g.byFinalStatus[status]; }) };
      }))
      .concat([{
        name: 'median hours to a specialist', type: 'line', yAxisIndex: 1, connectNulls: true,
        data: groups.map(function (g) { return hours(g.waitP50Seconds.intakeToAssignment); })
      }])
  });

  var funnel = summary.funnel;
  draw('chart-funnel', {
    legend: { top: 0 },
    yAxis: { type: 'category', inverse: true, data: funnel.map(function (stage) { return stage.stage; }) },
    xAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: 'reached', type: 'bar', data: funnel.map(function (stage) { return stage.reached; }) },
      { name: 'there now', type: 'bar', data: funnel.map(function (stage) { return stage.open; }) },
      { name: 'ended there', type: 'bar', data: funnel.map(function (stage) { return stage.ended; }) }
    ]
  });

  draw('chart-waits', {
    legend: { top: 0 },
    xAxis: { type: 'category', data: summary.waits.map(function (wait) { return wait.figure; }) },
    yAxis: { type: 'value', name: 'hours' },
    series: [
      { name: 'median', type: 'bar', data: summary.waits.map(function (wait) { return hours(wait.p50Seconds); }) },
      { name: '9 in 10 within', type: 'bar', data: summary.waits.map(function (wait) { return hours(wait.p90Seconds); }) }
    ]
  });

  var topics = Object.keys(summary.requests.byTopic);
  draw('chart-topics', {
    xAxis: { type: 'category', data: topics, axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: 'requests', type: 'bar', data: topics.map(function (topic) { return summary.requests.byTopic[topic]; }) }]
  });

  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
