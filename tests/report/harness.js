// Test harness, appended to a copy of report.html by tests/report/test_browser.py (never shipped).
// It drives the page as a reader would and writes what it saw as JSON into <pre id="results">.
(function () {
  var R = {errors: []};
  function texts(sel, f) { return Array.prototype.map.call(document.querySelectorAll(sel), f); }
  function finish() {
    R.pwned = window.__pwned === undefined ? null : String(window.__pwned);
    R.images = document.images.length;
    R.hrefs = texts("a[href]", function (a) { return a.getAttribute("href"); });
    var pre = document.createElement("pre");
    pre.id = "results";
    pre.textContent = JSON.stringify(R);
    document.body.appendChild(pre);
  }
  function step2() {
    try {
      var panel = document.getElementById("panel");
      R.articleOpen = !panel.hidden;
      R.articleTitle = document.querySelector("#panel-body h2").textContent;
      var body = document.getElementById("article-text");
      R.articleText = body.textContent;
      R.urlText = texts("#panel-body .url-text", function (e) { return e.textContent; });
      R.marks = texts("#article-text mark", function (m) { return m.className + "|" + m.textContent; });
      var fact = document.querySelector("#article-text mark.k-f");
      var tip = document.getElementById("tip");
      R.tipHiddenBefore = tip.hidden;
      fact.focus();
      R.tipOnFocus = {hidden: tip.hidden, text: tip.textContent, mark: fact.textContent};
      fact.blur();
      R.tipAfterBlur = tip.hidden;
      var model = document.querySelector("#article-text mark.k-m");
      model.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
      R.tipOnHover = {hidden: tip.hidden, text: tip.textContent, mark: model.textContent};
    } catch (e) { R.errors.push("step2: " + e); }
    finish();
  }
  window.addEventListener("load", function () {
    try {
      R.rows = texts("#catalog tbody tr", function (r) { return r.getAttribute("data-key"); });
      R.names = texts("#catalog tbody tr", function (r) { return r.cells[0].textContent; });
      var th = document.querySelector('#catalog th[data-col="3"]');  // params_total
      R.header = th.textContent;
      th.click();
      R.sortedOnce = {aria: th.getAttribute("aria-sort"), values: texts("#catalog tbody tr", function (r) { return r.cells[3].title; })};
      th.click();
      R.sortedTwice = {aria: th.getAttribute("aria-sort"), values: texts("#catalog tbody tr", function (r) { return r.cells[3].title; })};
      var name = document.querySelector('#catalog th[data-col="0"]');
      name.click(); name.click();
      R.byNameDescending = texts("#catalog tbody tr", function (r) { return r.cells[0].textContent; });
      R.scatter = texts("#scatter .mark", function (c) { return c.getAttribute("data-key"); });
      R.timeline = texts("#timeline .mark", function (c) { return c.getAttribute("data-key"); });
      R.articleTitles = texts("#articles tbody tr", function (r) { return r.cells[1].textContent; });
      window.addEventListener("hashchange", step2, {once: true});
      var hostile = Array.prototype.filter.call(document.querySelectorAll("#articles tbody tr"), function (r) {
        return r.cells[1].textContent.indexOf("__pwned") >= 0; })[0];
      location.hash = "article=" + hostile.getAttribute("data-article");
    } catch (e) { R.errors.push("step1: " + e); finish(); }
  });
})();
