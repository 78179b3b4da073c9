// The text of every heading that prints, in document order: what the PDF's outline should say.
() =>
  [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
    .filter((h) => h.getClientRects().length > 0)
    .map((h) => h.innerText.replace(/\s+/g, " ").trim())
