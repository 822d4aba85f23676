/*
 * Keeps the latest-news ticker current on baked pages.
 *
 * A page is baked with the ticker of its bake; every publish rebakes the
 * small /fragments/ticker.html instead of every page. This fetches it when
 * the page loads and each minute while it stays open, and swaps it in.
 * Without JavaScript the page keeps the ticker it was baked with.
 */
(function () {
  "use strict";

  var URL = "/fragments/ticker.html";
  var MINUTE = 60 * 1000;

  // The stories a ticker lists: their links and publication times.
  function signature(ticker) {
    var parts = [];
    var items = ticker.querySelectorAll(".ticker__item");
    for (var i = 0; i < items.length; i++) {
      var link = items[i].querySelector("a");
      var time = items[i].querySelector("time");
      parts.push((link ? link.getAttribute("href") + link.textContent : "") + "@" + (time ? time.getAttribute("datetime") : ""));
    }
    return parts.join("|");
  }

  function swap(html) {
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var fresh = holder.querySelector(".ticker");
    var current = document.querySelector(".ticker");
    if (!fresh) return;
    if (current) {
      if (signature(current) === signature(fresh)) return;
      // Stories already shown keep the wording relative-times.js keeps current.
      var shown = current.querySelectorAll("time[datetime]");
      for (var i = 0; i < shown.length; i++) {
        var same = fresh.querySelector('time[datetime="' + shown[i].getAttribute("datetime") + '"]');
        if (same) same.textContent = shown[i].textContent;
      }
      current.replaceWith(fresh);
    } else {
      var header = document.querySelector(".site-header");
      if (header) header.appendChild(fresh);
    }
  }

  function refresh() {
    if (!window.fetch) return;
    fetch(URL, { cache: "no-cache", credentials: "omit" })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) { if (html) swap(html); })
      .catch(function () { /* offline or not baked: keep the baked ticker */ });
  }

  refresh();
  window.setInterval(refresh, MINUTE);
})();
