// Keeps the curators' board current: every 15 seconds it reads /console/board/data and draws the stages, the waiting
// queue and the specialists again, the same way the page was first drawn. Text goes in as text, never as markup.
(function () {
  'use strict';
  var board = document.getElementById('board');
  if (!board) {
    return;
  }
  var status = document.getElementById('board-status');
  var requestPage = board.dataset.requestPage;

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') {
        node.textContent = attributes.text;
      } else {
        node.setAttribute(name, attributes[name]);
      }
    });
    (children || []).forEach(function (child) {
      if (child) {
        node.appendChild(child);
      }
    });
    return node;
  }

  // Instants come with up to nine decimals; Date.parse is only sure of three.
  function millis(instant) {
    return Date.parse(instant.replace(/(\.\d{3})\d+/, '$1'));
  }

  // As BoardFormat.waited on the server.
  function waited(since, now) {
    var minutes = Math.floor((millis(now) - millis(since)) / 60000);
    if (minutes < 1) {
      return 'under a minute';
    }
    if (minutes < 60) {
      return minutes + ' min';
    }
    var hours = Math.floor(minutes / 60);
    if (hours < 24) {
      var rest = minutes % 60;
      return hours + ' h ' + (rest < 10 ? '0' : '') + rest + ' min';
    }
    return Math.floor(hours / 24) + ' d ' + (hours % 24) + ' h';
  }

  function shortId(id) {
    return id.substring(0, 8);
  }

  function requestLink(id) {
    return element('td', {}, [
      element('a', { 'class': 'request-link', href: requestPage + id }, [element('code', { text: shortId(id) })])
    ]);
  }

  function risk(level, prioritised) {
    return element('td', {}, [
      element('span', { 'class': 'risk-badge risk-' + level, text: level }),
      prioritised ? document.createTextNode(' ') : null,
      prioritised ? element('span', { 'class': 'flag', text: 'priority' }) : null
    ]);
  }

  function since(instant, now) {
    return element('td', {}, [element('time', { datetime: instant, text: waited(instant, now) })]);
  }

  function table(headings, rows) {
    return element('table', {}, [
      element('thead', {}, [element('tr', {}, headings.map(function (heading) {
        return element('th', { scope: 'col', text: heading });
      }))]),
      element('tbody', {}, rows)
    ]);
  }

  function tasks(openTasks) {
    if (!openTasks.length) {
      return element('td', { text: '—' });
    }
    return element('td', {}, [element('ul', { 'class': 'tasks' }, openTasks.map(function (task) {
      return element('li', { text: task.name + (task.assignee ? ' (' + task.assignee + ')' : '') });
    }))]);
  }

  function stage(data, now) {
    var section = element('section', {
      'class': 'panel stage', id: 'stage-' + data.stage, 'aria-labelledby': 'stage-heading-' + data.stage
    }, [
      element('h2', { id: 'stage-heading-' + data.stage }, [
        element('span', { 'class': 'stage-name', text: data.stage }),
        document.createTextNode(' '),
        element('span', { 'class': 'badge count', text: String(data.open) })
      ])
    ]);
    if (!data.requests.length) {
      section.appendChild(element('p', { 'class': 'empty', text: 'No open requests in this stage.' }));
      return section;
    }
    section.appendChild(table(['Request', 'Risk', 'Status', 'Waiting', 'Specialist', 'Open tasks'],
      data.requests.map(function (request) {
        return element('tr', { 'data-request-id': request.id }, [
          requestLink(request.id),
          risk(request.riskLevel, request.prioritised),
          element('td', { text: request.status }),
          since(request.waitingSince, now),
          element('td', { text: request.assignedSpecialist ? request.assignedSpecialist.name : '—' }),
          tasks(request.openTasks)
        ]);
      })));
    if (data.open > data.requests.length) {
      section.appendChild(element('p', {
        'class': 'more', text: 'The ' + data.requests.length + ' most urgent of ' + data.open + ' are shown.'
      }));
    }
    return section;
  }

  function queue(data, now) {
    var section = element('section', { 'class': 'panel', id: 'queue', 'aria-labelledby': 'queue-heading' }, [
      element('h2', { id: 'queue-heading' }, [
        document.createTextNode('Waiting for a specialist '),
        element('span', { 'class': 'badge count', text: String(data.waiting) })
      ]),
      element('p', { text: 'Nobody free matches these requests yet; they are served in this order as places free up.' })
    ]);
    section.appendChild(data.requests.length
      ? table(['Request', 'Risk', 'Waiting'], data.requests.map(function (request) {
        return element('tr', { 'data-request-id': request.requestId }, [
          requestLink(request.requestId), risk(request.riskLevel, request.prioritised), since(request.waitingSince, now)
        ]);
      }))
      : element('p', { 'class': 'empty', text: 'Nobody is waiting.' }));
    return section;
  }

  function specialists(list) {
    var section = element('section', { 'class': 'panel', id: 'specialists', 'aria-labelledby': 'specialists-heading' }, [
      element('h2', { id: 'specialists-heading', text: 'Specialists' })
    ]);
    section.appendChild(list.length
      ? table(['Specialist', 'Shift', 'Cases'], list.map(function (specialist) {
        return element('tr', { 'data-specialist-id': specialist.id }, [
          element('td', { text: specialist.name + (specialist.username ? ' (' + specialist.username + ')' : '') }),
          element('td', { text: !specialist.active ? 'paused' : (specialist.onShiftNow ? 'on shift now' : 'off shift') }),
          element('td', {
            'class': specialist.activeCases >= specialist.maxCases ? 'full' : '',
            text: specialist.activeCases + ' of ' + specialist.maxCases
          })
        ]);
      }))
      : element('p', { 'class': 'empty', text: 'No specialists are registered.' }));
    return section;
  }

  function draw(data) {
    var sections = data.stages.map(function (each) { return stage(each, data.asOf); });
    sections.push(queue(data.queue, data.asOf), specialists(data.specialists));
    board.replaceChildren.apply(board, sections);
    status.replaceChildren(
      document.createTextNode('Updated '),
      element('time', { id: 'board-as-of', datetime: data.asOf, text: data.asOf.substring(11, 19) + ' UTC' }),
      document.createTextNode('; the board refreshes by itself.'));
  }

  function refresh() {
    fetch(board.dataset.refresh, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok || response.headers.get('Content-Type').indexOf('application/json') !== 0) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        draw(data);
        board.setAttribute('data-refreshed', data.asOf);
      })
      .catch(function () {
        status.textContent = 'The board could not be refreshed (signed out, or the platform cannot be reached). '
          + 'Reload the page to try again.';
      });
  }

  window.setInterval(refresh, Number(board.dataset.refreshSeconds) * 1000);
})();
