"use strict";
(function () {
  // Every string from the data goes into the page through textContent or an attribute set by
  // setAttribute: never as HTML. Links only for http(s) URLs the build vouched for.
  var D = JSON.parse(document.getElementById("data").textContent);
  var PAGE = 500;
  var NUM = ["params_total", "params_active", "experts", "context_tokens", "training_tokens"];
  var COLS = [["model", "model"], ["family", "family"], ["organization", "organization"]]
    .concat(NUM.map(function (a) { return [a, a, true]; }))
    .concat([["n_articles", "articles", true], ["first_published", "first"], ["last_published", "last"],
             ["conflicts", "conflicts"]]);
  var ACOLS = [[5, "published"], [1, "title"], [2, "source"], [7, "models", true], [8, "facts", true], [9, "claims", true]];
  var byKey = {}, byArticle = {};
  D.models.forEach(function (m, i) { byKey[m.key] = i; });
  D.articles.forEach(function (a, i) { byArticle[a[0]] = i; });
  var valuesOf = group(D.values, 0), statementsOf = group(D.statements, 0);
  var claimsOfGraph = group(D.claims, 14);
  var graphOf = {};
  D.graph.forEach(function (g, i) {
    [g[0], g[2]].forEach(function (m) { if (m >= 0) (graphOf[m] = graphOf[m] || []).push(i); });
  });

  function group(rows, col) {
    var out = {};
    rows.forEach(function (r, i) { if (r[col] >= 0) (out[r[col]] = out[r[col]] || []).push(i); });
    return out;
  }
  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k]; else if (k === "cls") e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (kids || []).forEach(function (c) { if (c != null) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }
  function human(n) {
    if (n == null || n === "") return "";
    var s = [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "K"]];
    for (var i = 0; i < s.length; i++) if (n >= s[i][0]) return +(n / s[i][0]).toPrecision(3) + s[i][1];
    return String(n);
  }
  function show(attribute, value) { return NUM.indexOf(attribute) >= 0 ? human(value) : String(value); }
  function isHttp(u) { return typeof u === "string" && /^https?:\/\/[^\s]/i.test(u); }
  function articleLink(ai, at) {
    var a = D.articles[ai];
    if (!a) return el("span", {text: "(article gone)"});
    var link = el("a", {href: "#article=" + encodeURIComponent(a[0]) + (at >= 0 ? "&at=" + at : ""),
                        text: a[1] || a[2]});
    return el("span", {}, [link, " ", el("span", {cls: "meta", text: (a[5] || "undated") + " · " + a[2]})]);
  }
  function cmp(a, b) {
    if (a == null || a === "") return (b == null || b === "") ? 0 : 1;
    if (b == null || b === "") return -1;
    if (typeof a === "number" && typeof b === "number") return a - b;
    return String(a).localeCompare(String(b), "fr", {sensitivity: "base", numeric: true});
  }

  // ------------------------------------------------------------------ tables (sort, filter, pages)
  function Grid(opts) {
    this.o = opts; this.sortCol = null; this.desc = false; this.page = 0; this.rows = opts.rows();
    var self = this, head = opts.table.tHead.rows[0];
    opts.cols.forEach(function (c, i) {
      var th = el("th", {scope: "col", tabindex: "0", "data-col": String(i), text: c[1]});
      th.addEventListener("click", function () { self.sortBy(i); });
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") self.sortBy(i); });
      head.appendChild(th);
    });
    opts.filter.addEventListener("input", function () { self.page = 0; self.draw(); });
    if (opts.only) opts.only.addEventListener("change", function () { self.page = 0; self.draw(); });
    opts.prev.addEventListener("click", function () { self.page--; self.draw(); });
    opts.next.addEventListener("click", function () { self.page++; self.draw(); });
  }
  Grid.prototype.sortBy = function (i) {
    this.desc = this.sortCol === i ? !this.desc : !!this.o.cols[i][2];
    this.sortCol = i; this.page = 0; this.draw();
  };
  Grid.prototype.draw = function () {
    var o = this.o, q = o.filter.value.trim().toLowerCase(), only = o.only && o.only.checked;
    var rows = this.rows.filter(function (r) { return (!q || o.text(r).indexOf(q) >= 0) && (!only || o.flagged(r)); });
    if (this.sortCol !== null) {
      var c = this.sortCol, sign = this.desc ? -1 : 1;
      rows = rows.map(function (r, i) { return [r, i]; }).sort(function (x, y) {
        var a = o.cell(x[0], c), b = o.cell(y[0], c), e = (a == null || a === "") - (b == null || b === "");
        return e || sign * cmp(a, b) || x[1] - y[1];
      }).map(function (x) { return x[0]; });
    }
    var pages = Math.max(1, Math.ceil(rows.length / PAGE));
    this.page = Math.min(Math.max(this.page, 0), pages - 1);
    var body = el("tbody"), start = this.page * PAGE;
    rows.slice(start, start + PAGE).forEach(function (r) { body.appendChild(o.render(r)); });
    o.table.replaceChild(body, o.table.tBodies[0]);
    Array.prototype.forEach.call(o.table.tHead.rows[0].cells, function (th, i) {
      if (i === this.sortCol) th.setAttribute("aria-sort", this.desc ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    }, this);
    o.count.textContent = rows.length + " of " + this.rows.length +
      (pages > 1 ? " · page " + (this.page + 1) + " of " + pages : "");
    o.prev.disabled = this.page === 0; o.next.disabled = this.page >= pages - 1;
  };

  var catalog = new Grid({
    table: document.getElementById("catalog"), filter: document.getElementById("catalog-filter"),
    only: document.getElementById("conflicts-only"), count: document.getElementById("catalog-count"),
    prev: document.getElementById("catalog-prev"), next: document.getElementById("catalog-next"), cols: COLS,
    rows: function () { return D.models.map(function (m, i) { return i; }); },
    cell: function (i, c) { var v = D.models[i][COLS[c][0]]; return Array.isArray(v) ? v.join(" ") : v; },
    text: function (i) { var m = D.models[i]; return [m.model, m.spellings, m.family, m.organization].join(" ").toLowerCase(); },
    flagged: function (i) { return D.models[i].conflicts.length > 0; },
    render: function (i) {
      var m = D.models[i], tr = el("tr", {"data-key": m.key, tabindex: "0"});
      if (m.conflicts.length) tr.className = "has-conflict";
      COLS.forEach(function (c) {
        var v = m[c[0]], td;
        if (NUM.indexOf(c[0]) >= 0) {
          td = el("td", {cls: "num", text: human(v)});
          if (v != null) td.title = String(v);
          if (m.conflicts.indexOf(c[0]) >= 0) td.appendChild(el("span", {cls: "conflict-flag", text: " ⚠", title: "articles disagree"}));
        } else if (c[0] === "conflicts") td = el("td", {cls: "conflicts", text: v.join(", ")});
        else if (c[0] === "organization") td = el("td", {text: v || "", title: m.organization_source ? "from the " + m.organization_source : ""});
        else td = el("td", {cls: c[2] ? "num" : "", text: v == null ? "" : String(v)});
        tr.appendChild(td);
      });
      tr.addEventListener("click", function () { location.hash = "model=" + encodeURIComponent(m.key); });
      tr.addEventListener("keydown", function (e) { if (e.key === "Enter") location.hash = "model=" + encodeURIComponent(m.key); });
      return tr;
    }
  });
  var articles = new Grid({
    table: document.getElementById("articles"), filter: document.getElementById("articles-filter"),
    count: document.getElementById("articles-count"), prev: document.getElementById("articles-prev"),
    next: document.getElementById("articles-next"), cols: ACOLS,
    rows: function () { return D.articles.map(function (a, i) { return i; }); },
    cell: function (i, c) { return D.articles[i][ACOLS[c][0]]; },
    text: function (i) { var a = D.articles[i]; return [a[1], a[2], a[6]].join(" ").toLowerCase(); },
    render: function (i) {
      var a = D.articles[i], tr = el("tr", {"data-article": a[0], tabindex: "0"});
      ACOLS.forEach(function (c) { tr.appendChild(el("td", {cls: c[2] ? "num" : "", text: String(a[c[0]])})); });
      tr.addEventListener("click", function () { location.hash = "article=" + encodeURIComponent(a[0]); });
      tr.addEventListener("keydown", function (e) { if (e.key === "Enter") location.hash = "article=" + encodeURIComponent(a[0]); });
      return tr;
    }
  });
  catalog.draw(); articles.draw();

  // ------------------------------------------------------------------ tabs, charts, routing
  var tabs = document.querySelectorAll("nav button");
  function tab(name) {
    Array.prototype.forEach.call(tabs, function (b) {
      var on = b.getAttribute("data-tab") === name;
      b.setAttribute("aria-selected", on ? "true" : "false");
      document.getElementById(b.getAttribute("data-tab")).hidden = !on;
    });
  }
  Array.prototype.forEach.call(tabs, function (b) { b.addEventListener("click", function () { tab(b.getAttribute("data-tab")); }); });
  Array.prototype.forEach.call(document.querySelectorAll("svg .mark"), function (c) {
    function open() { location.hash = "model=" + encodeURIComponent(c.getAttribute("data-key")); }
    c.addEventListener("click", open);
    c.addEventListener("keydown", function (e) { if (e.key === "Enter") open(); });
  });
  var panel = document.getElementById("panel"), body = document.getElementById("panel-body");
  document.getElementById("panel-close").addEventListener("click", function () { location.hash = ""; });
  function route() {
    var h = location.hash.replace(/^#/, ""), p = {};
    h.split("&").forEach(function (kv) { var i = kv.indexOf("="); if (i > 0) p[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); });
    hideTip();
    if (p.model != null && byKey[p.model] != null) openModel(byKey[p.model]);
    else if (p.article != null && byArticle[p.article] != null) openArticle(byArticle[p.article], p.at != null ? +p.at : -1);
    else { panel.hidden = true; document.querySelector("main").classList.remove("with-panel"); }
  }
  function openPanel(nodes) {
    body.textContent = "";
    nodes.forEach(function (n) { body.appendChild(n); });
    panel.hidden = false; panel.scrollTop = 0;
    document.querySelector("main").classList.add("with-panel");
  }
  window.addEventListener("hashchange", route);

  // ------------------------------------------------------------------ a model's evidence
  function openModel(mi) {
    var m = D.models[mi], nodes = [];
    nodes.push(el("h2", {text: m.model, "data-model": m.key}));
    nodes.push(el("p", {cls: "meta", text: [m.family, m.organization ? m.organization + " (" + m.organization_source + ")" : "",
      m.n_articles + (m.n_articles === 1 ? " article" : " articles"),
      m.first_published ? "first " + m.first_published : "", m.last_published ? "last " + m.last_published : ""]
      .filter(Boolean).join(" · ")}));
    if (m.spellings.indexOf("|") >= 0) nodes.push(el("p", {cls: "meta", text: "Spellings: " + m.spellings}));
    var values = valuesOf[mi] || [], statements = statementsOf[mi] || [];
    D.attributes.forEach(function (attr) {
      var these = values.filter(function (v) { return D.values[v][1] === attr; });
      if (!these.length) return;
      var h = el("h3", {text: attr});
      if (m.conflicts.indexOf(attr) >= 0) h.appendChild(el("span", {cls: "badge conflict", text: "⚠ articles disagree"}));
      nodes.push(h);
      these.forEach(function (vi) {
        var v = D.values[vi], box = el("div", {cls: "value" + (v[3] ? " best" : ""), "data-attribute": attr});
        var head = el("div", {cls: "head", text: show(attr, v[2])});
        if (NUM.indexOf(attr) >= 0) head.title = String(v[2]);
        if (v[3]) head.appendChild(el("span", {cls: "badge best", text: "best supported"}));
        head.appendChild(el("span", {cls: "badge", text: v[4] + (v[4] === 1 ? " article" : " articles") + (v[6] ? ", since " + v[6] : "")}));
        if (v[5] > 0) head.appendChild(el("span", {cls: "badge hedged", text: Math.round(v[5] * 100) + "% hedged"}));
        box.appendChild(head);
        var ul = el("ul", {cls: "quotes"});
        statements.forEach(function (si) {
          var s = D.statements[si];
          if (s[1] !== attr || String(s[2]) !== String(v[2])) return;
          var li = el("li", {}, [el("q", {cls: "quote", text: s[4]}), s[3] ? el("span", {cls: "badge hedged", text: "hedged"}) : null,
            " — ", articleLink(s[5], s[6]), el("span", {cls: "badge", text: s[8]})]);
          ul.appendChild(li);
        });
        box.appendChild(ul);
        nodes.push(box);
      });
    });
    var graph = graphOf[mi] || [];
    if (graph.length) {
      nodes.push(el("h3", {text: "Claims (" + graph.length + ")"}));
      graph.forEach(function (gi) {
        var g = D.graph[gi], box = el("div", {cls: "value"});
        var subject = g[0] >= 0 ? D.models[g[0]].model : "", object = g[2] >= 0 ? D.models[g[2]].model : g[3];
        var what = [subject, g[1].replace(/_/g, " "), object, g[4] ? "on " + g[4] : "", g[6] !== "" ? "= " + g[6] + (g[5] ? " " + g[5] : "") : ""];
        var head = el("div", {cls: "head", text: what.filter(Boolean).join(" ")});
        head.appendChild(el("span", {cls: "badge", text: g[7] + (g[7] === 1 ? " article" : " articles")}));
        if (g[9]) head.appendChild(el("span", {cls: "badge", text: "claimed by " + g[9]}));
        if (g[8] > 0) head.appendChild(el("span", {cls: "badge hedged", text: Math.round(g[8] * 100) + "% hedged"}));
        box.appendChild(head);
        var ul = el("ul", {cls: "quotes"});
        (claimsOfGraph[gi] || []).forEach(function (ci) {
          var c = D.claims[ci];
          ul.appendChild(el("li", {}, [el("q", {cls: "quote", text: c[9]}), c[8] ? el("span", {cls: "badge hedged", text: "hedged"}) : null,
            " — ", articleLink(c[10], c[11]), el("span", {cls: "badge", text: c[13]})]));
        });
        box.appendChild(ul);
        nodes.push(box);
      });
    }
    openPanel(nodes);
  }

  // ------------------------------------------------------------------ an article, highlighted
  var parsed = {};
  function articleData(id) {
    if (!parsed[id]) { var s = document.getElementById("t-" + id); parsed[id] = s ? JSON.parse(s.textContent) : {t: "", a: [], missing: true}; }
    return parsed[id];
  }
  function openArticle(ai, at) {
    var a = D.articles[ai], data = articleData(a[0]), nodes = [];
    nodes.push(el("h2", {text: a[1] || a[2], "data-article": a[0]}));
    nodes.push(el("p", {cls: "meta", text: [a[5] || "undated", a[6], a[2], a[7] + " models, " + a[8] + " facts, " + a[9] + " claims"]
      .filter(Boolean).join(" · ")}));
    if (a[4]) nodes.push(el("p", {cls: "meta"}, ["URL: ", isHttp(a[3]) ? el("a", {href: a[3], rel: "noopener noreferrer", target: "_blank", text: a[4]})
                                                                      : el("span", {cls: "url-text", text: a[4]})]));
    nodes.push(el("p", {cls: "meta legend"}, [el("span", {cls: "k-m", text: "model", style: "background:var(--model)"}),
      el("span", {text: "value", style: "background:var(--fact)"}), el("span", {text: "claim", style: "background:var(--claim)"}),
      "hover or focus (Tab) a highlight to see its row"]));
    var div = el("div", {cls: "article-text", id: "article-text"});
    if (data.missing) div.textContent = "(the text of this article is not in texts/)";
    else render(div, data.t, data.a);
    nodes.push(div);
    openPanel(nodes);
    if (at >= 0) {
      var target = div.querySelector('mark[data-start="' + at + '"]');
      if (target) { target.classList.add("target"); target.scrollIntoView({block: "center"}); }
    }
  }
  function render(div, text, anns) {
    var cuts = [0, text.length];
    anns.forEach(function (x) { cuts.push(Math.max(0, Math.min(text.length, x[0])), Math.max(0, Math.min(text.length, x[1]))); });
    cuts = cuts.filter(function (c, i, all) { return all.indexOf(c) === i; }).sort(function (x, y) { return x - y; });
    var frag = document.createDocumentFragment();
    for (var i = 0; i + 1 < cuts.length; i++) {
      var s = cuts[i], e = cuts[i + 1], piece = text.slice(s, e), on = [];
      anns.forEach(function (x, j) { if (x[0] <= s && x[1] >= e) on.push(j); });
      if (!on.length) { frag.appendChild(document.createTextNode(piece)); continue; }
      var kinds = {}, hedged = false;
      on.forEach(function (j) { var x = anns[j]; kinds["k-" + x[2]] = 1; if (x[2] === "f" ? D.statements[x[3]][3] : x[2] === "c" ? D.claims[x[3]][8] : false) hedged = true; });
      var mk = el("mark", {cls: Object.keys(kinds).sort().join(" ") + (hedged ? " hedged" : ""), tabindex: "0",
                            "data-a": on.map(function (j) { return anns[j].join(":"); }).join(" "), "data-start": String(s), text: piece});
      frag.appendChild(mk);
    }
    div.appendChild(frag);
    div.addEventListener("mouseover", tipFor); div.addEventListener("focusin", tipFor);
    div.addEventListener("mouseout", hideTip); div.addEventListener("focusout", hideTip);
  }
  var tip = document.getElementById("tip");
  function tipFor(e) {
    var mk = e.target.closest ? e.target.closest("mark") : null;
    if (!mk) return;
    tip.textContent = "";
    mk.getAttribute("data-a").split(" ").forEach(function (code) {
      var p = code.split(":"), kind = p[2], i = +p[3], rows;
      if (kind === "f") { var s = D.statements[i]; rows = [["row", "facts.csv"], ["model", s[0] >= 0 ? D.models[s[0]].model : ""], ["attribute", s[1]],
                          ["value", show(s[1], isNaN(+s[2]) ? s[2] : +s[2]) + (NUM.indexOf(s[1]) >= 0 ? " (" + s[2] + ")" : "")], ["hedged", s[3] ? "yes" : "no"], ["recognizer", s[8]]]; }
      else if (kind === "c") { var c = D.claims[i]; rows = [["row", "claims.csv"], ["subject", c[0] >= 0 ? D.models[c[0]].model : ""], ["relation", c[1]],
                          ["object", c[3]], ["benchmark", c[4]], ["value", c[6] + (c[5] ? " " + c[5] : "")], ["claimed by", c[7]],
                          ["hedged", c[8] ? "yes" : "no"], ["recognizer", c[13]]].filter(function (r) { return r[1] !== ""; }); }
      else { rows = [["row", "models.csv"], ["model", i >= 0 ? D.models[i].model : ""]]; if (i >= 0 && D.models[i].family) rows.push(["family", D.models[i].family]); }
      var t = el("table"), box = el("div", {cls: "row"}, [t]);
      rows.forEach(function (r) { t.appendChild(el("tr", {}, [el("td", {text: r[0]}), el("td", {text: String(r[1])})])); });
      tip.appendChild(box);
    });
    var r = mk.getBoundingClientRect();
    tip.style.left = Math.max(4, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - 470)) + "px";
    tip.style.top = (window.scrollY + r.bottom + 6) + "px";
    tip.hidden = false;
    mk.setAttribute("aria-describedby", "tip");
  }
  function hideTip() { tip.hidden = true; }
  route();
})();
