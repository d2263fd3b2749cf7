// Follow-up Tracker: the only script. Pages marked data-live refresh their content when someone else records
// something: every few seconds the page is fetched again and, if its content changed, swapped in place (no reload,
// the scroll position and any open details kept). Forms are never refreshed under the user's hands.
(function () {
  'use strict';
  var SECONDS = 5;
  function live() { return document.querySelector('main[data-live]'); }
  function busy() {
    var active = document.activeElement;
    return active && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName) && active.closest('main');
  }
  function refresh() {
    var main = live();
    if (!main || document.hidden || busy()) { return; }
    fetch(window.location.href, { credentials: 'same-origin', headers: { 'X-Requested-With': 'refresh' } })
      .then(function (response) {
        if (response.redirected || !response.ok) { return null; }
        return response.text();
      })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('main[data-live]');
        if (fresh && fresh.innerHTML !== main.innerHTML && !busy()) {
          main.innerHTML = fresh.innerHTML;
          main.setAttribute('data-refreshed', new Date().toISOString());
        }
      })
      .catch(function () { /* the next round tries again */ });
  }
  if (live()) { window.setInterval(refresh, SECONDS * 1000); }
}());
