// Makes a chapter's links right for a PDF that lives apart from the site: links within the page
// stay internal; links to other pages keep the public address, or lose their target if the site
// has none (the print server's address would be a dead end).
({ base, public: isPublic }) => {
  const here = location.href.split("#")[0];
  for (const a of document.querySelectorAll("a[href]")) {
    const url = new URL(a.getAttribute("href"), location.href);
    if (!url.href.startsWith(base)) continue;
    if (url.href.split("#")[0] === here) a.setAttribute("href", url.hash || "#");
    else if (isPublic) a.setAttribute("href", url.href);
    else a.removeAttribute("href");
  }
}
