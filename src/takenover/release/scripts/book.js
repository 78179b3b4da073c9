// Gathers the articles of every page of the book into this page, in reading order, for one print
// with one page numbering, after the front matter (title page and contents) the printer gives.
// Ids get a per-page prefix so they stay unique, and links between pages become links within the
// book; links to anything outside the book lose their target.
async ({ base, parts, css, front }) => {
  const keyOf = new Map(parts.map((p) => [new URL(p.path, base).href, p.key]));
  const here = location.href.split("#")[0];
  const container = document.querySelector("article.bd-article");
  const sections = [];
  for (const part of parts) {
    const url = new URL(part.path, base).href;
    let article = container;
    if (url !== here) {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${part.path}: HTTP ${response.status}`);
      const doc = new DOMParser().parseFromString(await response.text(), "text/html");
      article = doc.querySelector("article.bd-article");
    }
    const section = document.createElement("section");
    section.className = "tk-book-part";
    section.id = part.key;
    for (const child of [...article.childNodes]) section.appendChild(document.importNode(child, true));
    const prefix = (id) => `${part.key}--${id}`;
    for (const el of section.querySelectorAll("[id]")) el.id = prefix(el.id);
    for (const el of section.querySelectorAll("*")) {
      for (const attr of [...el.attributes]) {
        if (attr.value.includes("url(#")) {
          el.setAttribute(attr.name, attr.value.replace(/url\(#([^)]+)\)/g, (_, id) => `url(#${prefix(id)})`));
        } else if (["aria-labelledby", "aria-describedby", "for"].includes(attr.name)) {
          el.setAttribute(attr.name, attr.value.split(/\s+/).map(prefix).join(" "));
        }
      }
    }
    for (const a of section.querySelectorAll("a[href]")) {
      const target = new URL(a.getAttribute("href"), url);
      if (!target.href.startsWith(base)) continue;
      const key = keyOf.get(target.href.split("#")[0]);
      if (key === undefined) a.removeAttribute("href");
      else a.setAttribute("href", target.hash ? `#${key}--${decodeURIComponent(target.hash.slice(1))}` : `#${key}`);
    }
    for (const img of section.querySelectorAll("img[src]")) img.src = new URL(img.getAttribute("src"), url).href;
    sections.push(section);
  }
  const frontMatter = document.createElement("div");
  frontMatter.innerHTML = front;
  container.replaceChildren(...frontMatter.childNodes, ...sections);
  const style = document.createElement("style");
  style.textContent = css;
  document.head.appendChild(style);
  await Promise.all([...document.images].map((img) => img.decode().catch(() => null)));
}
