// Resolves with the reasons the page is not ready to print; an empty list means it is.
async () => {
  await document.fonts.ready;
  const problems = [];
  if (document.fonts.status !== "loaded") problems.push("fonts are still loading");
  for (const chart of document.querySelectorAll(".tk-chart")) {
    if (chart.dataset.rendered !== "static" || !chart.querySelector("svg")) {
      problems.push(`chart ${chart.id} is not its static SVG`);
    }
  }
  for (const img of document.images) {
    if (!img.complete || img.naturalWidth === 0) problems.push(`image ${img.src} did not load`);
  }
  return problems;
}
