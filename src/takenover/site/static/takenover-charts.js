/* Make the book's charts interactive without making the page wait for them.
 *
 * Each chart (.tk-chart) arrives drawn, as a static SVG, with its Vega-Lite spec beside it
 * (#<id>-spec). The vega bundle is large, so it is fetched only when a chart comes near the
 * viewport; each chart is then redrawn interactively in place. With no network at all the
 * bundle still loads, as it is served by the site itself.
 */
(function () {
  "use strict";
  var self = document.currentScript;
  var bundleUrl = new URL(self.getAttribute("data-bundle"), self.src).href;  // beside this script
  var bundle = null;

  function loadBundle() {
    if (!bundle) {
      bundle = new Promise(function (resolve, reject) {
        if (typeof window.vegaEmbed === "function") { resolve(); return; }
        var script = document.createElement("script");
        script.src = bundleUrl;
        script.async = true;
        script.onload = resolve;
        script.onerror = function () { reject(new Error("could not load " + bundleUrl)); };
        document.head.appendChild(script);
      });
    }
    return bundle;
  }

  function upgrade(chart) {
    var spec = document.getElementById(chart.id + "-spec");
    if (chart.getAttribute("data-rendered") !== "static" || !spec) { return; }
    chart.setAttribute("data-rendered", "upgrading");
    loadBundle()
      .then(function () {
        return window.vegaEmbed(chart, JSON.parse(spec.textContent), { actions: false, renderer: "svg" });
      })
      .then(function () {
        chart.setAttribute("data-rendered", "interactive");
        chart.setAttribute("data-rendered-ms", String(Math.round(performance.now())));
      })
      .catch(function (err) {
        chart.setAttribute("data-rendered", "static");
        console.error("chart " + chart.id + ": " + err);
      });
  }

  var charts = document.querySelectorAll(".tk-chart[data-rendered=static]");
  if (!("IntersectionObserver" in window)) {
    charts.forEach(upgrade);
    return;
  }
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) {
        observer.unobserve(entry.target);
        upgrade(entry.target);
      }
    });
  }, { rootMargin: "200px 0px" });
  charts.forEach(function (chart) { observer.observe(chart); });
})();
