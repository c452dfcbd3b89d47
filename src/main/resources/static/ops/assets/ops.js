// The ops console's one script. It keeps the admin key in this tab's session storage (gone when the tab closes, never
// seen by other tabs or origins) and adds it as the X-API-Key header to the console's own requests: never in a URL,
// never in a cookie, so the server stays stateless and a cross-site request carries no credential.
(function () {
  'use strict';

  var STORAGE = 'orderbridge.ops.apiKey';
  var REFUSED = {
    401: 'That API key was not accepted. Check it and sign in again.',
    403: 'That key is valid, but not an admin key: the console needs the admin role.'
  };

  function byId(id) {
    return document.getElementById(id);
  }

  function showSignIn(message) {
    sessionStorage.removeItem(STORAGE);
    byId('content').replaceChildren();
    byId('nav').hidden = true;
    byId('sign-out').hidden = true;
    byId('who').textContent = '';
    byId('toast').hidden = true;
    byId('sign-in').hidden = false;
    var error = byId('sign-in-error');
    error.textContent = message || '';
    error.hidden = !message;
    byId('api-key').focus();
  }

  function showConsole(name) {
    byId('sign-in').hidden = true;
    byId('nav').hidden = false;
    byId('sign-out').hidden = false;
    byId('who').textContent = 'Signed in as ' + name;
    htmx.trigger(byId('content'), 'ops:load');
  }

  function toast(message) {
    var element = byId('toast');
    element.textContent = message;
    element.hidden = false;
  }

  function signIn(key) {
    fetch(document.body.dataset.session, {headers: {'X-API-Key': key}, credentials: 'omit', cache: 'no-store'})
      .then(function (response) {
        if (!response.ok) {
          showSignIn(REFUSED[response.status] || 'The service answered ' + response.status + '.');
          return;
        }
        sessionStorage.setItem(STORAGE, key);
        return response.text().then(showConsole);
      }, function () {
        showSignIn('The service did not answer.');
      });
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var key = sessionStorage.getItem(STORAGE);
    if (key) {
      event.detail.headers['X-API-Key'] = key;
    }
  });

  document.addEventListener('htmx:afterRequest', function (event) {
    if (event.detail.successful) {
      byId('toast').hidden = true;
    }
  });

  document.addEventListener('htmx:responseError', function (event) {
    var status = event.detail.xhr.status;
    if (REFUSED[status]) {
      showSignIn(REFUSED[status]);
    } else {
      toast('The service answered ' + status + '; try again.');
    }
  });

  document.addEventListener('htmx:sendError', function () {
    toast('The service did not answer; try again.');
  });

  document.addEventListener('DOMContentLoaded', function () {
    byId('sign-in').addEventListener('submit', function (event) {
      event.preventDefault();
      var key = byId('api-key').value.trim();
      byId('api-key').value = '';
      signIn(key);
    });
    byId('sign-out').addEventListener('click', function () {
      showSignIn('Signed out.');
    });
    var key = sessionStorage.getItem(STORAGE);
    if (key) {
      signIn(key);
    } else {
      showSignIn();
    }
  });
})();
