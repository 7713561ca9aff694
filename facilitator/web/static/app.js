// Progress of a build: ask the server every half second, then show the finished page.
// Without JavaScript the page refreshes itself instead (see build.html).
(function () {
  var box = document.getElementById("progress");
  if (!box) { return; }
  var text = document.getElementById("progress-text");
  var bar = document.getElementById("progress-bar");
  function poll() {
    fetch(box.dataset.status, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (s) {
      if (s.state === "done" || s.state === "failed") { window.location.reload(); return; }
      bar.max = s.total; bar.value = s.done;
      text.textContent = s.state === "waiting" ? "Waiting: other packs are being built; this one starts when one is done." : "Writing " + (s.step || "the pack") + "…";
      setTimeout(poll, 500);
    }).catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 300);
})();
