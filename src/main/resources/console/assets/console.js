// Renders the task's Camunda Form with the form-js viewer and completes the task with its values.
(function () {
  'use strict';
  var schemaElement = document.getElementById('form-schema');
  var completeForm = document.getElementById('complete-form');
  if (!completeForm) {
    return;
  }
  var errorBox = document.getElementById('form-errors');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]').content;
  var csrfToken = document.querySelector('meta[name="_csrf"]').content;
  var viewer = null;

  if (schemaElement) {
    var container = document.getElementById('task-form');
    // What the form shows besides its fields: the task's variables it names (option lists, names in its texts) and
    // the request ({{requestId}}). The values the form submits are its fields only.
    var variablesElement = document.getElementById('form-variables');
    var data = variablesElement ? JSON.parse(variablesElement.textContent) : {};
    if (container.dataset.requestId) {
      data.requestId = container.dataset.requestId;
    }
    viewer = new FormViewer.Form({ container: container });
    viewer.importSchema(JSON.parse(schemaElement.textContent), data).catch(function (error) {
      showErrors('The form cannot be shown: ' + error.message, []);
    });
  }

  function showErrors(summary, fieldErrors) {
    errorBox.textContent = '';
    var heading = document.createElement('p');
    heading.textContent = summary;
    errorBox.appendChild(heading);
    if (fieldErrors.length) {
      var list = document.createElement('ul');
      fieldErrors.forEach(function (fieldError) {
        var item = document.createElement('li');
        item.textContent = fieldError.field + ': ' + fieldError.message;
        list.appendChild(item);
      });
      errorBox.appendChild(list);
    }
    errorBox.focus();
  }

  completeForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var data = {};
    if (viewer) {
      var result = viewer.submit();
      if (Object.keys(result.errors).length) {
        showErrors('Please correct the highlighted fields.', []);
        return;
      }
      data = result.data;
    }
    var button = completeForm.querySelector('button[type="submit"]');
    button.disabled = true;
    var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    headers[csrfHeader] = csrfToken;
    fetch(completeForm.action, { method: 'POST', headers: headers, body: JSON.stringify({ variables: data }) })
      .then(function (response) {
        if (response.ok) {
          window.location.assign(completeForm.dataset.done);
          return null;
        }
        return response.json().then(function (problem) {
          button.disabled = false;
          showErrors(problem.detail || 'The task could not be completed.', problem.errors || []);
        });
      })
      .catch(function () {
        button.disabled = false;
        showErrors('The platform cannot be reached. Please try again.', []);
      });
  });
})();
